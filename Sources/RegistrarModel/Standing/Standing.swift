/// 在册: who counts on day D — the one definition of the counting rule, in SQL and in Swift.
///
/// A member counts on D when one of their periods started on or before D and has not ended by D (a
/// period ending on D does not count on D). Every count, flow, report, segment, integrity decision and
/// board figure asks this type, in whichever form it needs: an SQL condition, a test on day numbers,
/// or the month ends a period counts at. A store test checks that the forms agree on boundary days.
package enum Standing {
    /// The SQL condition that the period `period` (a table name or alias with `start_date` and
    /// `end_date`; nil for the unqualified columns) counts on `day`, an SQL expression of a
    /// `YYYY-MM-DD` text such as `?1`.
    package static func onRollSQL(period: String? = nil, on day: String) -> String {
        let prefix = period.map { "\($0)." } ?? ""
        return "\(prefix)start_date <= \(day) AND (\(prefix)end_date IS NULL OR \(prefix)end_date > \(day))"
    }

    /// The same condition on day numbers; `end` nil is an open period.
    package static func isOnRoll(start: DayNumber, end: DayNumber?, on day: DayNumber) -> Bool {
        start <= day && (end.map { $0 > day } ?? true)
    }

    /// The month ends a period counts at, as month indexes (`year * 12 + month - 1`): from the end of
    /// its start month, up to but not including the end of its end month (nil for an open period).
    ///
    /// The last day of month M is on or after any start in M and before any start after M, so a period
    /// starting in month S counts at the end of M exactly when S <= M; a period ending in month E has
    /// ended by the last day of M exactly when E <= M.
    package static func monthEnds(startMonth: Int, endMonth: Int?) -> (first: Int, pastLast: Int?) {
        (startMonth, endMonth)
    }
}

// MARK: - Good standing (RULES.md R1)

extension Standing {
    /// Whether a member is registered for `year`: the year is before registration was required, a
    /// registration for it is recorded, or one of the member's periods starts in it (joining
    /// registers the year joined).
    package static func isRegistered(for year: Int, rule: RegistrationRule, recorded: Bool, joined: Bool) -> Bool {
        !rule.isRequired(in: year) || recorded || joined
    }

    /// Whether a member on the roll or not (`onRoll`) is in good standing on `day`, given whether they
    /// are registered for a year (`registered`, by `isRegistered`): on the roll and, where registration
    /// is required, registered for the year of D, or for the year before with D on or before the last
    /// day of month `graceMonths`.
    package static func isInGoodStanding(onRoll: Bool, on day: Day, rule: RegistrationRule, registered: (Int) -> Bool) -> Bool {
        guard onRoll else { return false }
        guard rule.isRequired(in: day.year) else { return true }
        return registered(day.year) || (day.month <= rule.graceMonths && registered(day.year - 1))
    }

    /// The months of `year` at whose last day a member on the roll is in good standing: the month-end
    /// form of `isInGoodStanding` (the last day of month m is on or before the last day of month
    /// `graceMonths` exactly when m <= `graceMonths`). Months are 1–12.
    package static func goodStandingMonths(of year: Int, rule: RegistrationRule, registered: (Int) -> Bool) -> Range<Int> {
        if !rule.isRequired(in: year) || registered(year) { return 1..<13 }
        return registered(year - 1) ? 1..<(rule.graceMonths + 1) : 1..<1
    }

    /// The SQL condition that member `member` is registered for `year` (a literal: the year is known
    /// when the statement is made, so an unrequired year costs nothing).
    package static func registeredSQL(member: String, year: Int, rule: RegistrationRule) -> String {
        guard rule.isRequired(in: year) else { return "1" }
        let first = YearMonth(year: year, month: 1).map { $0.firstDay.iso } ?? "\(year)-01-01"
        let last = YearMonth(year: year, month: 12).map { $0.lastDay.iso } ?? "\(year)-12-31"
        return """
            (EXISTS (SELECT 1 FROM registration reg WHERE reg.member_id = \(member) AND reg.year = \(year)) \
            OR EXISTS (SELECT 1 FROM membership_period joined WHERE joined.member_id = \(member) \
            AND joined.start_date BETWEEN '\(first)' AND '\(last)'))
            """
    }

    /// The SQL condition that the period `period` (an alias) of member `member` makes them a member in
    /// good standing on `day`, bound as the SQL expression `parameter`: `isInGoodStanding` in SQL. With
    /// registration not required in the year of `day` it is exactly `onRollSQL`.
    package static func goodStandingSQL(period: String, member: String, on parameter: String, day: Day,
                                rule: RegistrationRule) -> String {
        let onRoll = onRollSQL(period: period, on: parameter)
        guard rule.isRequired(in: day.year) else { return onRoll }
        return "\(onRoll) AND \(inGoodStandingWhileOnRollSQL(period: period, member: member, day: day, rule: rule))"
    }
}

// MARK: - Good standing as a comparison on the period counted (migration v6)

extension Standing {
    /// Given that the period `period` (an alias) of member `member` is on the roll on `day`, the SQL
    /// condition that the member is in good standing on `day`: `isInGoodStanding` in SQL, read mostly
    /// from the period row itself, so a count is one scan of the periods rather than a search of the
    /// registrations for each of them. "1" where registration is not required on `day`. Used as a
    /// condition (WHERE, CASE WHEN), where SQLite stops at the first test that holds.
    ///
    /// Registered for year Y (`isRegistered`) is "recorded for Y, or one of the member's periods
    /// starts in Y". Recorded is `recordedSQL`. For joining, the period on the roll on D stands for
    /// all of the member's periods, since periods never overlap (schema triggers):
    /// - a period starting in Y = year(D) on or before D is the period on the roll itself, or one
    ///   before it, and then the period on the roll starts in Y too; one starting after D, still in Y,
    ///   needs the period on the roll to end in Y, and only then are the other periods asked;
    /// - a period starting in Y − 1 (the grace months) is the period on the roll or one before it, and
    ///   then the period on the roll starts in Y − 1 or in Y, which registers Y: either way the
    ///   member is in good standing, so "starts on or after 1 January of Y − 1" is the whole test.
    package static func inGoodStandingWhileOnRollSQL(period p: String, member: String, day: Day, rule: RegistrationRule) -> String {
        guard rule.isRequired(in: day.year) else { return "1" }
        let year = day.year
        let graceYear = day.month <= rule.graceMonths ? year - 1 : nil
        // The year before is not required: registered for it, so in good standing (R1).
        if let graceYear, !rule.isRequired(in: graceYear) { return "1" }
        let (first, last) = (firstDayISO(of: year), lastDayISO(of: year))
        var tests = [recordedSQL(period: p, member: member, year: year),
                     "\(p).start_date >= '\(graceYear.map(firstDayISO(of:)) ?? first)'",
                     """
                     (\(p).end_date <= '\(last)' AND EXISTS (SELECT 1 FROM membership_period joined \
                     WHERE joined.member_id = \(member) AND joined.start_date BETWEEN '\(first)' AND '\(last)'))
                     """]
        if let graceYear { tests.append(recordedSQL(period: p, member: member, year: graceYear)) }
        return "(" + tests.joined(separator: " OR ") + ")"
    }

    /// The SQL condition that a registration for `year` is recorded for `member`, read from the span
    /// the period `period` carries (`registered_from` through `registered_through`: the member's latest
    /// run of consecutive recorded years; 0 and 0 for none; NULL when not derived yet). A year after
    /// the run is not recorded, a year within it is; only for a year before the run, or a span not
    /// derived, is the registration table asked.
    ///
    /// A CASE, not an OR: SQLite evaluates both sides of an OR whose value is taken, and the search
    /// is what the span saves. (NULL compares as neither, so a span not derived reaches the ELSE.)
    /// The run's last year is recorded, so a member registered through the year asked (most of them,
    /// on a day of that year) is answered by one column, without reading the first year: 5% fewer
    /// instructions for a count in good standing at a million members (callgrind).
    package static func recordedSQL(period p: String, member: String, year: Int) -> String {
        """
        (CASE WHEN \(p).registered_through = \(year) THEN 1 WHEN \(p).registered_through < \(year) THEN 0 \
        WHEN \(p).registered_from <= \(year) THEN 1 \
        ELSE EXISTS (SELECT 1 FROM registration reg WHERE reg.member_id = \(member) AND reg.year = \(year)) END)
        """
    }

    /// Given that the period `period` (an alias) of member `member` is on the roll, the SQL condition
    /// that the member is registered for `year` (`isRegistered`), read mostly from the period row: the
    /// span (`recordedSQL`), then the period's own start, and only then the member's other periods.
    /// `registeredSQL`'s answer, without a search of the registrations for each period. "1" where
    /// `year` is not required.
    package static func registeredWhileOnRollSQL(period p: String, member: String, year: Int, rule: RegistrationRule) -> String {
        guard rule.isRequired(in: year) else { return "1" }
        let (first, last) = (firstDayISO(of: year), lastDayISO(of: year))
        return """
            (CASE WHEN \(recordedSQL(period: p, member: member, year: year)) THEN 1 \
            WHEN \(p).start_date BETWEEN '\(first)' AND '\(last)' THEN 1 \
            ELSE EXISTS (SELECT 1 FROM membership_period joined WHERE joined.member_id = \(member) \
            AND joined.start_date BETWEEN '\(first)' AND '\(last)') END)
            """
    }

    /// The latest run of consecutive years among `years` (ascending, without repeats), as the period
    /// span `recordedSQL` reads: (0, 0) when there are none.
    package static func latestRun(ofAscending years: [Int]) -> (from: Int, through: Int) {
        guard var from = years.last else { return (0, 0) }
        for year in years.reversed().dropFirst() {
            guard year == from - 1 else { break }
            from = year
        }
        return (from, years[years.count - 1])
    }

    private static func firstDayISO(of year: Int) -> String {
        YearMonth(year: year, month: 1).map { $0.firstDay.iso } ?? "\(year)-01-01"
    }

    private static func lastDayISO(of year: Int) -> String {
        YearMonth(year: year, month: 12).map { $0.lastDay.iso } ?? "\(year)-12-31"
    }
}
