import ArgumentParser
import RegistrarKit

extension Registrar {
    /// `registrar audit`: the append-only audit log.
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Show the audit log: imports, changes and every look-up of sensitive data.",
                           zh: "查看审计日志：导入、修改及每次敏感信息查询。").inHelp)

        @OptionGroup var options: GlobalOptions

        @Option(help: Text(en: "Only entries from this day on, as 2018-12-31, 2018/12/31, 20181231 or 2018年12月31日 (UTC).",
                           zh: "只列此日（含）以后的记录，如 2018-12-31、2018/12/31、20181231 或 2018年12月31日（UTC）。").asHelp, transform: DayArgument.day)
        var since: Day?

        func validate() throws { try options.require(formatIn: Self.formats) }

        func run() throws {
            let entries = try options.openRegistryToRead().auditEntries(since: since)
            if options.format == .json { return try Output.json(entries) }
            let language = options.language
            Output.rows(
                headers: [Text(en: "at", zh: "时间")(language), Text(en: "who", zh: "操作人")(language),
                          Text(en: "action", zh: "操作")(language), Text(en: "subject", zh: "对象")(language),
                          Text(en: "detail", zh: "说明")(language)],
                keys: ["at", "actor", "action", "subject", "detail"],
                entries.map { entry in
                    options.format == .csv
                        ? [entry.at, entry.actor, entry.action, entry.subject ?? "", entry.detail ?? ""]
                        : [entry.at, entry.actor, AuditWords.action(entry.action, language),
                           AuditWords.subject(entry.subject ?? "", language), AuditWords.detail(entry.detail ?? "", language)]
                },
                format: options.format)
        }
    }
}
