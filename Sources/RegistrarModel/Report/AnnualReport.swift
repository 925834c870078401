/// 学会年报（会员部分）: the membership part of a society's annual disclosure (S1, item 7) — counts,
/// growth, services and integrity cases in aggregate, and the board's composition; never a name.
public struct AnnualReport: Sendable {
    public let year: Int
    public let societyName: String
    public let members: MembershipCount
    public let growth: GrowthReport
    public let individualFlow: (joined: Int, left: Int)
    public let unitFlow: (joined: Int, left: Int)
    /// Services given in the year, by type and channel; only the pairs that occurred.
    public let services: [(type: String, channel: String, count: Int)]
    public let casesOpened: Int
    /// Cases decided in the year, by allegation and by sanction.
    public let decidedByAllegation: [Allegation: Int]
    public let decidedBySanction: [Sanction: Int]
    /// The board of the term in force at the end of the year, if any; only its counts are reported.
    public let board: BoardCheck?
    /// Whether registration was required at the end of the year (R1): the report then also shows
    /// members on the roll and the unregistered.
    public var registrationRequired = false
    /// Individual members at the end of each month of the year, for the chart of the year.
    public var monthEnds: [MonthCount] = []
    /// The day the report was made, shown under its title when set.
    public var madeOn: Day?

    public var casesDecided: Int { decidedByAllegation.values.reduce(0, +) }
    public var servicesTotal: Int { services.reduce(0) { $0 + $1.count } }

    package init(year: Int, societyName: String, members: MembershipCount, growth: GrowthReport,
                 individualFlow: (joined: Int, left: Int), unitFlow: (joined: Int, left: Int),
                 services: [(type: String, channel: String, count: Int)], casesOpened: Int,
                 decidedByAllegation: [Allegation: Int], decidedBySanction: [Sanction: Int], board: BoardCheck?) {
        self.year = year
        self.societyName = societyName
        self.members = members
        self.growth = growth
        self.individualFlow = individualFlow
        self.unitFlow = unitFlow
        self.services = services
        self.casesOpened = casesOpened
        self.decidedByAllegation = decidedByAllegation
        self.decidedBySanction = decidedBySanction
        self.board = board
    }
}
