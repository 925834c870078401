import ArgumentParser
import RegistrarKit

extension Registrar {
    /// `registrar audit`: the append-only audit log.
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the audit log: imports, changes and every look-up of sensitive data.")

        @OptionGroup var options: GlobalOptions

        @Option(help: "Only entries from this day on, YYYY-MM-DD (UTC).")
        var since: Day?

        func validate() throws { try options.require(formatIn: [.table, .csv, .json]) }

        func run() throws {
            let entries = try options.openRegistry().auditEntries(since: since)
            if options.format == .json { return try Output.json(entries) }
            let language = options.language
            Output.rows(
                headers: [Text(en: "at", zh: "时间")(language), Text(en: "who", zh: "操作人")(language),
                          Text(en: "action", zh: "操作")(language), Text(en: "subject", zh: "对象")(language),
                          Text(en: "detail", zh: "说明")(language)],
                entries.map { [$0.at, $0.actor, $0.action, $0.subject ?? "", $0.detail ?? ""] },
                format: options.format)
        }
    }
}
