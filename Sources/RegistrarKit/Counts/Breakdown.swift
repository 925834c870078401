import GRDB

/// The age bands of the monthly report (≤35, 36–45, 46–60, over 60), by age on the day.
public enum AgeBand: String, Sendable, CaseIterable {
    case upTo35 = "35_or_under"
    case from36To45 = "36_45"
    case from46To60 = "46_60"
    case over60 = "over_60"
    case unknown

    public var label: Text {
        switch self {
        case .upTo35: Text(en: "35 or under", zh: "35岁及以下")
        case .from36To45: Text(en: "36–45", zh: "36–45岁")
        case .from46To60: Text(en: "46–60", zh: "46–60岁")
        case .over60: Text(en: "over 60", zh: "60岁以上")
        case .unknown: Text(en: "unknown", zh: "未知")
        }
    }
}

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
        try read { db in
            let age = SQLExpressions.age(birthDate: "m.birth_date")
            let rows = try Row.fetchCursor(db, sql: """
                SELECT m.gender, CASE WHEN age IS NULL THEN 'unknown' WHEN age <= 35 THEN '35_or_under'
                                      WHEN age <= 45 THEN '36_45' WHEN age <= 60 THEN '46_60' ELSE 'over_60' END,
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
                result.ageBand[AgeBand(rawValue: row[1]) ?? .unknown, default: 0] += count
                result.grade[row[2] as String?, default: 0] += count
                result.province[row[3] as String?, default: 0] += count
                result.discipline[row[4] as String?, default: 0] += count
                result.grassroots[(row[5] as Int?).map { $0 == 1 }, default: 0] += count
            }
            return result
        }
    }
}
