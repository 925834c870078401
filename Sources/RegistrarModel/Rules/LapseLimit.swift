/// `--max-lapse`: how many current memberships one run may end, as a share of them (a snapshot
/// import ending those absent from the roster, `registration lapse` ending the unregistered). The one
/// test both refusals make, and the setting each suggests, in exact integer arithmetic.
public struct LapseLimit: Sendable, Equatable {
    /// The limit, in hundredths of a percent (10% is 1000).
    public let basisPoints: Int

    public init(basisPoints: Int) { self.basisPoints = basisPoints }

    /// Whether ending `ended` of `current` memberships goes over the limit: ended / current > limit,
    /// that is ended × 10000 > basisPoints × current. Ending none is never over.
    public func isExceeded(ending ended: Int, of current: Int) -> Bool {
        ended * 10_000 > basisPoints * current
    }

    /// The smallest whole percentage that allows ending `ended` of `current`: ⌈ended × 100 ÷ current⌉,
    /// since p allows it exactly when ended × 10000 ≤ p × 100 × current.
    public static func smallestPercentAllowing(ending ended: Int, of current: Int) -> Int {
        guard current > 0 else { return 0 }
        return (ended * 100 + current - 1) / current
    }

    /// "10" or "12.5", as `--max-lapse` takes it.
    public var text: String { Percent(basisPoints: basisPoints).description }
}
