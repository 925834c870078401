/// An exact percentage, such as a society's goal of 15% or 12.5%, held in hundredths of a percent.
///
/// Settings are written by people as whole or decimal percents; holding them as an integer
/// number of basis points keeps every comparison that uses them exact.
public struct Percent: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The percentage in hundredths of a percent: 15% is 1500, 12.5% is 1250.
    public let basisPoints: Int

    public init(basisPoints: Int) {
        self.basisPoints = basisPoints
    }

    /// A whole percentage: `Percent(15)` is 15%.
    public init(_ wholePercent: Int) {
        self.basisPoints = wholePercent * 100
    }

    /// Reads a setting written as `15`, `12.5`, `12.50`, `-3` or `15%`; nil for anything else,
    /// including more than two decimals, which a basis-point setting cannot hold exactly.
    public init?(_ text: String) {
        var digits = Substring(text.trimmingSpaces)
        if digits.hasSuffix("%") { digits = digits.dropLast() }
        var negative = false
        if let sign = digits.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
              let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit),
              whole.count <= 12
        else { return nil }
        var fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= 2, fraction.allSatisfy(\.isASCIIDigit),
              parts.count == 1 || !fraction.isEmpty
        else { return nil }
        while fraction.count < 2 { fraction.append("0") }
        guard let wholeValue = Int(whole), let fractionValue = Int(fraction) else { return nil }
        let magnitude = wholeValue * 100 + fractionValue
        self.basisPoints = negative ? -magnitude : magnitude
    }

    /// The percentage as people write it, without trailing zeros: `15`, `12.5`, `0.25`.
    public var description: String {
        let sign = basisPoints < 0 ? "-" : ""
        let whole = basisPoints.magnitude / 100
        let hundredths = basisPoints.magnitude % 100
        if hundredths == 0 { return "\(sign)\(whole)" }
        if hundredths % 10 == 0 { return "\(sign)\(whole).\(hundredths / 10)" }
        return "\(sign)\(whole).\(hundredths < 10 ? "0" : "")\(hundredths)"
    }

    /// The percentage as a JSON number; built only for output, never compared.
    public var jsonNumber: Double {
        Double(basisPoints) / 100
    }

    public static func < (lhs: Percent, rhs: Percent) -> Bool {
        lhs.basisPoints < rhs.basisPoints
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return self[first...last]
    }
}
