/// A calendar month such as `2018-03`, the unit of the monthly report.
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    /// 1 for January through 12 for December.
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// Reads `YYYY-MM`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
              let year = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        self.init(year: year, month: month)
    }

    /// `YYYY-MM`, zero-padded.
    public var description: String {
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
            + (month < 10 ? "-0" : "-") + String(month)
    }

    /// The month `count` months later (earlier when negative).
    public func adding(months count: Int) -> YearMonth {
        let index = year * 12 + (month - 1) + count
        return YearMonth(uncheckedYear: ExactArithmetic.floorDivide(index, by: 12),
                         month: index - 12 * ExactArithmetic.floorDivide(index, by: 12) + 1)
    }

    /// Months from this month to `other`: positive when `other` is later.
    public func months(until other: YearMonth) -> Int {
        (other.year * 12 + other.month) - (year * 12 + month)
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    /// A month whose parts are known to be one (from a `Day`, or arithmetic on another month).
    package init(derivedYear year: Int, month: Int) {
        self.init(uncheckedYear: year, month: month)
    }

    private init(uncheckedYear year: Int, month: Int) {
        self.year = year
        self.month = month
    }
}
