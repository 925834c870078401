import ArgumentParser
import Foundation
import RegistrarKit

extension Registrar {
    /// `registrar integrity`: academic-integrity dossiers (会员学术诚信档案).
    struct Integrity: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Academic-integrity dossiers: look up, check before a nomination, record cases.",
            subcommands: [Lookup.self, Check.self, Add.self, Update.self, History.self])
    }
}

extension Registrar.Integrity {
    struct Lookup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A member's dossier, by member number, identity number, ORCID or part of a name (audited).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Member number, identity number, ORCID iD, or a part of a name.")
        var query: String
        @Flag(help: "Show identity numbers unmasked (recorded in the audit log).")
        var reveal = false

        func validate() throws { try options.require(formatIn: [.table, .json]) }

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
            abstract: "Clear, or the sanctions in force that block a nomination, award or board seat (exit 3 when blocked).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Member number, identity number or ORCID iD.")
        var key: String
        @Option(help: "The day of the nomination, YYYY-MM-DD (default: today).")
        var on: Day?

        func validate() throws { try options.require(formatIn: [.table, .json]) }

        func run() throws {
            let verdict = try options.openRegistry().checkIntegrity(key: key, on: on ?? Day.today())
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
        @Option(name: .customLong("opened-on")) var openedOn: Day?
        @Option(help: "fabrication, falsification, plagiarism, improper_authorship, duplicate_submission, paper_mill, review_manipulation, other (or the Chinese term)")
        var allegation: String?
        @Option(help: "open, investigating, decided, appealed, closed (or 立案, 调查中, 已处理, 申诉中, 结案)") var status: String?
        @Option(help: "substantiated or unsubstantiated (属实/不属实)") var finding: String?
        @Option(name: .customLong("decided-on")) var decidedOn: Day?
        @Option(help: "none, warning, criticism, suspension, expulsion, award_revocation, nomination_ban (or the Chinese term)")
        var sanction: String?
        @Option(name: .customLong("sanction-start")) var sanctionStart: Day?
        @Option(name: .customLong("sanction-end"), help: "Empty for a permanent sanction.") var sanctionEnd: Day?
        @Option(help: "The decision document's reference (文号).") var reference: String?
        @Option var note: String?

        func term<V>(_ value: String?, _ vocabulary: (String) -> V?, _ flag: String) throws -> V? {
            guard let value else { return nil }
            guard let matched = vocabulary(value) else { throw ValidationError("--\(flag) '\(value)' is not a known value; see --help") }
            return matched
        }

        func apply(to record: inout IntegrityCase) throws {
            if let openedOn { record.openedOn = openedOn.iso }
            if let value = try term(allegation, { Allegation.parse($0) }, "allegation") { record.allegation = value }
            if let value = try term(status, { CaseStatus.parse($0) }, "status") { record.status = value }
            if let value = try term(finding, { Finding.parse($0) }, "finding") { record.finding = value }
            if let decidedOn { record.decidedOn = decidedOn.iso }
            if let value = try term(sanction, { Sanction.parse($0) }, "sanction") { record.sanction = value }
            if let sanctionStart { record.sanctionStart = sanctionStart.iso }
            if record.sanction != .none && record.sanctionStart == nil { record.sanctionStart = record.decidedOn }
            if let sanctionEnd { record.sanctionEnd = sanctionEnd.iso }
            if let reference { record.reference = reference }
            if let note { record.note = note }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a new case.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The case number (案件编号).") var caseNo: String
        @Option(help: "The member: member number, identity number or ORCID.") var member: String
        @OptionGroup var fields: CaseFields

        func validate() throws {
            guard fields.openedOn != nil, fields.allegation != nil else {
                throw ValidationError("a new case needs --opened-on and --allegation")
            }
        }

        func run() throws {
            let registry = try options.openRegistry()
            if try registry.integrityCase(caseNo) != nil {
                throw CommandError(problem: Text(en: "case \(caseNo) already exists; change it with `registrar integrity update \(caseNo)`",
                                                zh: "案件 \(caseNo) 已存在；请用 `registrar integrity update \(caseNo)` 修改"))
            }
            var record = IntegrityCase(caseNo: caseNo, memberID: try registry.memberID(forKey: member), openedOn: "",
                                       allegation: .other, status: .open, finding: nil, decidedOn: nil, sanction: .none,
                                       sanctionStart: nil, sanctionEnd: nil, reference: nil, note: nil)
            try fields.apply(to: &record)
            _ = try registry.saveCase(record)
            Console.error(Text(en: "case \(caseNo) recorded", zh: "案件 \(caseNo) 已登记")(options.language))
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a case; every changed field is kept in its history.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The case number (案件编号).") var caseNo: String
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
        static let configuration = CommandConfiguration(abstract: "What changed in a case, when, and from which import batch.")
        @OptionGroup var options: GlobalOptions
        @Argument var caseNo: String

        func run() throws {
            let rows = try options.openRegistry().caseHistory(caseNo)
            let language = options.language
            Output.rows(headers: [Text(en: "changed at", zh: "时间"), Text(en: "batch", zh: "批次"), Text(en: "field", zh: "字段"),
                                  Text(en: "from", zh: "原值"), Text(en: "to", zh: "新值")].map { $0(language) },
                        rows.map { [$0.changedAt, $0.batch.map(String.init) ?? "", $0.field, $0.old ?? "", $0.new ?? ""] },
                        format: options.format)
        }
    }
}
