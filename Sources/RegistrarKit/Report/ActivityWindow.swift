/// New members, renewals, exits and the total in good standing over one stretch of months, as a
/// membership dashboard shows them for this month, last month and the year to date.
public struct ActivityWindow: Sendable, Hashable {
    /// Which stretch: `this_month`, `last_month` or `year_to_date`.
    public enum Window: String, Sendable, Hashable, CaseIterable {
        case thisMonth = "this_month"
        case lastMonth = "last_month"
        case yearToDate = "year_to_date"

        public var title: Text {
            switch self {
            case .thisMonth: Text(en: "this month", zh: "本月")
            case .lastMonth: Text(en: "last month", zh: "上月")
            case .yearToDate: Text(en: "year to date", zh: "本年累计")
            }
        }
    }

    public var window: Window
    /// The first and last month of the stretch.
    public var from: YearMonth
    public var through: YearMonth
    /// Memberships that began in the stretch.
    public var newMembers: Int
    /// Registrations dated in the stretch (by payment date, else the date of the import that recorded them).
    public var renewals: Int
    /// Memberships that ended in the stretch.
    public var exits: Int
    /// Individual members in good standing at the end of the stretch.
    public var inGoodStanding: Int

    public init(window: Window, from: YearMonth, through: YearMonth, newMembers: Int, renewals: Int, exits: Int,
                inGoodStanding: Int) {
        self.window = window
        self.from = from
        self.through = through
        self.newMembers = newMembers
        self.renewals = renewals
        self.exits = exits
        self.inGoodStanding = inGoodStanding
    }
}
