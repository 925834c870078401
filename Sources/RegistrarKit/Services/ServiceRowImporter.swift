import GRDB

/// Imports service records (会员服务). A record is its whole row: re-importing a file finds every row
/// already there ("unchanged") through the table's UNIQUE constraint, so nothing is doubled.
struct ServiceRowImporter: RowImporter {
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
        guard record.count == mapping.headers.count else {
            return .rejected(RowRejection(column: nil, reason: Text(
                en: "has \(record.count) fields but the header has \(mapping.headers.count); check for an unquoted comma or a missing field",
                zh: "有 \(record.count) 个字段，表头有 \(mapping.headers.count) 个；请检查是否有未加引号的逗号或缺少字段")))
        }
        func text(_ field: String) -> String? {
            guard let index = mapping.column(field) else { return nil }
            let value = FieldNormalizer.normalize(record.string(index))
            return value.isEmpty ? nil : value
        }
        func reject(_ field: String?, _ en: String, _ zh: String) -> RowOutcome {
            .rejected(RowRejection(column: field.map(mapping.headerName(for:)), reason: Text(en: en, zh: zh)))
        }
        guard let memberNo = text("member_no") else {
            return reject("member_no", "the member number is empty", "会员编号为空")
        }
        guard let memberID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM member WHERE member_no = ?"),
                                                arguments: [memberNo]) else {
            return reject("member_no", "no member numbered '\(memberNo)'; import the roster first, or correct the number",
                          "没有会员编号为 '\(memberNo)' 的会员；请先导入会员名册，或更正编号")
        }
        guard let rawDate = text("date") else { return reject("date", "the date is empty", "日期为空") }
        guard case .day(let day)? = DateParser.parse(rawDate) else {
            return reject("date", "'\(rawDate)' is not a date; " + DateParser.formatsText.en,
                          "'\(rawDate)' 不是日期；" + DateParser.formatsText.zh)
        }
        guard let rawType = text("type") else { return reject("type", "the service type is empty", "服务类型为空") }
        guard let type = ServiceTerms.type.match(rawType) else {
            return reject("type", "'\(rawType)' is not one of \(ServiceTerms.type.accepted)",
                          "'\(rawType)' 不在可选值中：\(ServiceTerms.type.accepted)")
        }
        guard let rawChannel = text("channel") else { return reject("channel", "the channel is empty; use 线上 or 线下", "渠道为空；请填写线上或线下") }
        guard let channel = ServiceTerms.channel.match(rawChannel) else {
            return reject("channel", "'\(rawChannel)' is not one of \(ServiceTerms.channel.accepted)",
                          "'\(rawChannel)' 不在可选值中：\(ServiceTerms.channel.accepted)")
        }
        let title = text("title") ?? ""
        let key = ServiceKey(memberID: memberID, servedOn: day.iso, type: type, channel: channel, title: title)
        if let first = seen[key] {
            return reject(nil, "the same service to the same member on the same day appears again (first on line \(first)); keep one row",
                          "同一会员同一天的同一服务重复出现（首次在第 \(first) 行）；只保留一行")
        }
        seen[key] = record.line
        try db.cachedStatement(sql: """
            INSERT INTO service_record (member_id, served_on, type, channel, title, batch_id) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """).execute(arguments: [memberID, day.iso, type, channel, title, batchID])
        return db.changesCount == 0 ? .unchanged : .inserted
    }
}
