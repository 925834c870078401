import GRDB
import GRDBSQLite

/// The days every segment condition is relative to: D, D one year earlier (the same calendar day,
/// 29 February → 28 February) and D minus 89 days (the first of the 90 days ending on D).
///
/// SQL binds them as ?1, ?2 and ?3; the native evaluators compare them as `DayNumber`s. Computing both
/// here keeps the two definitions of a segment on the same days.
struct SegmentDays: Sendable {
    let day: DayNumber
    let yearAgo: DayNumber
    let firstOfNinety: DayNumber
    /// The same three days as the SQL parameters ?1, ?2 and ?3.
    let arguments: [DatabaseValue]

    init(_ day: Day) {
        let yearAgo = Day(year: day.year - 1, month: day.month, day: min(day.day, Day.daysIn(month: day.month, year: day.year - 1)))!
        let firstOfNinety = day.adding(days: -89)
        self.day = DayNumber(day)
        self.yearAgo = DayNumber(yearAgo)
        self.firstOfNinety = DayNumber(firstOfNinety)
        arguments = [day, yearAgo, firstOfNinety].map(\.iso.databaseValue)
    }
}

/// A day as the number YYYYMMDD: it orders as the stored `YYYY-MM-DD` text does, so comparing two
/// compares the text as SQL would, without making a `String` for each of millions of rows.
struct DayNumber: Comparable, Sendable {
    let value: Int32

    init(value: Int32) { self.value = value }

    init(_ day: Day) { value = Int32(day.year * 10_000 + day.month * 100 + day.day) }

    static func < (lhs: DayNumber, rhs: DayNumber) -> Bool { lhs.value < rhs.value }
}

extension FastStatement {
    /// A `YYYY-MM-DD` column as a `DayNumber`, read from its bytes; nil when NULL or shorter.
    func dayNumber(_ column: Int32) -> DayNumber? {
        guard let p = sqlite3_column_text(handle, column), sqlite3_column_bytes(handle, column) >= 10 else { return nil }
        func digit(_ i: Int) -> Int32 { Int32(p[i]) - 48 }
        return DayNumber(value: digit(0) * 10_000_000 + digit(1) * 1_000_000 + digit(2) * 100_000 + digit(3) * 10_000
                         + digit(5) * 1000 + digit(6) * 100 + digit(8) * 10 + digit(9))
    }
}
