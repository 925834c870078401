import GRDB
import RegistrarModel
import RegistrarInput

/// Imports integrity cases (学术诚信档案), one row per case, re-imported by case number.
struct IntegrityRowImporter: RecordByRecordImporter {
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
        if let rejection = mapping.fieldCountRejection(record) { return .rejected(rejection) }
        let fields = RecordFields(mapping: mapping, record: record)
        do {
            let caseNo = try fields.required("case_no", Text(en: "the case number", zh: "案件编号"))
            if let line = seen[caseNo] {
                throw fields.rejection("case_no", Text(en: "the same case appears again (first on line \(line)); keep one row per case",
                                                       zh: "同一案件重复出现（首次在第 \(line) 行）；每个案件只保留一行"))
            }
            let memberID = try fields.member(db, by: ["member_no", "id_number"])
            guard let openedOn = try fields.day("opened_on") else {
                throw fields.rejection("opened_on", Text(en: "the date the case was opened is empty", zh: "立案日期为空"))
            }
            guard let allegation = try fields.term("allegation", Allegation.vocabulary) else {
                throw fields.rejection("allegation", Text(en: "the allegation is empty", zh: "问题类型为空"))
            }
            guard let status = try fields.term("status", CaseStatus.vocabulary) else {
                throw fields.rejection("status", Text(en: "the status is empty", zh: "状态为空"))
            }
            let decidedOn = try fields.day("decided_on")
            let sanction = try fields.term("sanction", Sanction.vocabulary) ?? .none
            let record = IntegrityCase(
                caseNo: caseNo, memberID: memberID, openedOn: openedOn, allegation: allegation, status: status,
                finding: try fields.term("finding", Finding.vocabulary), decidedOn: decidedOn, sanction: sanction,
                sanctionStart: try fields.day("sanction_start") ?? (sanction == .none ? nil : decidedOn),
                sanctionEnd: try fields.day("sanction_end"), reference: fields.text("reference"), note: fields.text("note"))
            if let (field, reason) = record.problem() { throw fields.rejection(field, reason) }
            seen[caseNo] = fields.record.line
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
