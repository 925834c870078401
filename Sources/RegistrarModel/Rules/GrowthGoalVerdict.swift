/// The verdict of the growth goal (G1) on one count, with the reason in words.
public struct GrowthGoalVerdict: Sendable, Hashable {
    /// Met, not met, or undefined because there were no members in the base year.
    public enum Outcome: Sendable, Hashable {
        case met
        case notMet
        case undefined
    }

    public let goal: GrowthGoal
    /// From the base count to the count judged.
    public let growth: Growth
    /// The smallest count that meets the goal; nil when the base is zero.
    public let targetCount: Int?

    package init(goal: GrowthGoal, growth: Growth, targetCount: Int?) {
        self.goal = goal
        self.growth = growth
        self.targetCount = targetCount
    }

    public var baseCount: Int { growth.before }
    public var count: Int { growth.after }

    public var outcome: Outcome {
        switch growth.reaches(goal.rate) {
        case true?: .met
        case false?: .notMet
        case nil: .undefined
        }
    }

    /// The verdict as JSON carries it: `true`, `false`, or `null` when undefined.
    public var met: Bool? { growth.reaches(goal.rate) }

    /// Members still to be gained to meet the goal: zero once met, nil when undefined.
    public var shortfall: Int? {
        targetCount.map { max(0, $0 - count) }
    }

    /// One line that says the verdict and the numbers it rests on.
    public var reason: Text {
        let base = NumberText.grouped(baseCount)
        let now = NumberText.grouped(count)
        let year = goal.baseYear
        let rate = goal.rate.description
        guard let targetCount, let shortfall else {
            return Text(
                en: "Growth is undefined: there were no individual members at the end of \(year), so no percentage can be computed.",
                zh: "增长率无法计算：\(year)年底个人会员数为0，不能以0为基数计算百分比。")
        }
        let target = NumberText.grouped(targetCount)
        if shortfall == 0 {
            return Text(
                en: "Goal met: \(now) members is at least the \(target) needed (\(base) at the end of \(year) plus \(rate)%).",
                zh: "已达标：个人会员\(now)人，不少于目标\(target)人（\(year)年底\(base)人增加\(rate)%）。")
        }
        let short = NumberText.grouped(shortfall)
        return Text(
            en: "Goal not met: \(now) members is \(short) short of the \(target) needed (\(base) at the end of \(year) plus \(rate)%).",
            zh: "未达标：个人会员\(now)人，距目标\(target)人（\(year)年底\(base)人增加\(rate)%）还差\(short)人。")
    }
}
