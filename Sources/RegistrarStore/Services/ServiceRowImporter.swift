import GRDB
import RegistrarModel
import RegistrarInput

/// Imports service records (会员服务). A record is its whole row: re-importing a file finds every row
/// already there ("unchanged") through the table's UNIQUE constraint, so nothing is doubled.
struct ServiceRowImporter: RecordByRecordImporter {
    let db: Database
    let mapping: HeaderMapping
    let batchID: Int64
    /// The line of this file that named each service record, to reject a repeat with the line of the first.
    private var seenLine: LinesByRowID

    init(_ db: Database, mapping: HeaderMapping, batchID: Int64) throws {
        self.db = db
        self.mapping = mapping
        self.batchID = batchID
        seenLine = try LinesByRowID(db, table: "service_record")
    }

    mutating func importRow(_ record: CSVRecord) throws -> RowOutcome {
        if let rejection = mapping.fieldCountRejection(record) { return .rejected(rejection) }
        let fields = RecordFields(mapping: mapping, record: record)
        do {
            let memberID = try fields.member(db, by: ["member_no"])
            guard let servedOn = try fields.date("date") else {
                throw fields.rejection("date", Text(en: "the date is empty", zh: "日期为空"))
            }
            guard let type = try fields.term("type", ServiceTerms.type) else {
                throw fields.rejection("type", Text(en: "the service type is empty", zh: "服务类型为空"))
            }
            guard let channel = try fields.term("channel", ServiceTerms.channel) else {
                throw fields.rejection("channel", Text(en: "the channel is empty; use 线上 or 线下", zh: "渠道为空；请填写线上或线下"))
            }
            let title = fields.text("title") ?? ""
            let arguments: StatementArguments = [memberID, servedOn, type, channel, title]
            try db.cachedStatement(sql: """
                INSERT INTO service_record (member_id, served_on, type, channel, title, batch_id) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """).execute(arguments: arguments + [batchID])
            let inserted = db.changesCount > 0
            guard let id = inserted ? db.lastInsertedRowID : try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT id FROM service_record WHERE member_id = ? AND served_on = ? AND type = ? AND channel = ? AND title = ?
                """), arguments: arguments) else { throw RegistryError.badStoredValue(table: "service_record", column: "id") }
            if !inserted, seenLine[id] > 0 {
                let first = seenLine[id]
                throw fields.rejection(nil, Text(
                    en: "the same service to the same member on the same day appears again (first on line \(first)); keep one row",
                    zh: "同一会员同一天的同一服务重复出现（首次在第 \(first) 行）；只保留一行"))
            }
            seenLine[id] = Int32(clamping: record.line)
            return inserted ? .inserted : .unchanged
        } catch let rejection as RowRejection {
            return .rejected(rejection)
        }
    }
}
