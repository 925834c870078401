import ArgumentParser
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

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
            let registry = try options.openRegistryToRead()
            // What `registrar serve` put in its journal while an import ran joins the log first, unless the
            // registry is busy or cannot be written here; then this says they are there.
            let waiting = (try? AuditJournal.moveLeftovers(registryPath: registry.path)) ?? 0
            if waiting > 0 {
                Console.error(Text(en: "Note: \(waiting) entries of the web view wait in \(registry.path).web-audit and are not shown yet; they join the log when the registry can be written.",
                                   zh: "注意：网页的 \(waiting) 条记录仍在 \(registry.path).web-audit 中，暂未列出；会员库可写入时将并入日志。")(options.language))
            }
            let entries = try registry.auditEntries(since: since)
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
