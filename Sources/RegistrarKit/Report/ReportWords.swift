/// The labels of the membership reports, in every language the tool speaks.
public enum ReportWords {
    public static let monthlyTitle = Text(en: "Monthly membership report", zh: "会员月度报告")
    public static let growthTitle = Text(en: "Individual-member growth", zh: "个人会员增长情况")
    public static let month = Text(en: "Month", zh: "月份")
    public static let year = Text(en: "Year", zh: "年度")
    public static let item = Text(en: "Item", zh: "项目")
    public static let value = Text(en: "Value", zh: "数值")
    public static let members = Text(en: "Members", zh: "会员数")
    public static let share = Text(en: "Share %", zh: "占比%")

    public static let summary = Text(en: "Individual members", zh: "个人会员")
    public static let startCount = Text(en: "Members at start of month", zh: "月初会员数")
    public static let joined = Text(en: "Joined", zh: "新入会")
    public static let left = Text(en: "Left", zh: "退会")
    public static let endCount = Text(en: "Members at end of month", zh: "月末会员数")
    public static let net = Text(en: "Net change", zh: "净增")
    public static let monthOnMonth = Text(en: "Month on month", zh: "环比")
    public static let monthOnMonthPercent = Text(en: "Month on month %", zh: "环比%")
    public static let yearAgoEndCount = Text(en: "End of same month a year earlier", zh: "上年同月末会员数")
    public static let yearOnYearPercent = Text(en: "Year on year %", zh: "同比%")

    public static let goal = Text(en: "Goal", zh: "目标")
    public static let baseYear = Text(en: "Base year", zh: "基准年")
    public static let baseCount = Text(en: "Members at end of base year", zh: "基准年末会员数")
    public static let targetYear = Text(en: "Target year", zh: "目标年")
    public static let targetPercent = Text(en: "Target growth %", zh: "目标增幅%")
    public static let targetCount = Text(en: "Target count", zh: "目标会员数")
    public static let met = Text(en: "Met", zh: "是否达标")
    public static let reason = Text(en: "Reason", zh: "说明")

    public static let progress = Text(en: "Progress toward the target", zh: "目标进度")
    public static let needed = Text(en: "Members still needed", zh: "还需新增")
    public static let monthsLeft = Text(en: "Months left in target year", zh: "目标年剩余月数")
    public static let paceNeeded = Text(en: "Net gain needed per month", zh: "每月需净增")
    public static let lastThreeAverage = Text(en: "Average net gain, last 3 months", zh: "近三个月平均净增")
    public static let onPace = Text(en: "On pace", zh: "是否达到进度")

    public static let series = Text(en: "Month-end members", zh: "月末会员数走势")
    public static let breakdowns = Text(en: "Members by group", zh: "会员构成")
    public static let units = Text(en: "Unit members", zh: "单位会员")
    public static let settings = Text(en: "Settings used", zh: "本报告所用设置")

    public static let startOfYear = Text(en: "Members at end of previous year", zh: "上年末会员数")
    public static let endOfYear = Text(en: "Members at end of year", zh: "年末会员数")
    public static let growthPercent = Text(en: "Growth %", zh: "增长率%")
    public static let relaxation = Text(en: "Board-cap relaxation", zh: "理事会规模放宽")
    public static let thresholdPercent = Text(en: "Threshold % (strictly over)", zh: "门槛%（须超过）")
    public static let eligible = Text(en: "Eligible", zh: "是否符合")

    public static let chartTitle = chartTitle(months: 24)
    public static func chartTitle(months: Int) -> Text {
        Text(en: "Month-end individual members, last \(months) months", zh: "近\(months)个月月末个人会员数")
    }
    public static func yearChartTitle(_ year: Int) -> Text {
        Text(en: "Month-end individual members in \(year)", zh: "\(year) 年各月末个人会员数")
    }
    public static let society = Text(en: "Society", zh: "学会")
    public static let madeOn = Text(en: "Made on", zh: "制表日期")

    /// `中国示例学会 · made on 2026-12-01`; nil when neither is known.
    public static func byline(society: String, madeOn: Day?, _ language: Language) -> String? {
        let made = madeOn.map { Text(en: "made on \($0.iso)", zh: "制表日期 \($0.iso)")(language) }
        let parts = [society.isEmpty ? nil : society, made].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
    public static let baseLine = Text(en: "Base count", zh: "基准数")
    public static let targetLine = Text(en: "Target count", zh: "目标数")

    public static let yes = Text(en: "yes", zh: "是")
    public static let no = Text(en: "no", zh: "否")
    public static let undefined = Text(en: "undefined", zh: "无法计算")
    /// Shown where a number does not exist, never `inf` or `nan`.
    public static let none = Text(en: "—", zh: "—")

    /// `yes`, `no` or `undefined` for a verdict that may be undefined.
    public static func verdict(_ value: Bool?) -> Text {
        switch value {
        case true?: yes
        case false?: no
        case nil: undefined
        }
    }
}
