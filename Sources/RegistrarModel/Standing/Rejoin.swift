/// R1: "a member who registers again later re-joins: a new period". A member treated as withdrawn
/// (视为自动退会, end reason `unregistered`) on `withdrawnOn` who is registered for a year not before
/// the withdrawal's re-joins from the earliest of those registrations' payment dates (a registration
/// without one: 1 January of its year), never before the withdrawal.
///
/// The start is a function of the member's set of registrations, so the order a file lists them in,
/// or the order several files are imported in, cannot change who counts on which day.
public enum Rejoin {
    /// One recorded registration: its year and, when known, the day it was paid.
    public struct Registration: Sendable, Equatable {
        public var year: Int
        public var paidOn: Day?
        public init(year: Int, paidOn: Day?) {
            self.year = year
            self.paidOn = paidOn
        }
    }

    /// The first day of the new period, or nil when no registration is for the year of the
    /// withdrawal or a later one (a late record of an earlier year does not re-join).
    public static func start(withdrawnOn: Day, registrations: [Registration]) -> Day? {
        var earliest: Day?
        for registration in registrations where registration.year >= withdrawnOn.year {
            let from = registration.paidOn ?? Day.startOfYear(registration.year)
            let start = max(from, withdrawnOn)
            if earliest.map({ start < $0 }) ?? true { earliest = start }
        }
        return earliest
    }
}
