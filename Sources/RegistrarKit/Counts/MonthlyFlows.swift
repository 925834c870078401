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
    /// By the counting rule (`Standing.monthEnds`), a period counts at the end of month M exactly when
    /// it started in or before M and did not end in or before M; so the month-end count is the running
    /// total of starts minus the running total of ends, and the whole series needs one scan, not one
    /// count per month.
    public func monthlyFlows(_ range: ClosedRange<YearMonth>, of kind: MemberKind = .individual) throws -> [MonthFlow] {
        try read { db in try Registry.monthlyFlows(db, range, of: kind) }
    }

    static func monthlyFlows(_ db: Database, _ range: ClosedRange<YearMonth>, of kind: MemberKind) throws -> [MonthFlow] {
        let first = range.lowerBound.year * 12 + range.lowerBound.month - 1
        let count = range.lowerBound.months(until: range.upperBound) + 1
        var starts = [Int](repeating: 0, count: count)
        var ends = [Int](repeating: 0, count: count)
        var running = 0
        // One pass, reading the dates as bytes: no grouping sort, no String per row.
        let statement = try FastStatement(db, sql: "SELECT start_date, end_date FROM \(kind.periodTable)")
        statement.reset()
        while try statement.step() {
            guard let startMonth = statement.monthIndex(0) else { continue }
            let counted = Standing.monthEnds(startMonth: startMonth, endMonth: statement.monthIndex(1))
            let offset = counted.first - first
            if offset < 0 { running += 1 } else if offset < count { starts[offset] += 1 }
            if let pastLast = counted.pastLast {
                let offset = pastLast - first
                if offset < 0 { running -= 1 } else if offset < count { ends[offset] += 1 }
            }
        }
        var flows: [MonthFlow] = []
        flows.reserveCapacity(count)
        var month = range.lowerBound
        for index in 0..<count {
            running += starts[index] - ends[index]
            flows.append(MonthFlow(month: month, joined: starts[index], left: ends[index], endCount: running))
            month = month.adding(months: 1)
        }
        return flows
    }
}
