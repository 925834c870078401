/// How far a society is from its growth target and the monthly pace that would still reach it.
public struct GoalProgress: Sendable, Hashable {
    public let targetYear: Int
    /// Members still to be gained; zero once the target is reached, nil when the target is undefined.
    public let needed: Int?
    /// Months after the report month up to the end of the target year; zero once it is over.
    public let monthsLeft: Int
    /// `ceil(needed / monthsLeft)`; zero when nothing is needed, nil when it cannot be said.
    public let monthlyPaceNeeded: Int?
    /// Net growth over the three months ending with the report month; nil when the series lacks them.
    public let lastThreeMonthsNet: Int?

    /// Works out the progress in `month`, when the society has `endCount` members, from a goal verdict.
    ///
    /// `series` supplies the count three months earlier, for the recent pace.
    public init(goal: GrowthGoalVerdict, month: YearMonth, endCount: Int, series: [MonthCount]) {
        let targetYear = goal.goal.targetYear
        self.targetYear = targetYear
        let needed = goal.targetCount.map { max(0, $0 - endCount) }
        self.needed = needed
        let december = YearMonth(year: targetYear, month: 12)
        self.monthsLeft = december.map { max(0, month.months(until: $0)) } ?? 0
        switch needed {
        case 0?: monthlyPaceNeeded = 0
        case let needed? where monthsLeft > 0:
            monthlyPaceNeeded = ExactArithmetic.ceilingDivide(needed, by: monthsLeft)
        default: monthlyPaceNeeded = nil
        }
        let threeMonthsEarlier = month.adding(months: -3)
        lastThreeMonthsNet = series.first { $0.month == threeMonthsEarlier }.map { endCount - $0.endCount }
    }

    /// Whether the average net growth of the last three months reaches the pace needed.
    ///
    /// Compared as `sum >= 3 × pace`, so an average of 33⅓ against a pace of 34 is not on pace.
    public var onPace: Bool? {
        guard let monthlyPaceNeeded, let lastThreeMonthsNet else { return nil }
        return lastThreeMonthsNet >= 3 * monthlyPaceNeeded
    }

    /// The average net growth of the last three months in hundredths, rounded half away from zero, for display.
    public var lastThreeMonthsAverageHundredths: Int? {
        lastThreeMonthsNet.map { ExactArithmetic.roundHalfAwayFromZero(100 * $0, by: 3) }
    }

    /// One line that says where the society stands against the pace.
    public var reason: Text {
        guard let needed else {
            return Text(en: "No target: growth over the base year is undefined.",
                        zh: "无目标值：基准年会员数为0，无法计算增长目标。")
        }
        if needed == 0 {
            return Text(en: "The target is reached.", zh: "已达到目标。")
        }
        guard let pace = monthlyPaceNeeded else {
            return Text(
                en: "The target year \(targetYear) is over, \(NumberText.grouped(needed)) members short.",
                zh: "目标年\(targetYear)年已结束，距目标还差\(NumberText.grouped(needed))人。")
        }
        let paceText = NumberText.grouped(pace)
        guard let average = lastThreeMonthsAverageHundredths.map({ NumberText.twoDecimals(hundredths: $0, grouped: true) }),
              let onPace
        else {
            return Text(
                en: "\(paceText) net new members a month are needed; the last three months are not in the series.",
                zh: "每月需净增\(paceText)人；序列中缺少近三个月数据。")
        }
        return onPace
            ? Text(en: "On pace: the last three months averaged \(average) net a month, at least the \(paceText) needed.",
                   zh: "进度达标：近三个月平均每月净增\(average)人，不低于所需的\(paceText)人。")
            : Text(en: "Behind pace: the last three months averaged \(average) net a month, below the \(paceText) needed.",
                   zh: "进度落后：近三个月平均每月净增\(average)人，低于所需的\(paceText)人。")
    }
}
