/// The number of individual members at the end of one month, a point of the report's series.
public struct MonthCount: Sendable, Hashable {
    public let month: YearMonth
    public let endCount: Int

    public init(month: YearMonth, endCount: Int) {
        self.month = month
        self.endCount = endCount
    }
}
