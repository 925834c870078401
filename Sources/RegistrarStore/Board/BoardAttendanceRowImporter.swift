import GRDB
import RegistrarModel
import RegistrarInput

/// Imports attendance at board meetings (理事会/常务理事会出席情况), one row per director per meeting;
/// a meeting named for the first time is created. Re-imported by term, date, kind and member.
struct BoardAttendanceRowImporter: RecordByRecordImporter {
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
            guard let term = try Row.fetchOne(db, sql: "SELECT id, start_date, end_date FROM board_term WHERE term_no = ?",
                                              arguments: [termNo]) else {
                throw fields.rejection("term_no", Text(
                    en: "there is no term \(termNo) yet; import its seats first (registrar import board-seats)",
                    zh: "尚无第 \(termNo) 届；请先导入该届理事名单（registrar import board-seats）"))
            }
            let termID: Int64 = term["id"]
            guard let heldOn = try fields.date("held_on") else {
                throw fields.rejection("held_on", Text(en: "the meeting date is empty", zh: "会议日期为空"))
            }
            let start: String = term["start_date"], end: String? = term["end_date"]
            if heldOn < start || end.map({ heldOn > $0 }) == true {
                throw fields.rejection("held_on", Text(
                    en: "\(heldOn) is outside term \(termNo) (\(start) to \(end ?? "now")); check the date or the term number",
                    zh: "\(heldOn) 不在第 \(termNo) 届届期内（\(start) 至 \(end ?? "今")）；请检查日期或届次"))
            }
            guard let kind = try fields.term("kind", MeetingKind.vocabulary) else {
                throw fields.rejection("kind", Text(en: "the meeting kind is empty", zh: "会议类型为空"))
            }
            let memberNo = try fields.required("member_no", Text(en: "the member number", zh: "会员编号"))
            guard let memberID = try Int64.fetchOne(db, sql: """
                SELECT s.member_id FROM board_seat s JOIN member m ON m.id = s.member_id
                WHERE s.term_id = ? AND m.member_no = ?
                """, arguments: [termID, memberNo]) else {
                throw fields.rejection("member_no", Text(
                    en: "'\(Masking.safeEcho(memberNo))' holds no seat in term \(termNo); correct the number, or add the seat with registrar import board-seats",
                    zh: "'\(Masking.safeEcho(memberNo))' 不是第 \(termNo) 届理事；请更正编号，或先用 registrar import board-seats 补充"))
            }
            guard let attendance = try fields.term("attendance", Attendance.vocabulary) else {
                throw fields.rejection("attendance", Text(en: "the attendance is empty", zh: "出席情况为空"))
            }
            let key = "\(termNo)/\(heldOn)/\(kind.rawValue)/\(memberID)"
            if let line = seen[key] {
                throw fields.rejection(nil, Text(
                    en: "the same member appears again for this meeting (first on line \(line)); keep one row per director and meeting",
                    zh: "同一会员在同一会议中重复出现（首次在第 \(line) 行）；每次会议每位理事只保留一行"))
            }

            let meetingID: Int64
            if let id = try Int64.fetchOne(db, sql: "SELECT id FROM board_meeting WHERE term_id = ? AND held_on = ? AND kind = ?",
                                           arguments: [termID, heldOn, kind.rawValue]) {
                meetingID = id
            } else {
                try db.execute(sql: "INSERT INTO board_meeting (term_id, held_on, kind) VALUES (?, ?, ?)",
                               arguments: [termID, heldOn, kind.rawValue])
                meetingID = db.lastInsertedRowID
            }
            seen[key] = record.line
            let stored = try String.fetchOne(db, sql: "SELECT attendance FROM board_attendance WHERE meeting_id = ? AND member_id = ?",
                                             arguments: [meetingID, memberID])
            switch stored {
            case attendance.rawValue?:
                return .unchanged
            case nil:
                try db.execute(sql: "INSERT INTO board_attendance (meeting_id, member_id, attendance) VALUES (?, ?, ?)",
                               arguments: [meetingID, memberID, attendance.rawValue])
                return .inserted
            default:
                try db.execute(sql: "UPDATE board_attendance SET attendance = ? WHERE meeting_id = ? AND member_id = ?",
                               arguments: [attendance.rawValue, meetingID, memberID])
                return .updated
            }
        } catch let rejection as RowRejection {
            return .rejected(rejection)
        }
    }
}
