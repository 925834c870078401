import GRDB
import RegistrarModel
import RegistrarInput

extension Registry {
    /// The month-end flows of `range` and the count on `day`, from one pass over the periods, where
    /// registration is required in neither `range`'s last year nor `day`'s (RULES.md R1); nil where it
    /// is, and the two come from `monthlyFlows` and `count` apart.
    ///
    /// The same figures as those two: each period is judged by `Standing.monthEnds` for the month
    /// ends and by `Standing.isOnRoll` for the day, as they judge it; only the pass is shared, so the
    /// dashboard reads a million periods once instead of twice. Unit members are counted by
    /// `count`'s own statement (their table is small).
    static func monthlyFlowsAndCount(_ db: Database, _ range: ClosedRange<YearMonth>,
                                     on day: Day) throws -> (flows: [MonthFlow], count: MembershipCount)? {
        let rule = try Registry.settings(db).registration
        guard !rule.isRequired(in: range.upperBound.year), !rule.isRequired(in: day.year) else { return nil }
        var tally = MonthEndTally(range)
        var onDay = 0
        let target = DayNumber(day)
        func monthIndex(_ day: DayNumber) -> Int {
            Int(day.value / 10_000) * 12 + Int(day.value / 100 % 100) - 1
        }
        let statement = try FastStatement(db, sql: "SELECT start_date, end_date FROM membership_period")
        statement.reset()
        while try statement.step() {
            guard let start = statement.dayNumber(0) else { continue }
            let end = statement.dayNumber(1)
            if Standing.isOnRoll(start: start, end: end, on: target) { onDay += 1 }
            tally.add(startMonth: monthIndex(start), endMonth: end.map(monthIndex))
        }
        statement.reset()
        let flows = tally.flows
        let unit = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM unit_membership_period WHERE \(Standing.onRollSQL(on: "?1"))
            """, arguments: [day.iso]) ?? 0
        return (flows, MembershipCount(asOf: day.iso, individual: onDay, unit: unit))
    }
}
