import GRDB
import RegistrarModel
import RegistrarInput

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
        let yearAgo = day.adding(months: -12)
        let firstOfNinety = day.adding(days: -89)
        self.day = DayNumber(day)
        self.yearAgo = DayNumber(yearAgo)
        self.firstOfNinety = DayNumber(firstOfNinety)
        arguments = [day, yearAgo, firstOfNinety].map(\.iso.databaseValue)
    }
}
