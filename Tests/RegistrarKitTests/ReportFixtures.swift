@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

/// Small, realistic report inputs shared by the report tests.
enum ReportFixtures {
    static func month(_ text: String) -> YearMonth {
        guard let month = YearMonth(text) else { preconditionFailure("bad month \(text) in a fixture") }
        return month
    }

    /// `count` month-end points ending at `last`, growing by `step` a month up to `endCount`.
    static func series(endingAt last: YearMonth, count: Int, endCount: Int, step: Int) -> [MonthCount] {
        (0..<count).map { offset in
            MonthCount(month: last.adding(months: offset - count + 1), endCount: endCount - step * (count - 1 - offset))
        }
    }

    /// March 2018: 100,000 members at the end of 2017, 104,000 now, growing 1,000 a month.
    static func march2018(baseCount: Int = 100_000, seriesLength: Int = 30,
                          provinces: [Breakdown.Row] = [.init(value: "北京", count: 60_000), .init(value: "Inner Mongolia", count: 44_000)]) -> MonthlyReport {
        let march = month("2018-03")
        return MonthlyReport(
            month: march, startCount: 103_000, joined: 1_200, left: 200, endCount: 104_000,
            yearAgoEndCount: 91_000,
            goal: GrowthGoal.workPoints2018.evaluate(baseCount: baseCount, count: 104_000),
            series: series(endingAt: march, count: seriesLength, endCount: 104_000, step: 1_000),
            breakdowns: [
                Breakdown(.gender, rows: [.init(key: "female", label: Text(en: "female", zh: "女"), count: 40_000),
                                          .init(key: "male", label: Text(en: "male", zh: "男"), count: 63_000),
                                          .unknown(count: 1_000)]),
                .ageBands([.upTo35: 30_000, .from36To45: 40_000, .from46To60: 30_000, .over60: 3_000, .unknown: 1_000]),
                Breakdown(.province, rows: provinces),
                .grassroots(yes: 80_000, no: 20_000, unknown: 4_000),
            ],
            units: UnitMemberFlow(startCount: 310, joined: 5, left: 2, endCount: 313))
    }
}
