/// A day as the number YYYYMMDD: it orders as the stored `YYYY-MM-DD` text does, so comparing two
/// compares the text as SQL would, without making a `String` for each of millions of rows.
struct DayNumber: Comparable, Sendable {
    let value: Int32

    init(value: Int32) { self.value = value }

    init(_ day: Day) { value = Int32(day.year * 10_000 + day.month * 100 + day.day) }

    static func < (lhs: DayNumber, rhs: DayNumber) -> Bool { lhs.value < rhs.value }
}
