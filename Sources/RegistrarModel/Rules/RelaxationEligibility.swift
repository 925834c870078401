/// 理事会规模放宽: whether last year's growth lets a society relax its board cap (G2, item 3).
///
/// The text says growth "超30%", which excludes 30% itself, and sets no amount of relaxation;
/// this verdict therefore only says whether a society is eligible.
public struct RelaxationEligibility: Sendable, Hashable {
    /// The default threshold of the 2018 work points: growth over 30%.
    public static let defaultThreshold = Percent(30)

    /// The last full year: growth is from the end of the year before it to the end of it.
    public let year: Int
    public let growth: Growth
    /// Growth must be strictly above this to be eligible.
    public let threshold: Percent

    /// Judges growth from `startCount` at the end of `year − 1` to `endCount` at the end of `year`.
    public init(year: Int, startCount: Int, endCount: Int, threshold: Percent = defaultThreshold) {
        self.year = year
        self.growth = Growth(from: startCount, to: endCount)
        self.threshold = threshold
    }

    /// True, false, or nil when there were no members at the start of the year.
    public var eligible: Bool? { growth.exceeds(threshold) }

    /// One line that says the verdict and the growth it rests on.
    public var reason: Text {
        let threshold = threshold.description
        guard let percent = growth.percent, let eligible else {
            return Text(
                en: "Relaxation eligibility is undefined: there were no individual members at the end of \(year - 1).",
                zh: "无法判断能否放宽：\(year - 1)年底个人会员数为0，无法计算增长率。")
        }
        if eligible {
            return Text(
                en: "Eligible for a relaxed board cap: growth in \(year) was \(percent.text)%, over \(threshold)%.",
                zh: "可适当放宽理事会规模：\(year)年个人会员增长\(percent.text)%，超过\(threshold)%。")
        }
        return Text(
            en: "Not eligible for a relaxed board cap: growth in \(year) was \(percent.text)%, not over \(threshold)%.",
            zh: "不符合放宽条件：\(year)年个人会员增长\(percent.text)%，未超过\(threshold)%。")
    }
}
