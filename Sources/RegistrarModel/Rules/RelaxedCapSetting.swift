/// How a society has chosen to relax its board cap when growth makes it eligible (G2).
///
/// The text's "可适当放宽" sets no amount, so a relaxed cap exists only when configured.
public enum RelaxedCapSetting: Sendable, Hashable {
    /// The relaxed cap itself, as a number of director seats.
    case seats(Int)
    /// A percentage over the effective cap, rounded down to whole seats.
    case percentOverCap(Percent)

    /// The relaxed cap this setting gives over `cap` seats.
    public func relaxedCap(over cap: Int) -> Int {
        switch self {
        case .seats(let seats):
            seats
        case .percentOverCap(let percent):
            ExactArithmetic.floorDivide(cap * (10_000 + percent.basisPoints), by: 10_000)
        }
    }
}
