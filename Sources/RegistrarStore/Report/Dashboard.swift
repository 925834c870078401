import RegistrarModel
import RegistrarInput
/// What the staff web view's front page shows: today's counts, the flows of this month, last month and
/// the year to date, progress toward the growth goal, 24 month-end counts, and what needs attention.
///
/// Built from the same counts the commands use (`count`, `monthlyFlows`, `growthGoal`, `boardCheck`,
/// `inactiveBranches`), with one grouped scan of the periods for every month shown.
public struct Dashboard: Sendable {
    public var today: Day
    public var count: MembershipCount
    /// New members, renewals and exits of this month, last month and the year to date, as the
    /// monthly report counts them.
    public var activity: [ActivityWindow]
    public var goal: GrowthGoalVerdict
    public var progress: GoalProgress
    /// Month-end counts of the 24 months ending with this month (this month's "end" is today's count
    /// only once the month is over; until then it is the count as the month stands).
    public var series: [MonthCount]
    /// The latest board term's verdicts, or why there are none.
    public var boardRules: [(title: Text, verdict: RuleVerdict)]
    public var boardProblem: Text?
    public var inactiveBranchMonths: Int
    public var inactiveBranches: [InactiveBranch]
    public var lastImport: ImportBatch?
    /// Members on the roll not registered for this year, when registration is required this year (R1).
    public var renewalsDue: Int?
}

extension Registry {
    /// One pass over the periods, however long ago the base year was, gives every month-end figure
    /// (the series, the flows, and the base year's end, which is December's month end) and today's
    /// count (`monthlyFlowsAndCount`). Where registration is required, good standing needs the
    /// registrations too, and the month ends and today's count, the very count `registrar count`
    /// makes, are two passes.
    public func dashboard(today: Day) throws -> Dashboard {
        let settings = try settings()
        let month = YearMonth(today)
        var first = min(month.adding(months: -23), YearMonth(year: today.year, month: 1) ?? month)
        // The base year's end inside the series costs no second pass (a longer series costs only arrays).
        let baseMonth = YearMonth(Day.endOfYear(settings.baseYear))
        if baseMonth < first && baseMonth.months(until: first) <= 12 * 50 { first = baseMonth }
        let flows: [MonthFlow], count: MembershipCount
        if let both = try read({ db in try Registry.monthlyFlowsAndCount(db, first...month, on: today) }) {
            flows = both.flows
            count = both.count
        } else {
            flows = try monthlyFlows(first...month)
            count = try self.count(on: today)
        }
        let activity = try read { db in try Registry.activity(db, flows: flows) }
        let base = try flows.first { $0.month == baseMonth }?.endCount ?? self.count(on: Day.endOfYear(settings.baseYear)).individual
        let goal = settings.growthGoal.evaluate(baseCount: base, count: count.individual)
        let series = flows.suffix(24).map { MonthCount(month: $0.month, endCount: $0.endCount) }
        var rules: [(Text, RuleVerdict)] = []
        var boardProblem: Text?
        do {
            rules = try boardCheck(termNo: nil).rules.map { ($0.title, $0.verdict) }
        } catch let error as BoardError {
            boardProblem = error.problem
        }
        let branches = try inactiveBranches(on: today)
        return Dashboard(
            today: today, count: count,
            activity: activity,
            goal: goal, progress: GoalProgress(goal: goal, month: month, endCount: count.individual, series: series),
            series: series, boardRules: rules, boardProblem: boardProblem,
            inactiveBranchMonths: branches.months, inactiveBranches: branches.branches,
            lastImport: try recentImports(limit: 1).first,
            renewalsDue: settings.registration.isRequired(in: today.year)
                ? try read { db in try Registry.registrationDueCount(db, year: today.year, on: today) } : nil)
    }
}

extension Registry {
    /// SQLite's `data_version` on this registry's connection: it changes exactly when another
    /// connection has committed a change since this one last looked, so a figure computed here can
    /// be kept until it does.
    public func dataVersion() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
