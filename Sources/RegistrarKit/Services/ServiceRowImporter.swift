import GRDB

/// Imports service records (会员服务). A record is its whole row: re-importing a file finds every row
/// already there ("unchanged") through the table's UNIQUE constraint, so nothing is doubled.
struct ServiceRowImporter: RecordByRecordImporter {
    let db: Database
    let mapping: HeaderMapping
    let batchID: Int64
    /// Rows of this file by their identity, to reject a repeat with the line of the first.
    private var seen: [ServiceKey: Int] = [:]

    private struct ServiceKey: Hashable {
        var memberID: Int64, servedOn: String, type: String, channel: String, title: String
    }

    init(_ db: Database, mapping: HeaderMapping, batchID: Int64) {
        self.db = db
        self.mapping = mapping
        self.batchID = batchID
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
            let key = ServiceKey(memberID: memberID, servedOn: servedOn, type: type, channel: channel, title: title)
            if let first = seen[key] {
                throw fields.rejection(nil, Text(
                    en: "the same service to the same member on the same day appears again (first on line \(first)); keep one row",
                    zh: "同一会员同一天的同一服务重复出现（首次在第 \(first) 行）；只保留一行"))
            }
            seen[key] = record.line
            try db.cachedStatement(sql: """
                INSERT INTO service_record (member_id, served_on, type, channel, title, batch_id) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """).execute(arguments: [memberID, servedOn, type, channel, title, batchID])
            return db.changesCount == 0 ? .unchanged : .inserted
        } catch let rejection as RowRejection {
            return .rejected(rejection)
        }
    }
}
