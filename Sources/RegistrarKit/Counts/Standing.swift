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
