import GRDB

/// Members in good standing on one day, counted by who they are; a `nil` key is "not recorded".
public struct MemberBreakdown: Sendable, Equatable {
    public var gender: [String?: Int] = [:]
    public var ageBand: [AgeBand: Int] = [:]
    public var grade: [String?: Int] = [:]
    public var province: [String?: Int] = [:]
    public var discipline: [String?: Int] = [:]
    public var grassroots: [Bool?: Int] = [:]
}

enum SQLExpressions {
    /// Completed years of age on `?1` from a `YYYY-MM-DD` or `YYYY-MM` birth date (a month-only
    /// birth date counts the birthday as the first of the month); NULL when unknown.
    static func age(birthDate: String) -> String {
        """
        (CASE WHEN \(birthDate) IS NULL THEN NULL ELSE
            CAST(substr(?1, 1, 4) AS INTEGER) - CAST(substr(\(birthDate), 1, 4) AS INTEGER)
            - (substr(?1, 6, 5) < substr(\(birthDate) || '-01', 6, 5)) END)
        """
    }
}

extension Registry {
    /// Breakdowns of the individual members in good standing on `day`, from one grouped pass.
    public func breakdown(on day: Day) throws -> MemberBreakdown {
        try read { db in try Registry.breakdown(db, on: day) }
    }

    static func breakdown(_ db: Database, on day: Day) throws -> MemberBreakdown {
            let age = SQLExpressions.age(birthDate: "m.birth_date")
            let rows = try Row.fetchCursor(db, sql: """
                SELECT m.gender, m.age,
                       m.grade, m.province, m.discipline, m.grassroots, count(*)
                FROM (SELECT m.*, \(age) AS age
                      FROM membership_period p JOIN member m ON m.id = p.member_id
                      WHERE p.start_date <= ?1 AND (p.end_date IS NULL OR p.end_date > ?1)) AS m
                GROUP BY 1, 2, 3, 4, 5, 6
                """, arguments: [day.iso])
            var result = MemberBreakdown()
            while let row = try rows.next() {
                let count: Int = row[6]
                result.gender[row[0] as String?, default: 0] += count
                result.ageBand[AgeBand(age: row[1] as Int?), default: 0] += count
                result.grade[row[2] as String?, default: 0] += count
                result.province[row[3] as String?, default: 0] += count
                result.discipline[row[4] as String?, default: 0] += count
                result.grassroots[(row[5] as Int?).map { $0 == 1 }, default: 0] += count
            }
            return result
    }
}
