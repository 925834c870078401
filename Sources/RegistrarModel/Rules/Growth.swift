/// The change in a count between two dates, with exact comparisons against a percentage.
///
/// Every rule about growth reduces to `10000 × after` against `(10000 + rate) × before`
/// in integers, so a society exactly on a threshold gets the verdict the text gives it.
public struct Growth: Sendable, Hashable {
    /// The count at the earlier date, the base of the percentage.
    public let before: Int
    /// The count at the later date.
    public let after: Int

    public init(from before: Int, to after: Int) {
        precondition(before >= 0 && after >= 0, "member counts are never negative")
        self.before = before
        self.after = after
    }

    /// The change in members, negative when the count fell.
    public var change: Int { after - before }

    /// False when the base is zero: no percentage of nothing exists, so none is computed.
    public var isDefined: Bool { before > 0 }

    /// The growth rounded to two decimals for display; nil when the base is zero.
    public var percent: RoundedPercent? {
        isDefined ? RoundedPercent(ratioOf: change, to: before) : nil
    }

    /// Whether the growth is `rate` or more ("以上" includes the number); nil when the base is zero.
    public func reaches(_ rate: Percent) -> Bool? {
        guard isDefined else { return nil }
        return 10_000 * after >= (10_000 + rate.basisPoints) * before
    }

    /// Whether the growth is strictly more than `rate` ("超" excludes the number); nil when the base is zero.
    public func exceeds(_ rate: Percent) -> Bool? {
        guard isDefined else { return nil }
        return 10_000 * after > (10_000 + rate.basisPoints) * before
    }
}
