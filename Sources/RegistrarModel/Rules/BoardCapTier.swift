/// The line of the board-size table (B1, item 3) that a member count falls on.
public enum BoardCapTier: Sendable, Hashable, CaseIterable {
    /// 不足2万人: fewer than 20,000 members.
    case under20000
    /// 2万人以上且不足10万人: 20,000 up to but not including 100,000.
    case from20000ToUnder100000
    /// Exactly 100,000, which neither "不足10万人" nor "超过10万人" covers.
    case exactly100000
    /// 超过10万人: more than 100,000.
    case over100000

    /// The tier for `members` individual members at the end of the last full year.
    public init(members: Int) {
        precondition(members >= 0, "member counts are never negative")
        switch members {
        case ..<20_000: self = .under20000
        case ..<100_000: self = .from20000ToUnder100000
        case 100_000: self = .exactly100000
        default: self = .over100000
        }
    }

    /// The cap on directors (理事); the gap at exactly 100,000 takes the stricter middle tier.
    public var cap: Int {
        switch self {
        case .under20000: 150
        case .from20000ToUnder100000, .exactly100000: 180
        case .over100000: 200
        }
    }
}
