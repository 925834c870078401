import GRDB

/// Joins, exits and the month-end count of one month.
public struct MonthFlow: Sendable, Equatable {
    public var month: YearMonth
    public var joined: Int
    public var left: Int
    public var endCount: Int
}

/// Whose membership a count is about: individuals (the G1 measure) or unit members, never mixed.
public enum MemberKind: Sendable {
    case individual
    case unit

    var periodTable: String {
        switch self {
        case .individual: "membership_period"
        case .unit: "unit_membership_period"
        }
    }
}

extension Registry {
    /// Month-end counts and flows for every month in `range`, from one pass over the periods.
    ///
    /// By the counting rule, a member counts at the end of month M exactly when the period started
    /// in or before M and did not end in or before M; so the month-end count is the running total
    /// of starts minus the running total of ends, and the whole series needs one grouped scan, not
    /// one count per month.
    public func monthlyFlows(_ range: ClosedRange<YearMonth>, of kind: MemberKind = .individual) throws -> [MonthFlow] {
        try read { db in try Registry.monthlyFlows(db, range, of: kind) }
    }

    static func monthlyFlows(_ db: Database, _ range: ClosedRange<YearMonth>, of kind: MemberKind) throws -> [MonthFlow] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT month, sum(starts) AS starts, sum(ends) AS ends FROM (
                SELECT substr(start_date, 1, 7) AS month, 1 AS starts, 0 AS ends FROM \(kind.periodTable)
                UNION ALL
                SELECT substr(end_date, 1, 7), 0, 1 FROM \(kind.periodTable) WHERE end_date IS NOT NULL)
            WHERE month <= ?
            GROUP BY month ORDER BY month
            """, arguments: [range.upperBound.iso])
        var running = 0
        var flows: [MonthFlow] = []
        var byMonth: [YearMonth: (Int, Int)] = [:]
        for row in rows {
            guard let month = YearMonth(row["month"]) else { continue }
            let starts: Int = row["starts"], ends: Int = row["ends"]
            if month < range.lowerBound {
                running += starts - ends
            } else {
                byMonth[month] = (starts, ends)
            }
        }
        var month = range.lowerBound
        while month <= range.upperBound {
            let (starts, ends) = byMonth[month] ?? (0, 0)
            running += starts - ends
            flows.append(MonthFlow(month: month, joined: starts, left: ends, endCount: running))
            month = month.adding(months: 1)
        }
        return flows
    }
}
