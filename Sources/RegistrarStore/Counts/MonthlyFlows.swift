import GRDB
import RegistrarModel
import RegistrarInput

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
        // Unit members are not subject to registration (R1).
        let rule = kind == .individual ? try Registry.settings(db).registration : RegistrationRule()
        if rule.isRequired(in: range.upperBound.year) {
            return try monthlyFlowsInGoodStanding(db, range, rule: rule)
        }
        var tally = MonthEndTally(range)
        // One pass, reading the dates as bytes: no grouping sort, no String per row.
        let statement = try FastStatement(db, sql: "SELECT start_date, end_date FROM \(kind.periodTable)")
        statement.reset()
        while try statement.step() {
            guard let startMonth = statement.monthIndex(0) else { continue }
            tally.add(startMonth: startMonth, endMonth: statement.monthIndex(1))
        }
        return tally.flows
    }
}

/// Month-end counts and flows over a range of months, from periods added one at a time: by the
/// counting rule (`Standing.monthEnds`), a period counts at the end of month M exactly when it
/// started in or before M and did not end in or before M, so each month-end count is the periods
/// counted before the range plus the starts and minus the ends so far.
struct MonthEndTally {
    let range: ClosedRange<YearMonth>
    /// `year * 12 + month - 1` of the range's first month.
    private let first: Int
    private var starts: [Int]
    private var ends: [Int]
    /// Periods counted at month ends before the range and not ended before it.
    private var before = 0

    init(_ range: ClosedRange<YearMonth>) {
        self.range = range
        first = range.lowerBound.year * 12 + range.lowerBound.month - 1
        let count = range.lowerBound.months(until: range.upperBound) + 1
        starts = [Int](repeating: 0, count: count)
        ends = [Int](repeating: 0, count: count)
    }

    /// A period starting in `startMonth` and ending in `endMonth` (nil while open), as month indexes.
    mutating func add(startMonth: Int, endMonth: Int?) {
        let counted = Standing.monthEnds(startMonth: startMonth, endMonth: endMonth)
        let offset = counted.first - first
        if offset < 0 { before += 1 } else if offset < starts.count { starts[offset] += 1 }
        if let pastLast = counted.pastLast {
            let offset = pastLast - first
            if offset < 0 { before -= 1 } else if offset < ends.count { ends[offset] += 1 }
        }
    }

    var flows: [MonthFlow] {
        var flows: [MonthFlow] = []
        flows.reserveCapacity(starts.count)
        var month = range.lowerBound
        var running = before
        for index in starts.indices {
            running += starts[index] - ends[index]
            flows.append(MonthFlow(month: month, joined: starts[index], left: ends[index], endCount: running))
            month = month.adding(months: 1)
        }
        return flows
    }
}

extension Registry {
    /// Month-end counts of individual members in good standing where registration is required in
    /// some month of `range` (joins and exits stay the periods' starts and ends).
    ///
    /// One pass over the periods, with the registration span each carries, and one over the
    /// registrations of the range's years (and the year before, for the grace months) that the spans
    /// do not answer, give each member the years they are registered for, as bits;
    /// then each period adds +1 at the first and −1 past the last month end of each stretch it is in
    /// good standing (`Standing.goodStandingMonths` within `Standing.monthEnds`), and the month-end
    /// counts are the running sum.
    static func monthlyFlowsInGoodStanding(_ db: Database, _ range: ClosedRange<YearMonth>,
                                           rule: RegistrationRule) throws -> [MonthFlow] {
        let first = range.lowerBound.year * 12 + range.lowerBound.month - 1
        let count = range.lowerBound.months(until: range.upperBound) + 1
        let firstYear = range.lowerBound.year - 1, lastYear = range.upperBound.year
        let words = (lastYear - firstYear + 1 + 63) / 64
        let capacity = (try Int.fetchOne(db, sql: "SELECT max(id) FROM member") ?? 0) + 1
        var bits = [UInt64](repeating: 0, count: capacity * words)
        func mark(_ id: Int, _ year: Int) {
            guard (0..<capacity).contains(id), (firstYear...lastYear).contains(year) else { return }
            let offset = year - firstYear
            bits[id * words + offset / 64] |= 1 << UInt64(offset % 64)
        }
        var periods: [(id: Int32, start: Int32, end: Int32)] = []
        // The registration table is read only for the years the periods' spans cannot answer: those
        // before a span's first year, and all of them for a span not derived (`Standing.recordedSQL`).
        var askedThrough = firstYear - 1
        let statement = try FastStatement(db, sql: """
            SELECT member_id, start_date, end_date, registered_from, registered_through FROM membership_period
            """)
        statement.reset()
        while try statement.step() {
            guard let startMonth = statement.monthIndex(1) else { continue }
            let id = Int(statement.int64(0))
            mark(id, startMonth / 12) // joining registers the year joined
            if statement.isNull(3) || statement.isNull(4) {
                askedThrough = lastYear
            } else if statement.int64(4) > 0 {
                let from = Int(statement.int64(3)), through = Int(statement.int64(4))
                let low = max(from, firstYear), high = min(through, lastYear)
                if low <= high { for year in low...high { mark(id, year) } }
                askedThrough = max(askedThrough, min(from - 1, lastYear))
            }
            periods.append((Int32(clamping: id), Int32(startMonth), Int32(statement.monthIndex(2) ?? -1)))
        }
        statement.reset()
        if askedThrough >= firstYear {
            let registrations = try FastStatement(db, sql: "SELECT member_id, year FROM registration WHERE year BETWEEN ?1 AND ?2")
            registrations.reset()
            registrations.bind(1, Int64(firstYear))
            registrations.bind(2, Int64(askedThrough))
            while try registrations.step() { mark(Int(registrations.int64(0)), Int(registrations.int64(1))) }
            registrations.reset()
        }

        var starts = [Int](repeating: 0, count: count)
        var ends = [Int](repeating: 0, count: count)
        var delta = [Int](repeating: 0, count: count + 1)
        for period in periods {
            let counted = Standing.monthEnds(startMonth: Int(period.start), endMonth: period.end < 0 ? nil : Int(period.end))
            if (0..<count).contains(counted.first - first) { starts[counted.first - first] += 1 }
            if let pastLast = counted.pastLast, (0..<count).contains(pastLast - first) { ends[pastLast - first] += 1 }
            // The month ends of the range the period is on the roll at, as offsets.
            let low = max(counted.first - first, 0), high = min((counted.pastLast ?? Int.max / 2) - first, count)
            guard low < high else { continue }
            let id = Int(period.id)
            func registered(_ year: Int) -> Bool {
                let offset = year - firstYear
                let recorded = (firstYear...lastYear).contains(year)
                    && bits[id * words + offset / 64] & (1 << UInt64(offset % 64)) != 0
                return Standing.isRegistered(for: year, rule: rule, recorded: recorded, joined: false)
            }
            // Before registration is required, every month end of the period counts: one stretch.
            var firstAsked = (first + low) / 12
            if let requiredFrom = rule.requiredFrom, firstAsked < requiredFrom {
                let to = min(requiredFrom * 12 - first, high)
                if low < to { delta[low] += 1; delta[to] -= 1 }
                firstAsked = requiredFrom
            }
            guard firstAsked <= (first + high - 1) / 12 else { continue }
            for year in firstAsked...(first + high - 1) / 12 {
                let months = Standing.goodStandingMonths(of: year, rule: rule, registered: registered)
                let from = max(year * 12 + months.lowerBound - 1 - first, low)
                let to = min(year * 12 + months.upperBound - 1 - first, high)
                if from < to { delta[from] += 1; delta[to] -= 1 }
            }
        }
        var flows: [MonthFlow] = []
        flows.reserveCapacity(count)
        var month = range.lowerBound
        var running = 0
        for index in 0..<count {
            running += delta[index]
            flows.append(MonthFlow(month: month, joined: starts[index], left: ends[index], endCount: running))
            month = month.adding(months: 1)
        }
        return flows
    }
}
