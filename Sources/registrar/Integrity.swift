import ArgumentParser
import Foundation
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

extension Registrar {
    /// `registrar integrity`: academic-integrity dossiers (会员学术诚信档案).
    struct Integrity: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Academic-integrity dossiers: look up, check before a nomination, record cases.",
                           zh: "学术诚信档案：查询、提名前核查、登记案件。").inHelp,
            subcommands: [Lookup.self, Check.self, Add.self, Update.self, History.self])
    }
}

extension Registrar.Integrity {
    struct Lookup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "A member's dossier, by member number, identity number, ORCID or part of a name (audited).",
                           zh: "按会员编号、证件号码、ORCID 或姓名片段查询会员档案（记入审计）。").inHelp)

        @OptionGroup var options: GlobalOptions
        @Argument(help: Text(en: "Member number, identity number, ORCID iD, or a part of a name.",
                             zh: "会员编号、证件号码、ORCID 或姓名片段。").asHelp)
        var query: String
        @Flag(help: Text(en: "Show identity numbers unmasked (recorded in the audit log).",
                         zh: "显示完整证件号码（记入审计日志）。").asHelp)
        var reveal = false

        func validate() throws { try options.require(formatIn: Self.formats) }

        func run() throws {
            let dossiers = try options.openRegistry().lookupDossiers(query, reveal: reveal)
            let view = DossierView(language: options.language, reveal: reveal)
            if options.format == .json { return try Output.json(dossiers.map(view.json)) }
            guard !dossiers.isEmpty else {
                throw CommandError(problem: Text(
                    en: "no member matches '\(Masking.safeEcho(query))' (member number, identity number, ORCID or name); this is not the same as a member with no cases",
                    zh: "没有与 '\(Masking.safeEcho(query))' 匹配的会员（会员编号、证件号码、ORCID 或姓名）；这与“会员无诚信案件”不同"))
            }
            Console.write(dossiers.map(view.text).joined(separator: "\n"))
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Clear, or the sanctions in force that block a nomination, award or board seat (exit 3 when blocked).",
                           zh: "核查是否有妨碍提名、评奖或理事任职的有效处理（受阻时退出码为 3）。").inHelp)

        @OptionGroup var options: GlobalOptions
        @Argument(help: Text(en: "Member number, identity number or ORCID iD.", zh: "会员编号、证件号码或 ORCID。").asHelp)
        var key: String
        @Option(help: Text(en: "The day of the nomination, as 2018-12-31, 2018/12/31, 20181231 or 2018年12月31日 (default: today).",
                           zh: "提名日期，如 2018-12-31、2018/12/31、20181231 或 2018年12月31日（默认：今天）。").asHelp, transform: DayArgument.day)
        var on: Day?
        /// `--as-of`, as `count` spells it (hidden).
        @Option(name: .customLong("as-of"), help: .hidden, transform: DayArgument.day)
        var asOf: Day?

        func validate() throws {
            try options.require(formatIn: Self.formats)
            _ = try DayFlagPair.day(on, asOf, names: ("--on", "--as-of"))
        }

        func run() throws {
            let verdict = try options.openRegistry().checkIntegrity(key: key, on: on ?? asOf ?? Day.today())
            let view = DossierView(language: options.language, reveal: false)
            if options.format == .json {
                try Output.json(view.json(verdict))
            } else {
                Console.write(view.text(verdict))
            }
            if !verdict.clear { throw CheckVerdict() }
        }
    }

    /// The case fields as flags, shared by `add` and `update`.
    struct CaseFields: ParsableArguments {
        @Option(name: .customLong("opened-on"), help: Text(en: "The day the case was opened, as 2018-12-31, 2018/12/31, 20181231 or 2018年12月31日.",
                                                           zh: "立案日期，如 2018-12-31、2018/12/31、20181231 或 2018年12月31日。").asHelp, transform: DayArgument.day) var openedOn: Day?
        @Option(help: Text(en: "fabrication, falsification, plagiarism, improper_authorship, duplicate_submission, paper_mill, review_manipulation, other (or the Chinese term)",
                           zh: "不端类型：fabrication、falsification、plagiarism、improper_authorship、duplicate_submission、paper_mill、review_manipulation、other（或中文名称）").asHelp)
        var allegation: String?
        @Option(help: Text(en: "open, investigating, decided, appealed, closed (or 立案, 调查中, 已处理, 申诉中, 结案)",
                           zh: "立案、调查中、已处理、申诉中、结案（或 open、investigating、decided、appealed、closed）").asHelp) var status: String?
        @Option(help: Text(en: "substantiated or unsubstantiated (属实/不属实)",
                           zh: "属实/不属实（或 substantiated、unsubstantiated）").asHelp) var finding: String?
        @Option(name: .customLong("decided-on"), help: Text(en: "The day of the decision, as 2018-12-31, 2018/12/31, 20181231 or 2018年12月31日.",
                                                            zh: "处理决定日期，如 2018-12-31、2018/12/31、20181231 或 2018年12月31日。").asHelp, transform: DayArgument.day) var decidedOn: Day?
        @Option(help: Text(en: "none, warning, criticism, suspension, expulsion, award_revocation, nomination_ban (or the Chinese term)",
                           zh: "处理措施：none、warning、criticism、suspension、expulsion、award_revocation、nomination_ban（或中文名称）").asHelp)
        var sanction: String?
        @Option(name: .customLong("sanction-start"), help: Text(en: "The first day the sanction is in force, as 2018-12-31, 2018/12/31, 20181231 or 2018年12月31日.",
                                                                zh: "处理生效的第一天，如 2018-12-31、2018/12/31、20181231 或 2018年12月31日。").asHelp, transform: DayArgument.day) var sanctionStart: Day?
        @Option(name: .customLong("sanction-end"), help: Text(en: "Empty for a permanent sanction.",
                                                              zh: "永久处理时留空。").asHelp, transform: DayArgument.day) var sanctionEnd: Day?
        @Option(help: Text(en: "The decision document's reference (文号).", zh: "处理决定的文号。").asHelp) var reference: String?
        @Option(help: Text(en: "A note on the case.", zh: "案件备注。").asHelp) var note: String?

        func term<V>(_ value: String?, _ vocabulary: (String) -> V?, _ flag: String) throws -> V? {
            guard let value else { return nil }
            guard let matched = vocabulary(value) else { throw ValidationError(Text(en: "--\(flag) '\(value)' is not a known value; see --help",
                                                                           zh: "--\(flag) 的值 '\(value)' 无法识别；详见 --help")) }
            return matched
        }

        func apply(to record: inout IntegrityCase) throws {
            if let openedOn { record.openedOn = openedOn }
            if let value = try term(allegation, { Allegation.parse($0) }, "allegation") { record.allegation = value }
            if let value = try term(status, { CaseStatus.parse($0) }, "status") { record.status = value }
            if let value = try term(finding, { Finding.parse($0) }, "finding") { record.finding = value }
            if let decidedOn { record.decidedOn = decidedOn }
            if let value = try term(sanction, { Sanction.parse($0) }, "sanction") { record.sanction = value }
            if let sanctionStart { record.sanctionStart = sanctionStart }
            if record.sanction != .none && record.sanctionStart == nil { record.sanctionStart = record.decidedOn }
            if let sanctionEnd { record.sanctionEnd = sanctionEnd }
            if let reference { record.reference = reference }
            if let note { record.note = note }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text(en: "Record a new case.", zh: "登记新案件。").inHelp)
        @OptionGroup var options: GlobalOptions
        @Argument(help: Text(en: "The case number (案件编号).", zh: "案件编号。").asHelp) var caseNo: String
        @Option(help: Text(en: "The member: member number, identity number or ORCID.",
                           zh: "会员：会员编号、证件号码或 ORCID。").asHelp) var member: String
        @OptionGroup var fields: CaseFields

        func validate() throws {
            guard fields.openedOn != nil, fields.allegation != nil else {
                throw ValidationError(Text(en: "a new case needs --opened-on and --allegation",
                                           zh: "登记新案件需要 --opened-on 和 --allegation"))
            }
        }

        func run() throws {
            let registry = try options.openRegistry()
            if try registry.integrityCase(caseNo) != nil {
                throw CommandError(problem: Text(en: "case \(caseNo) already exists; change it with `registrar integrity update \(caseNo)`",
                                                zh: "案件 \(caseNo) 已存在；请用 `registrar integrity update \(caseNo)` 修改"))
            }
            guard let openedOn = fields.openedOn else {
                throw ValidationError(Text(en: "a new case needs --opened-on and --allegation", zh: "登记新案件需要 --opened-on 和 --allegation"))
            }
            var record = IntegrityCase(caseNo: caseNo, memberID: try registry.memberID(forKey: member), openedOn: openedOn,
                                       allegation: .other, status: .open, finding: nil, decidedOn: nil, sanction: .none,
                                       sanctionStart: nil, sanctionEnd: nil, reference: nil, note: nil)
            try fields.apply(to: &record)
            _ = try registry.saveCase(record)
            Console.error(Text(en: "case \(caseNo) recorded", zh: "案件 \(caseNo) 已登记")(options.language))
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text(en: "Change a case; every changed field is kept in its history.",
                                                                       zh: "修改案件；每个改动的字段都留有历史。").inHelp)
        @OptionGroup var options: GlobalOptions
        @Argument(help: Text(en: "The case number (案件编号).", zh: "案件编号。").asHelp) var caseNo: String
        @OptionGroup var fields: CaseFields

        func run() throws {
            let registry = try options.openRegistry()
            guard var record = try registry.integrityCase(caseNo) else {
                throw CommandError(problem: Text(en: "no case numbered \(caseNo); record it with `registrar integrity add`",
                                                zh: "没有编号为 \(caseNo) 的案件；请用 `registrar integrity add` 登记"))
            }
            try fields.apply(to: &record)
            _ = try registry.saveCase(record)
            Console.error(Text(en: "case \(caseNo) updated", zh: "案件 \(caseNo) 已更新")(options.language))
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text(en: "What changed in a case, when, and from which import batch.",
                                                                       zh: "案件的修改历史：改了什么、何时、来自哪个导入批次。").inHelp)
        @OptionGroup var options: GlobalOptions
        @Argument(help: Text(en: "The case number (案件编号).", zh: "案件编号。").asHelp) var caseNo: String

        func run() throws {
            let rows = try options.openRegistry().caseHistory(caseNo)
            let language = options.language
            Output.rows(headers: [Text(en: "changed at", zh: "时间"), Text(en: "batch", zh: "批次"), Text(en: "field", zh: "字段"),
                                  Text(en: "from", zh: "原值"), Text(en: "to", zh: "新值")].map { $0(language) },
                        keys: ["changed_at", "batch", "field", "old_value", "new_value"],
                        rows.map { [$0.changedAt, $0.batch.map(String.init) ?? "", $0.field, $0.old ?? "", $0.new ?? ""] },
                        format: options.format)
        }
    }
}
