extension YearMonth {
    /// The month a day falls in.
    public init(_ day: Day) {
        self.init(derivedYear: day.year, month: day.month)
    }

    public var iso: String { description }
    public var firstDay: Day { Day(derivedYear: year, month: month, day: 1) }
    public var lastDay: Day { Day(derivedYear: year, month: month, day: Day.daysIn(month: month, year: year)) }
}
