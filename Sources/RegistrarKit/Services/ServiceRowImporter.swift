import GRDB

/// Imports service records (会员服务). A record is its whole row: re-importing a file finds every row
/// already there ("unchanged") through the table's UNIQUE constraint, so nothing is doubled.
struct ServiceRowImporter: RecordByRecordImporter {
    let db: Database
    let mapping: HeaderMapping
    let batchID: Int64
    /// The line of this file that named each service record, by the record's rowid (0: not named), to
    /// reject a repeat with the line of the first. Four bytes a stored record, where a set of the rows
    /// themselves grew with the file (a million-row file held 290 MB).
    private var seenLine: [Int32]

    init(_ db: Database, mapping: HeaderMapping, batchID: Int64) throws {
        self.db = db
        self.mapping = mapping
        self.batchID = batchID
        let maxID = try Int64.fetchOne(db, sql: "SELECT max(id) FROM service_record") ?? 0
        seenLine = [Int32](repeating: 0, count: Int(maxID) + 1024)
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
            let id = inserted ? db.lastInsertedRowID : try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT id FROM service_record WHERE member_id = ? AND served_on = ? AND type = ? AND channel = ? AND title = ?
                """), arguments: arguments)!
            if id >= seenLine.count { seenLine.append(contentsOf: repeatElement(0, count: Int(id) - seenLine.count + 65_536)) }
            if !inserted, seenLine[Int(id)] > 0 {
                let first = seenLine[Int(id)]
                throw fields.rejection(nil, Text(
                    en: "the same service to the same member on the same day appears again (first on line \(first)); keep one row",
                    zh: "同一会员同一天的同一服务重复出现（首次在第 \(first) 行）；只保留一行"))
            }
            seenLine[Int(id)] = Int32(clamping: record.line)
            return inserted ? .inserted : .unchanged
        } catch let rejection as RowRejection {
            return .rejected(rejection)
        }
    }
}
