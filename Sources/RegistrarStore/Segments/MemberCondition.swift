import RegistrarModel

/// A built-in member segment's condition, written once. Its SQL (exports, and counts made in SQL) and
/// its Swift evaluation (counts made in a few sequential passes) both come from this one value, so the
/// two cannot say different things; SegmentTests check them against each other on every edge.
///
/// Every clause is false for a member whose fact is not recorded, as SQL's NULL is in a WHEN; the
/// clauses have no negation, where NULL and false would part.
indirect enum MemberCondition: Sendable {
    /// `m.age <= N`: completed years on D.
    case ageAtMost(Int)
    /// `m.gender = 'F'`.
    case woman
    /// `m.grassroots = 1`.
    case grassroots
    /// `m.grade IN (…)`.
    case grade(in: [MemberGrade])
    /// A recorded nationality that is not China (`BuiltInSegments.china`, ASCII case-insensitively).
    case nationalityOtherThanChina
    /// The membership in good standing on D began on or after the day.
    case joinedOnOrAfter(SegmentDay)
    /// The membership in good standing on D began on or before the day.
    case joinedOnOrBefore(SegmentDay)
    /// A service after the day (and on or before D).
    case servedAfter(SegmentDay)
    /// No service after the day (up to D).
    case notServedAfter(SegmentDay)
    /// No service since the membership in good standing on D began.
    case notServedSinceJoining
    case all([MemberCondition])
    case any([MemberCondition])

    /// The days of `SegmentDays`, bound in SQL as ?1, ?2 and ?3.
    enum SegmentDay: Int, Sendable {
        case day = 1, yearAgo = 2, firstOfNinety = 3

        func number(in days: SegmentDays) -> DayNumber {
            switch self {
            case .day: days.day
            case .yearAgo: days.yearAgo
            case .firstOfNinety: days.firstOfNinety
            }
        }
    }

    /// The condition on one row of `SegmentSQL.members` (alias `m`).
    var sql: String {
        switch self {
        case .ageAtMost(let years): "m.age <= \(years)"
        case .woman: "m.gender = 'F'"
        case .grassroots: "m.grassroots = 1"
        case .grade(let grades): "m.grade IN (\(grades.map { "'\($0.rawValue)'" }.joined(separator: ", ")))"
        case .nationalityOtherThanChina:
            "(m.nationality IS NOT NULL AND lower(m.nationality) NOT IN (\(BuiltInSegments.china.map { "'\($0)'" }.joined(separator: ", "))))"
        case .joinedOnOrAfter(let day): "m.period_start >= ?\(day.rawValue)"
        case .joinedOnOrBefore(let day): "m.period_start <= ?\(day.rawValue)"
        case .servedAfter(let day): "m.last_served > ?\(day.rawValue)"
        case .notServedAfter(let day): "(m.last_served IS NULL OR m.last_served <= ?\(day.rawValue))"
        case .notServedSinceJoining: "(m.last_served IS NULL OR m.last_served < m.period_start)"
        case .all(let conditions): "(" + conditions.map(\.sql).joined(separator: " AND ") + ")"
        case .any(let conditions): "(" + conditions.map(\.sql).joined(separator: " OR ") + ")"
        }
    }

    /// Whether the member with these facts meets the condition on the segment days `days`.
    func holds(for member: MemberFacts, on days: SegmentDays) -> Bool {
        switch self {
        case .ageAtMost(let years): member.age.map { $0 <= years } ?? false
        case .woman: member.isWoman
        case .grassroots: member.isGrassroots
        case .grade(let grades): member.grade.map(grades.contains) ?? false
        case .nationalityOtherThanChina: member.nationality == .other
        case .joinedOnOrAfter(let day): member.periodStart >= day.number(in: days)
        case .joinedOnOrBefore(let day): member.periodStart <= day.number(in: days)
        case .servedAfter(let day): member.lastServed.map { $0 > day.number(in: days) } ?? false
        case .notServedAfter(let day): member.lastServed.map { $0 <= day.number(in: days) } ?? true
        case .notServedSinceJoining: member.lastServed.map { $0 < member.periodStart } ?? true
        case .all(let conditions): conditions.allSatisfy { $0.holds(for: member, on: days) }
        case .any(let conditions): conditions.contains { $0.holds(for: member, on: days) }
        }
    }
}
