/// 会员月度报告: the monthly growth report of individual members, with the goal and its progress.
///
/// The store fills it with counts; everything derived from them (growth, the verdict's
/// progress, shares) is computed here from integers, so every renderer shows the same numbers.
public struct MonthlyReport: Sendable, Hashable {
    /// The most month-end counts a report carries: ten years.
    public static let maximumSeriesLength = 120

    public let month: YearMonth
    /// Individual members at the end of the previous month.
    public let startCount: Int
    /// Individual members whose membership began during the month.
    public let joined: Int
    /// Individual members whose membership ended during the month.
    public let left: Int
    /// Individual members at the end of the month.
    public let endCount: Int
    /// Individual members at the end of the same month a year earlier.
    public let yearAgoEndCount: Int
    /// The growth goal (G1) judged on the count the store chose; see `GrowthGoal.evaluate`.
    public let goal: GrowthGoalVerdict
    public let progress: GoalProgress
    /// Month-end counts in month order, the most recent `maximumSeriesLength` months.
    public let series: [MonthCount]
    public let breakdowns: [Breakdown]
    public let units: UnitMemberFlow
    /// On the roll, in good standing and unregistered at the end of the month; nil where registration
    /// is not required then (every member on the roll is in good standing).
    public var standing: MembershipCount? = nil
    /// This month, last month and the year to date: new members, renewals, exits, total in good standing.
    public var activity: [ActivityWindow] = []
    /// How many of the latest month-end counts the report shows (its table, chart, CSV and JSON):
    /// two years unless asked for more (`--months`), up to the whole series.
    public var shownMonths = 24
    /// The society the report is about, and the day it was made: on every rendering when set.
    public var society = ""
    public var madeOn: Day?

    public init(month: YearMonth, startCount: Int, joined: Int, left: Int, endCount: Int,
                yearAgoEndCount: Int, goal: GrowthGoalVerdict, series: [MonthCount],
                breakdowns: [Breakdown], units: UnitMemberFlow) {
        precondition([startCount, joined, left, endCount, yearAgoEndCount].allSatisfy { $0 >= 0 },
                     "member counts are never negative")
        self.month = month
        self.startCount = startCount
        self.joined = joined
        self.left = left
        self.endCount = endCount
        self.yearAgoEndCount = yearAgoEndCount
        self.goal = goal
        let ordered = series.sorted { $0.month < $1.month }
        self.series = Array(ordered.suffix(Self.maximumSeriesLength))
        self.progress = GoalProgress(goal: goal, month: month, endCount: endCount, series: ordered)
        self.breakdowns = breakdowns
        self.units = units
    }

    /// Joined minus left; equals the month-on-month change when the periods are consistent.
    public var net: Int { joined - left }

    /// From the end of the previous month to the end of this one.
    public var monthOnMonth: Growth { Growth(from: startCount, to: endCount) }

    /// From the end of the same month a year earlier; its percent is nil when that count was zero.
    public var yearOnYear: Growth { Growth(from: yearAgoEndCount, to: endCount) }

    /// The last points of the series, for the chart.
    public func recentSeries(_ count: Int = 24) -> [MonthCount] {
        Array(series.suffix(count))
    }

    /// The month-end counts the report shows: the last `shownMonths`.
    public var shownSeries: [MonthCount] { recentSeries(shownMonths) }

    /// `中国示例学会 · made on 2026-12-01`: who and when, under every rendering's title.
    public func byline(_ language: Language) -> String? {
        ReportWords.byline(society: society, madeOn: madeOn, language)
    }
}
