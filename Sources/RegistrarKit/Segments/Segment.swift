import GRDB

/// 精准服务分组: a segment of members who share who they are or how they engage, with the service that fits them.
public struct Segment: Sendable {
    /// Whom a segment counts: individual members, or unit members (单位会员).
    public enum Population: String, Sendable {
        case members, units
    }

    public let name: String
    public let description: Text
    public let suggestedService: Text
    public let population: Population
    /// A condition on one row of `SegmentSQL.members` (alias `m`), or of `SegmentSQL.units` (alias `u`).
    let predicate: SQLFragment
    /// The same condition evaluated in Swift, for a built-in member segment: sizes are counted in a few
    /// sequential passes instead of SQL. Nil for user rules and unit segments, which only `predicate` defines.
    let native: (@Sendable (MemberFacts, SegmentDays) -> Bool)?

    init(name: String, description: Text, suggestedService: Text, population: Population = .members, predicate: SQLFragment,
         native: (@Sendable (MemberFacts, SegmentDays) -> Bool)? = nil) {
        self.name = name
        self.description = description
        self.suggestedService = suggestedService
        self.population = population
        self.predicate = predicate
        self.native = native
    }
}

/// A piece of SQL and the values of its `?` placeholders, in order.
///
/// The day-dependent values are written `?1` (the day D), `?2` (D one year earlier, the same
/// calendar day, 29 February → 28 February) and `?3` (D minus 89 days: the first day of the 90 ending on D);
/// every other value is a bare `?` bound from `values`, so user text never becomes SQL.
struct SQLFragment: Sendable {
    var sql: String
    var values: [DatabaseValue]

    init(_ sql: String, _ values: [DatabaseValue] = []) {
        self.sql = sql
        self.values = values
    }

    /// The fixed parameters every segment query starts with.
    static func dayArguments(_ day: Day) -> [DatabaseValue] {
        SegmentDays(day).arguments
    }
    static let dayParameterCount = 3

    /// The SQL with each bare `?` numbered from `first`, so fragments can be combined with the day parameters.
    func numbered(from first: Int) -> String {
        var result = ""
        var next = first
        let characters = Array(sql)
        for (index, character) in characters.enumerated() {
            result.append(character)
            if character == "?" && !(index + 1 < characters.count && characters[index + 1].isASCII && characters[index + 1].isNumber) {
                result += String(next)
                next += 1
            }
        }
        return result
    }
}

/// The rows segments are conditions on: one per member (or unit) in good standing on ?1.
enum SegmentSQL {
    /// Members in good standing on `day` (bound as ?1; `Standing`) with the derived columns conditions
    /// use. `last_served` is the latest service on or before D, found once per member by the
    /// (member_id, served_on) index.
    static func members(on day: Day, rule: RegistrationRule) -> String {
        """
        SELECT m.id, m.gender, m.grade, m.grassroots, m.nationality, m.province, m.discipline, m.employer,
               m.title_level, m.education, m.political_status, m.unit_id, p.start_date AS period_start,
               \(SQLExpressions.age(birthDate: "m.birth_date")) AS age,
               (SELECT max(s.served_on) FROM service_record s WHERE s.member_id = m.id AND s.served_on <= ?1) AS last_served
        FROM membership_period p JOIN member m ON m.id = p.member_id
        WHERE \(Standing.goodStandingSQL(period: "p", member: "p.member_id", on: "?1", day: day, rule: rule)) AND \(usesEveryDayParameter)
        """
    }

    /// Unit members on the roll (units are not subject to registration) with the number of linked
    /// individual members in good standing.
    static func units(on day: Day, rule: RegistrationRule) -> String {
        """
        SELECT u.id, u.unit_no, u.name, u.uscc, u.kind, u.province, u.staff_count, coalesce(l.linked, 0) AS linked
        FROM unit_membership_period up JOIN unit_member u ON u.id = up.unit_id
        LEFT JOIN (SELECT m.unit_id, count(*) AS linked
                   FROM membership_period p JOIN member m ON m.id = p.member_id
                   WHERE m.unit_id IS NOT NULL
                     AND \(Standing.goodStandingSQL(period: "p", member: "p.member_id", on: "?1", day: day, rule: rule))
                   GROUP BY m.unit_id) AS l ON l.unit_id = u.id
        WHERE \(Standing.onRollSQL(period: "up", on: "?1")) AND \(usesEveryDayParameter)
        """
    }

    static func base(_ population: Segment.Population, on day: Day, rule: RegistrationRule) -> String {
        population == .members ? members(on: day, rule: rule) : units(on: day, rule: rule)
    }

    /// Always true (both days are before D), and names ?2 and ?3, so every query takes the same three
    /// day parameters whichever conditions it holds, and rule values are always numbered from ?4.
    static let usesEveryDayParameter = "?2 <= ?1 AND ?3 <= ?1"

    /// The one query that selects a segment's rows: the base rows filtered by its condition.
    static func query(_ segment: Segment, on day: Day, rule: RegistrationRule = RegistrationRule()) -> (sql: String, arguments: StatementArguments) {
        let base = base(segment.population, on: day, rule: rule)
        let alias = segment.population == .members ? "m" : "u"
        let sql = "SELECT * FROM (\(base)) AS \(alias) WHERE \(segment.predicate.numbered(from: SQLFragment.dayParameterCount + 1))"
        return (sql, StatementArguments(SQLFragment.dayArguments(day) + segment.predicate.values))
    }
}
