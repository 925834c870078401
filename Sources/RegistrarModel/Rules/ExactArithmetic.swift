/// Integer division with the rounding each rule asks for, so no verdict ever passes through `Double`.
///
/// Swift's `/` truncates toward zero; the rules need floor, ceiling and half-away-from-zero,
/// which differ from truncation as soon as a numerator is negative (a shrinking society).
package enum ExactArithmetic {
    /// The largest integer not above `numerator / denominator`.
    package static func floorDivide(_ numerator: Int, by denominator: Int) -> Int {
        precondition(denominator != 0, "division by zero")
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        return remainder != 0 && (remainder < 0) != (denominator < 0) ? quotient - 1 : quotient
    }

    /// The smallest integer not below `numerator / denominator`.
    package static func ceilingDivide(_ numerator: Int, by denominator: Int) -> Int {
        -floorDivide(-numerator, by: denominator)
    }

    /// `numerator / denominator` rounded to the nearest integer, halves away from zero.
    package static func roundHalfAwayFromZero(_ numerator: Int, by denominator: Int) -> Int {
        precondition(denominator != 0, "division by zero")
        let negative = (numerator < 0) != (denominator < 0)
        let magnitude = (2 * numerator.magnitude + denominator.magnitude) / (2 * denominator.magnitude)
        return negative ? -Int(magnitude) : Int(magnitude)
    }
}
