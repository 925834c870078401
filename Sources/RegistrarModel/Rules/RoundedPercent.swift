/// A percentage rounded half away from zero to two decimals, for display only.
///
/// It is built from integers alone, so "15.00" is exactly what the integers round to; a
/// verdict must never be taken from it (14.999% shows as "15.00" and does not meet 15%).
public struct RoundedPercent: Sendable, Hashable, CustomStringConvertible {
    /// The rounded value in hundredths of a percent: 15.00% is 1500.
    public let hundredths: Int

    public init(hundredths: Int) {
        self.hundredths = hundredths
    }

    /// `numerator / denominator` expressed as a percentage and rounded to two decimals.
    public init(ratioOf numerator: Int, to denominator: Int) {
        precondition(denominator != 0, "a percentage of zero is undefined; check the base first")
        self.hundredths = ExactArithmetic.roundHalfAwayFromZero(10_000 * numerator, by: denominator)
    }

    /// Two decimals always, a minus sign only when the rounded value is below zero: "15.00", "-3.25".
    public var text: String {
        NumberText.twoDecimals(hundredths: hundredths)
    }

    public var description: String { text }

    /// The rounded value as a JSON number, made from the rounded integer and used only for output.
    public var jsonNumber: Double {
        Double(hundredths) / 100
    }
}
