/// A day as the number YYYYMMDD: it orders as the stored `YYYY-MM-DD` text does, so comparing two
/// compares the text as SQL would, without making a `String` for each of millions of rows.
package struct DayNumber: Comparable, Sendable {
    package let value: Int32

    package init(value: Int32) { self.value = value }

    package init(_ day: Day) { value = Int32(day.year * 10_000 + day.month * 100 + day.day) }

    package static func < (lhs: DayNumber, rhs: DayNumber) -> Bool { lhs.value < rhs.value }
}
