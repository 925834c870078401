/// 年度增长: one year's individual-member growth, the goal's verdict and relaxation eligibility, for `registrar growth`.
public struct GrowthReport: Sendable, Hashable {
    public let year: Int
    /// From the end of `year − 1` to the end of `year`.
    public let growth: Growth
    public let goal: GrowthGoalVerdict
    /// Whether this year's growth relaxes the board cap at an election next year (G2).
    public let relaxation: RelaxationEligibility

    /// Builds the report of `year` from its two year-end counts and the goal's verdict.
    ///
    /// - Parameters:
    ///   - startCount: individual members at the end of `year − 1`.
    ///   - endCount: individual members at the end of `year`.
    ///   - goal: the goal's verdict, judged on the count the store chose (see `GrowthGoal.evaluate`).
    ///   - relaxationThreshold: the society's threshold, strictly exceeded to be eligible.
    public init(year: Int, startCount: Int, endCount: Int, goal: GrowthGoalVerdict,
                relaxationThreshold: Percent = RelaxationEligibility.defaultThreshold) {
        self.year = year
        self.growth = Growth(from: startCount, to: endCount)
        self.goal = goal
        self.relaxation = RelaxationEligibility(year: year, startCount: startCount, endCount: endCount,
                                                threshold: relaxationThreshold)
    }

    package var sections: [ReportSection] {
        [
            .items(key: "growth", title: ReportWords.growthTitle, [
                ("year", ReportWords.year, .year(year)),
                ("start_count", ReportWords.startOfYear, .count(growth.before)),
                ("end_count", ReportWords.endOfYear, .count(growth.after)),
                ("growth_percent", ReportWords.growthPercent, .percent(growth.percent)),
            ]),
            .items(key: "goal", title: ReportWords.goal, [
                ("base_year", ReportWords.baseYear, .year(goal.goal.baseYear)),
                ("base_count", ReportWords.baseCount, .count(goal.baseCount)),
                ("target_percent", ReportWords.targetPercent, .setting(goal.goal.rate)),
                ("target_count", ReportWords.targetCount, .count(goal.targetCount)),
                ("met", ReportWords.met, .verdict(goal.met)),
            ], note: goal.reason),
            .items(key: "relaxation", title: ReportWords.relaxation, [
                ("threshold_percent", ReportWords.thresholdPercent, .setting(relaxation.threshold)),
                ("eligible", ReportWords.eligible, .verdict(relaxation.eligible)),
            ], note: relaxation.reason),
        ]
    }
}
