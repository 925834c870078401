import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

struct MonthlyFlowsTests {
    @Test func everyMonthEndCountEqualsTheCountOnThatDay() throws {
        let store = try TemporaryRegistry()
        // Periods starting and ending on month boundaries, inside and outside the range.
        let periods: [(String, String?)] = [
            ("2014-05-10", nil), ("2016-01-01", "2016-01-31"), ("2016-01-31", nil), ("2016-02-29", "2017-03-01"),
            ("2016-12-31", "2016-12-31"), ("2017-06-15", "2018-06-30"), ("2018-12-31", nil), ("2019-01-01", "2019-01-02"),
            ("2015-03-03", "2016-07-31"), ("2020-01-01", nil),
        ]
        for (index, period) in periods.enumerated() {
            try store.addMember("P\(index)", from: period.0, until: period.1)
        }
        let range = YearMonth(year: 2015, month: 6)!...YearMonth(year: 2019, month: 12)!
        let flows = try store.registry.monthlyFlows(range)
        #expect(flows.count == 55)
        for flow in flows {
            #expect(flow.endCount == (try store.registry.count(on: flow.month.lastDay).individual), "\(flow.month)")
        }
        let january2016 = try #require(flows.first { $0.month == YearMonth(year: 2016, month: 1)! })
        #expect(january2016.joined == 2 && january2016.left == 1)
    }
}
