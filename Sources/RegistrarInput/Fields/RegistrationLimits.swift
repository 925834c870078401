import RegistrarModel

/// Why a registration row is refused although each cell reads: a year after the member's membership
/// ended (other than by lapse), and a payment dated after the day the file describes. Shared by the
/// registrations import's bulk and general paths, so both word them alike.
package enum RegistrationLimits {
    /// R1: only a member treated as withdrawn for not registering (`unregistered`) re-joins by
    /// registering again. One who resigned, was expelled, died, lapsed or left the roster has no
    /// period a later year could belong to: staff re-admit them through the roster first.
    package static func afterEnd(_ year: Int, endedOn: String, reason: String) -> Text {
        let label = EndReason(rawValue: reason)?.label ?? Text(en: reason, zh: reason)
        return Text(en: "\(year) is after the membership ended on \(endedOn) (\(label.en)); re-admit the member through the roster first",
                    zh: "\(year) 年晚于该会员会籍终止日期 \(endedOn)（\(label.zh)）；请先通过会员名册重新接纳该会员")
    }

    /// A payment cannot be later than the day the file describes (`--as-of`), nor than today.
    package static func paidAfter(_ paidOn: Day, limit: Day, isToday: Bool) -> Text {
        isToday
            ? Text(en: "payment date \(paidOn.iso) is after today (\(limit.iso)); check the date",
                   zh: "缴费日期 \(paidOn.iso) 晚于今天（\(limit.iso)）；请核对日期")
            : Text(en: "payment date \(paidOn.iso) is after the day the file describes (--as-of \(limit.iso)); check the date",
                   zh: "缴费日期 \(paidOn.iso) 晚于本文件的截至日期（--as-of \(limit.iso)）；请核对日期")
    }

    /// The last day a payment may be dated in an import as of `asOf`: that day, or today if earlier.
    package static func latestPayment(asOf: Day, today: Day) -> (day: Day, isToday: Bool) {
        today < asOf ? (today, true) : (asOf, false)
    }
}
