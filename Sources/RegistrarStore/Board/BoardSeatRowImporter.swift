import GRDB
import RegistrarModel
import RegistrarInput

/// Imports board seats (理事会成员), one row per director per term; a term named for the first time
/// is created from the row's term dates. Re-imported by term and member number.
struct BoardSeatRowImporter: RecordByRecordImporter {
    let db: Database
    let mapping: HeaderMapping
    private var seen: [String: Int] = [:]

    init(_ db: Database, mapping: HeaderMapping) {
        self.db = db
        self.mapping = mapping
    }

    mutating func importRow(_ record: CSVRecord) throws -> RowOutcome {
        if let rejection = mapping.fieldCountRejection(record) { return .rejected(rejection) }
        let fields = RecordFields(mapping: mapping, record: record)
        do {
            let termNo = try fields.positiveInt("term_no", Text(en: "the term number", zh: "届次"))
            let memberID = try fields.member(db, by: ["member_no"])
            let start = try fields.date("term_start"), end = try fields.date("term_end")
            if let start, let end, end < start {
                throw fields.rejection("term_end", Text(en: "the term ends (\(end)) before it starts (\(start))",
                                                        zh: "届期结束日期 \(end) 早于开始日期 \(start)"))
            }
            let standing = try fields.term("standing", Vocabularies.yesNo) ?? false
            let office = try fields.term("office", BoardOffice.vocabulary)
            let grassroots = try fields.term("grassroots", Vocabularies.yesNo)
            let fullTime = try fields.term("full_time", Vocabularies.yesNo)
            let key = "\(termNo)/\(memberID)"
            if let line = seen[key] {
                throw fields.rejection(nil, Text(
                    en: "the same member appears again for term \(termNo) (first on line \(line)); keep one row per director and term",
                    zh: "同一会员在第 \(termNo) 届重复出现（首次在第 \(line) 行）；每届每位理事只保留一行"))
            }

            var outcome = RowOutcome.unchanged
            let termID: Int64
            if let term = try Row.fetchOne(db, sql: "SELECT id, start_date, end_date FROM board_term WHERE term_no = ?",
                                           arguments: [termNo]) {
                termID = term["id"]
                let storedStart: String = term["start_date"], storedEnd: String? = term["end_date"]
                if let start, start != storedStart {
                    throw fields.rejection("term_start", Text(
                        en: "term \(termNo) starts on \(storedStart) in the registry or an earlier row, not \(start); give every row of a term the same dates",
                        zh: "第 \(termNo) 届在会员库或前面的行中开始于 \(storedStart)，而非 \(start)；同一届各行的日期须一致"))
                }
                if let end, end != storedEnd {
                    guard storedEnd == nil, end >= storedStart else {
                        throw fields.rejection("term_end", Text(
                            en: "term \(termNo) ends on \(storedEnd ?? "-") in the registry or an earlier row, not \(end); give every row of a term the same dates",
                            zh: "第 \(termNo) 届在会员库或前面的行中结束于 \(storedEnd ?? "-")，而非 \(end)；同一届各行的日期须一致"))
                    }
                    try db.execute(sql: "UPDATE board_term SET end_date = ? WHERE id = ?", arguments: [end, termID])
                    outcome = .updated
                }
            } else {
                guard let start else {
                    throw fields.rejection("term_start", Text(
                        en: "term \(termNo) is new, so the row needs the date it starts (term_start/届期开始)",
                        zh: "第 \(termNo) 届为新届次，需要填写届期开始日期（届期开始）"))
                }
                try db.execute(sql: "INSERT INTO board_term (term_no, start_date, end_date) VALUES (?, ?, ?)",
                               arguments: [termNo, start, end])
                termID = db.lastInsertedRowID
            }

            let values: [DatabaseValue] = [(standing ? 1 : 0).databaseValue, office?.rawValue.databaseValue ?? .null,
                                           grassroots.map { $0 ? 1 : 0 }.databaseValue, fullTime.map { $0 ? 1 : 0 }.databaseValue]
            if let seat = try Row.fetchOne(db, sql: """
                SELECT id, standing, office, grassroots, full_time FROM board_seat WHERE term_id = ? AND member_id = ?
                """, arguments: [termID, memberID]) {
                let stored: [DatabaseValue] = [seat["standing"], seat["office"], seat["grassroots"], seat["full_time"]]
                if stored != values {
                    try db.execute(sql: "UPDATE board_seat SET standing = ?, office = ?, grassroots = ?, full_time = ? WHERE id = ?",
                                   arguments: StatementArguments(values + [(seat["id"] as Int64).databaseValue]))
                    outcome = .updated
                }
            } else {
                try db.execute(sql: """
                    INSERT INTO board_seat (term_id, member_id, standing, office, grassroots, full_time) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: StatementArguments([termID.databaseValue, memberID.databaseValue] + values))
                outcome = .inserted
            }
            seen[key] = record.line
            return outcome
        } catch let rejection as RowRejection {
            return .rejected(rejection)
        }
    }
}
