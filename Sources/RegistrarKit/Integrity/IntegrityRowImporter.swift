import GRDB

/// Imports integrity cases (学术诚信档案), one row per case, re-imported by case number.
struct IntegrityRowImporter: RowImporter {
    let db: Database
    let mapping: HeaderMapping
    let batchID: Int64
    private var seen: [String: Int] = [:]

    init(_ db: Database, mapping: HeaderMapping, batchID: Int64) {
        self.db = db
        self.mapping = mapping
        self.batchID = batchID
    }

    mutating func importRow(_ record: CSVRecord) throws -> RowOutcome {
        let line = record.line
        if let rejection = mapping.fieldCountRejection(record) { return .rejected(rejection) }
        func text(_ field: String) -> String? { mapping.text(field, in: record) }
        func reject(_ field: String?, _ reason: Text) -> RowOutcome {
            .rejected(RowRejection(column: field.map(mapping.headerName(for:)), reason: reason))
        }
        func term<V>(_ field: String, _ vocabulary: Vocabulary<V>) -> Result<V?, RowRejection> {
            guard let value = text(field) else { return .success(nil) }
            guard let matched = vocabulary.match(value) else {
                return .failure(RowRejection(column: mapping.headerName(for: field), reason: Text(
                    en: "'\(value)' is not one of \(vocabulary.accepted)", zh: "'\(value)' 不在可选值中：\(vocabulary.accepted)")))
            }
            return .success(matched)
        }
        func date(_ field: String) -> Result<String?, RowRejection> {
            guard let value = text(field) else { return .success(nil) }
            guard case .day(let day)? = DateParser.parse(value) else {
                return .failure(RowRejection(column: mapping.headerName(for: field), reason: Text(
                    en: "'\(value)' is not a date; " + DateParser.formatsText.en, zh: "'\(value)' 不是日期；" + DateParser.formatsText.zh)))
            }
            return .success(day.iso)
        }
        guard let caseNo = text("case_no") else { return reject("case_no", Text(en: "the case number is empty", zh: "案件编号为空")) }
        if let line = seen[caseNo] {
            return reject("case_no", Text(en: "the same case appears again (first on line \(line)); keep one row per case",
                                          zh: "同一案件重复出现（首次在第 \(line) 行）；每个案件只保留一行"))
        }
        let key = text("member_no") ?? text("id_number")
        guard let key, let memberID = try Registry.memberID(db, key: key) else {
            return reject(mapping.has("member_no") ? "member_no" : "id_number", Text(
                en: "no member with that member number or identity number; import the roster first, or correct the key",
                zh: "没有该会员编号或证件号码对应的会员；请先导入会员名册，或更正编号"))
        }
        do {
            guard let openedOn = try date("opened_on").get() else {
                return reject("opened_on", Text(en: "the date the case was opened is empty", zh: "立案日期为空"))
            }
            guard let allegation = try term("allegation", Allegation.vocabulary).get() else {
                return reject("allegation", Text(en: "the allegation is empty", zh: "问题类型为空"))
            }
            guard let status = try term("status", CaseStatus.vocabulary).get() else {
                return reject("status", Text(en: "the status is empty", zh: "状态为空"))
            }
            let decidedOn = try date("decided_on").get()
            let sanction = try term("sanction", Sanction.vocabulary).get() ?? .none
            let record = IntegrityCase(
                caseNo: caseNo, memberID: memberID, openedOn: openedOn, allegation: allegation, status: status,
                finding: try term("finding", Finding.vocabulary).get(), decidedOn: decidedOn, sanction: sanction,
                sanctionStart: try date("sanction_start").get() ?? (sanction == .none ? nil : decidedOn),
                sanctionEnd: try date("sanction_end").get(), reference: text("reference"), note: text("note"))
            if let (field, reason) = record.problem() { return reject(field, reason) }
            seen[caseNo] = line
            switch try Registry.save(db, record, batchID: batchID) {
            case .inserted: return .inserted
            case .updated: return .updated
            case .unchanged: return .unchanged
            }
        } catch let rejection as RowRejection {
            return .rejected(rejection)
        }
    }
}
