import GRDB
import RegistrarModel
import RegistrarInput

/// Why a board question cannot be answered, with what to do.
public struct BoardError: UserFacingError, Equatable {
    public var problem: Text
    public func message(_ language: Language) -> String { problem(language) }
}

extension Registry {
    /// `board check [--term N]`: every board rule for term N, or the latest term.
    public func boardCheck(termNo: Int?) throws -> BoardCheck {
        let (settings, term, previous, composition, previousComposition, meetings, absentees, secretaries) = try read { db in
            let settings = try Registry.settings(db)
            let terms = try Registry.boardTerms(db)
            guard let latest = terms.last else {
                throw BoardError(problem: Text(
                    en: "there are no board terms in the registry; import the seats first with registrar import board-seats FILE",
                    zh: "会员库中没有理事会届次；请先用 registrar import board-seats FILE 导入理事名单"))
            }
            let term: BoardTerm
            if let termNo {
                guard let found = terms.first(where: { $0.termNo == termNo }) else {
                    let known = terms.map { String($0.termNo) }.joined(separator: ", ")
                    throw BoardError(problem: Text(en: "there is no term \(termNo); the registry has terms \(known)",
                                                   zh: "没有第 \(termNo) 届；会员库中有第 \(known) 届"))
                }
                term = found
            } else {
                term = latest
            }
            let previous = terms.last { $0.termNo < term.termNo }
            let composition = try Registry.composition(db, term: term, youngAge: settings.youngAge)
            let previousComposition = try previous.map { try Registry.composition(db, term: $0, youngAge: settings.youngAge) }
            let termID = try Registry.termID(db, term.termNo)
            let meetings = try Int.fetchOne(db, sql: "SELECT count(*) FROM board_meeting WHERE term_id = ?", arguments: [termID]) ?? 0
            let absentees = try Row.fetchAll(db, sql: """
                SELECT m.member_no, m.name, count(*) AS unexcused
                FROM board_attendance a JOIN board_meeting g ON g.id = a.meeting_id JOIN member m ON m.id = a.member_id
                WHERE g.term_id = ? AND a.attendance = 'unexcused'
                GROUP BY a.member_id ORDER BY unexcused DESC, m.member_no
                """, arguments: [termID]).compactMap { row -> AbsentDirector? in
                let unexcused: Int = row["unexcused"]
                guard AbsentDirector.isFlagged(unexcused: unexcused, threshold: settings.absenceThreshold) else { return nil }
                return AbsentDirector(memberNo: row["member_no"] ?? "", name: row["name"], unexcused: unexcused)
            }
            let secretaries = try Row.fetchAll(db, sql: """
                SELECT m.member_no, m.name, s.full_time FROM board_seat s JOIN member m ON m.id = s.member_id
                WHERE s.term_id = ? AND s.office = 'secretary_general' ORDER BY m.member_no
                """, arguments: [termID]).map {
                SecretaryGeneralSeat(memberNo: $0["member_no"] ?? "", name: $0["name"], fullTime: ($0["full_time"] as Int?).map { $0 == 1 })
            }
            return (settings, term, previous, composition, previousComposition, meetings, absentees, secretaries)
        }
        let cap = try boardCap(year: term.start.year, previousBoardSize: previousComposition?.directors)
        return BoardCheck(term: term, previousTerm: previous, composition: composition, previousComposition: previousComposition,
                          cap: cap, youngAge: settings.youngAge, absenceThreshold: settings.absenceThreshold,
                          meetings: meetings, absentees: absentees, secretaries: secretaries)
    }

    /// All terms, oldest first.
    static func boardTerms(_ db: Database) throws -> [BoardTerm] {
        try Row.fetchAll(db, sql: "SELECT term_no, start_date, end_date FROM board_term ORDER BY term_no").map {
            BoardTerm(termNo: $0["term_no"], start: try Day.stored($0["start_date"], table: "board_term", column: "start_date"),
                      end: ($0["end_date"] as String?).flatMap(Day.init(iso:)))
        }
    }

    static func termID(_ db: Database, _ termNo: Int) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM board_term WHERE term_no = ?", arguments: [termNo]) else {
            throw RegistryError.badStoredValue(table: "board_term", column: "term_no")
        }
        return id
    }

    /// The term's seats counted; ages on the term's start date.
    static func composition(_ db: Database, term: BoardTerm, youngAge: Int) throws -> BoardComposition {
        var composition = BoardComposition()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT s.standing, coalesce(s.grassroots, m.grassroots) AS grassroots, m.gender, m.birth_date, m.political_status
            FROM board_seat s JOIN board_term t ON t.id = s.term_id JOIN member m ON m.id = s.member_id
            WHERE t.term_no = ?
            """, arguments: [term.termNo])
        while let row = try rows.next() {
            composition.add(standing: row["standing"] == 1, grassroots: (row["grassroots"] as Int?).map { $0 == 1 },
                            gender: row["gender"], birthDate: row["birth_date"], politicalStatus: row["political_status"],
                            termStart: term.start, youngAge: youngAge)
        }
        return composition
    }

    /// The term in force on `day`: started on or before it and not ended before it.
    static func term(_ db: Database, inForceOn day: Day) throws -> BoardTerm? {
        try boardTerms(db).last { $0.start <= day && ($0.end.map { $0 >= day } ?? true) }
    }
}
