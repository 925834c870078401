import GRDB
import Testing
@testable import RegistrarKit

/// The counting rule's SQL and Swift forms (`Standing`) agree, member by member, on boundary days.
struct StandingTests {
    /// Periods that start or end on the days below, or straddle them, including open ones and leap days.
    static let periods: [(start: String, end: String?)] = [
        ("2020-02-29", nil), ("2020-02-28", "2020-02-29"), ("2020-02-29", "2020-03-01"), ("2019-03-01", "2020-02-29"),
        ("2016-02-29", "2016-03-01"), ("2016-01-01", "2016-02-29"), ("2018-12-31", nil), ("2015-01-01", "2018-12-31"),
        ("2019-01-01", "2019-01-01"), ("2019-01-31", "2019-02-01"), ("2024-02-29", nil), ("2017-06-15", "2019-04-01"),
    ]
    static let days = ["2016-02-28", "2016-02-29", "2016-03-01", "2018-12-30", "2018-12-31", "2019-01-01", "2019-01-31",
                       "2019-02-01", "2019-02-28", "2019-03-01", "2019-03-31", "2019-04-01", "2020-02-28", "2020-02-29",
                       "2020-03-01", "2024-02-29", "2024-03-01"]

    @Test func theSQLConditionAndTheSwiftTestAgreeOnEveryBoundaryDay() throws {
        let store = try TemporaryRegistry()
        for (index, period) in Self.periods.enumerated() {
            try store.addMember("S\(index)", from: period.start, until: period.end)
        }
        for iso in Self.days {
            let day = try #require(Day(iso: iso))
            let bySQL = try store.registry.read { db in
                try Set(String.fetchAll(db, sql: """
                    SELECT m.member_no FROM membership_period p JOIN member m ON m.id = p.member_id
                    WHERE \(Standing.onRollSQL(period: "p", on: "?1"))
                    """, arguments: [day.iso]))
            }
            let bySwift = Set(Self.periods.enumerated().compactMap { index, period -> String? in
                let start = DayNumber(Day(iso: period.start)!)
                let end = period.end.map { DayNumber(Day(iso: $0)!) }
                return Standing.isOnRoll(start: start, end: end, on: DayNumber(day)) ? "S\(index)" : nil
            })
            #expect(bySQL == bySwift, "on \(iso)")
            #expect(try store.registry.count(on: day).individual == bySwift.count, "on \(iso)")
        }
    }

    @Test func aPeriodStartingOnDCountsOnDAndOneEndingOnDDoesNot() {
        let day = DayNumber(Day(iso: "2020-02-29")!)
        #expect(Standing.isOnRoll(start: day, end: nil, on: day))
        #expect(!Standing.isOnRoll(start: DayNumber(Day(iso: "2020-02-28")!), end: day, on: day))
        #expect(Standing.isOnRoll(start: DayNumber(Day(iso: "2020-02-28")!), end: DayNumber(Day(iso: "2020-03-01")!), on: day))
        #expect(!Standing.isOnRoll(start: DayNumber(Day(iso: "2020-03-01")!), end: nil, on: day))
    }

    @Test func theMonthEndFormAgreesWithTheDayFormAtEveryMonthEnd() throws {
        for period in Self.periods {
            let start = Day(iso: period.start)!, end = period.end.flatMap { Day(iso: $0) }
            let counted = Standing.monthEnds(startMonth: start.year * 12 + start.month - 1,
                                             endMonth: end.map { $0.year * 12 + $0.month - 1 })
            for month in (2015 * 12)..<(2025 * 12) {
                let last = YearMonth(year: month / 12, month: month % 12 + 1)!.lastDay
                let byDay = Standing.isOnRoll(start: DayNumber(start), end: end.map(DayNumber.init), on: DayNumber(last))
                let byMonth = month >= counted.first && counted.pastLast.map { month < $0 } ?? true
                #expect(byDay == byMonth, "\(period) at the end of \(last.iso)")
            }
        }
    }
}
