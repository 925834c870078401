/// 个人会员增长目标: the goal of growing individual members by a rate over a base year (G1, item 8).
///
/// The 2018 work points set 15% over the end of 2017, to be reached by the end of 2018; later
/// work points restate it, so all three numbers are society settings.
public struct GrowthGoal: Sendable, Hashable {
    /// The year whose 31 December count is the base.
    public let baseYear: Int
    /// The year by whose 31 December the goal is to be reached.
    public let targetYear: Int
    /// The growth required, inclusive ("15%以上" includes 15%).
    public let rate: Percent

    public init(baseYear: Int, targetYear: Int, rate: Percent) {
        self.baseYear = baseYear
        self.targetYear = targetYear
        self.rate = rate
    }

    /// The goal as the 2018 work points set it: 15% over the end of 2017 by the end of 2018.
    public static let workPoints2018 = GrowthGoal(baseYear: 2017, targetYear: 2018, rate: Percent(15))

    /// The smallest whole number of members that meets the goal, or nil when the base is zero.
    public func targetCount(baseCount: Int) -> Int? {
        precondition(baseCount >= 0, "member counts are never negative")
        guard baseCount > 0 else { return nil }
        return ExactArithmetic.ceilingDivide((10_000 + rate.basisPoints) * baseCount, by: 10_000)
    }

    /// Judges `count` members against the goal over `baseCount` members at the end of the base year.
    ///
    /// `count` is the count at the end of the target year, or the latest count while that year is
    /// still running, in which case "met" means the goal has already been reached.
    public func evaluate(baseCount: Int, count: Int) -> GrowthGoalVerdict {
        GrowthGoalVerdict(goal: self, growth: Growth(from: baseCount, to: count),
                          targetCount: targetCount(baseCount: baseCount))
    }
}
