/// 基层一线科技工作者比例: whether enough of a board's members are grassroots front-line scientists (B2, item 2).
public struct GrassrootsShare: Sendable, Hashable {
    /// The two kinds of seat the text sets a share for.
    public enum Body: Sendable, Hashable {
        /// 理事: at least three quarters ("四分之三以上").
        case directors
        /// 常务理事: at least two thirds ("三分之二以上").
        case standingDirectors

        /// The least share as a fraction (numerator, denominator).
        public var requiredFraction: (numerator: Int, denominator: Int) {
            switch self {
            case .directors: (3, 4)
            case .standingDirectors: (2, 3)
            }
        }

        package var name: Text {
            switch self {
            case .directors: Text(en: "directors", zh: "理事")
            case .standingDirectors: Text(en: "standing directors", zh: "常务理事")
            }
        }

        package var fractionName: Text {
            switch self {
            case .directors: Text(en: "three quarters", zh: "四分之三")
            case .standingDirectors: Text(en: "two thirds", zh: "三分之二")
            }
        }
    }

    /// Met, not met, or not applicable to a body with no seats.
    public enum Outcome: Sendable, Hashable {
        case met
        case notMet
        case notApplicable
    }

    public let body: Body
    public let grassroots: Int
    public let total: Int

    public init(body: Body, grassroots: Int, total: Int) {
        precondition(0 <= grassroots && grassroots <= total, "grassroots seats are a part of all seats")
        self.body = body
        self.grassroots = grassroots
        self.total = total
    }

    /// Decided as `denominator × g >= numerator × n` ("以上" includes the fraction itself).
    public var outcome: Outcome {
        guard total > 0 else { return .notApplicable }
        let (numerator, denominator) = body.requiredFraction
        return denominator * grassroots >= numerator * total ? .met : .notMet
    }

    /// The share for display; nil for an empty body.
    public var share: RoundedPercent? {
        total > 0 ? RoundedPercent(ratioOf: grassroots, to: total) : nil
    }

    /// One line that says the verdict and the counts it rests on.
    public var reason: Text {
        let name = body.name
        let fraction = body.fractionName
        guard let share else {
            return Text(en: "Not applicable: there are no \(name.en).",
                        zh: "不适用：没有\(name.zh)。")
        }
        switch outcome {
        case .met:
            return Text(
                en: "Met: \(grassroots) of \(total) \(name.en) (\(share.text)%) are grassroots front-line scientists, at least \(fraction.en).",
                zh: "符合：\(total)名\(name.zh)中基层一线科技工作者\(grassroots)名（\(share.text)%），达到\(fraction.zh)以上。")
        case .notMet, .notApplicable:
            let (numerator, denominator) = body.requiredFraction
            let needed = ExactArithmetic.ceilingDivide(numerator * total, by: denominator)
            return Text(
                en: "Not met: \(grassroots) of \(total) \(name.en) (\(share.text)%) are grassroots front-line scientists; at least \(needed) (\(fraction.en)) are required.",
                zh: "不符合：\(total)名\(name.zh)中基层一线科技工作者\(grassroots)名（\(share.text)%），应不少于\(needed)名（\(fraction.zh)）。")
        }
    }
}
