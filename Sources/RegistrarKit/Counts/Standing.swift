/// 在册: who counts on day D — the one definition of the counting rule, in SQL and in Swift.
///
/// A member counts on D when one of their periods started on or before D and has not ended by D (a
/// period ending on D does not count on D). Every count, flow, report, segment, integrity decision and
/// board figure asks this type, in whichever form it needs: an SQL condition, a test on day numbers,
/// or the month ends a period counts at. A store test checks that the forms agree on boundary days.
enum Standing {
    /// The SQL condition that the period `period` (a table name or alias with `start_date` and
    /// `end_date`; nil for the unqualified columns) counts on `day`, an SQL expression of a
    /// `YYYY-MM-DD` text such as `?1`.
    static func onRollSQL(period: String? = nil, on day: String) -> String {
        let prefix = period.map { "\($0)." } ?? ""
        return "\(prefix)start_date <= \(day) AND (\(prefix)end_date IS NULL OR \(prefix)end_date > \(day))"
    }

    /// The same condition on day numbers; `end` nil is an open period.
    static func isOnRoll(start: DayNumber, end: DayNumber?, on day: DayNumber) -> Bool {
        start <= day && (end.map { $0 > day } ?? true)
    }

    /// The month ends a period counts at, as month indexes (`year * 12 + month - 1`): from the end of
    /// its start month, up to but not including the end of its end month (nil for an open period).
    ///
    /// The last day of month M is on or after any start in M and before any start after M, so a period
    /// starting in month S counts at the end of M exactly when S <= M; a period ending in month E has
    /// ended by the last day of M exactly when E <= M.
    static func monthEnds(startMonth: Int, endMonth: Int?) -> (first: Int, pastLast: Int?) {
        (startMonth, endMonth)
    }
}

// MARK: - Good standing (RULES.md R1)

extension Standing {
    /// Whether a member is registered for `year`: the year is before registration was required, a
    /// registration for it is recorded, or one of the member's periods starts in it (joining
    /// registers the year joined).
    static func isRegistered(for year: Int, rule: RegistrationRule, recorded: Bool, joined: Bool) -> Bool {
        !rule.isRequired(in: year) || recorded || joined
    }

    /// Whether a member on the roll or not (`onRoll`) is in good standing on `day`, given whether they
    /// are registered for a year (`registered`, by `isRegistered`): on the roll and, where registration
    /// is required, registered for the year of D, or for the year before with D on or before the last
    /// day of month `graceMonths`.
    static func isInGoodStanding(onRoll: Bool, on day: Day, rule: RegistrationRule, registered: (Int) -> Bool) -> Bool {
        guard onRoll else { return false }
        guard rule.isRequired(in: day.year) else { return true }
        return registered(day.year) || (day.month <= rule.graceMonths && registered(day.year - 1))
    }

    /// The months of `year` at whose last day a member on the roll is in good standing: the month-end
    /// form of `isInGoodStanding` (the last day of month m is on or before the last day of month
    /// `graceMonths` exactly when m <= `graceMonths`). Months are 1–12.
    static func goodStandingMonths(of year: Int, rule: RegistrationRule, registered: (Int) -> Bool) -> Range<Int> {
        if !rule.isRequired(in: year) || registered(year) { return 1..<13 }
        return registered(year - 1) ? 1..<(rule.graceMonths + 1) : 1..<1
    }

    /// The SQL condition that member `member` is registered for `year` (a literal: the year is known
    /// when the statement is made, so an unrequired year costs nothing).
    static func registeredSQL(member: String, year: Int, rule: RegistrationRule) -> String {
        guard rule.isRequired(in: year) else { return "1" }
        let first = YearMonth(year: year, month: 1).map { $0.firstDay.iso } ?? "\(year)-01-01"
        let last = YearMonth(year: year, month: 12).map { $0.lastDay.iso } ?? "\(year)-12-31"
        return """
            (EXISTS (SELECT 1 FROM registration reg WHERE reg.member_id = \(member) AND reg.year = \(year)) \
            OR EXISTS (SELECT 1 FROM membership_period joined WHERE joined.member_id = \(member) \
            AND joined.start_date BETWEEN '\(first)' AND '\(last)'))
            """
    }

    /// The SQL condition that the period `period` of member `member` makes them a member in good
    /// standing on `day`, bound as the SQL expression `parameter`: `isInGoodStanding` in SQL. With
    /// registration not required in the year of `day` it is exactly `onRollSQL`.
    static func goodStandingSQL(period: String? = nil, member: String, on parameter: String, day: Day,
                                rule: RegistrationRule) -> String {
        let onRoll = onRollSQL(period: period, on: parameter)
        guard rule.isRequired(in: day.year) else { return onRoll }
        var registered = registeredSQL(member: member, year: day.year, rule: rule)
        if day.month <= rule.graceMonths {
            registered = "(\(registered) OR \(registeredSQL(member: member, year: day.year - 1, rule: rule)))"
        }
        return "\(onRoll) AND \(registered)"
    }
}
