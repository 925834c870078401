import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

struct YearMonthTests {
    @Test func readsAndWritesYYYYMM() {
        #expect(YearMonth("2018-03")?.description == "2018-03")
        #expect(YearMonth("2018-12")?.month == 12)
        #expect(YearMonth("2018-13") == nil)
        #expect(YearMonth("2018-00") == nil)
        #expect(YearMonth("2018-3") == nil)
        #expect(YearMonth("201803") == nil)
    }

    @Test func addsMonthsAcrossYears() {
        let march = ReportFixtures.month("2018-03")
        #expect(march.adding(months: -3).description == "2017-12")
        #expect(march.adding(months: 10).description == "2019-01")
        #expect(march.adding(months: -15).description == "2016-12")
        #expect(march.months(until: ReportFixtures.month("2018-12")) == 9)
        #expect(march.months(until: ReportFixtures.month("2017-12")) == -3)
    }
}

struct AgeBandTests {
    @Test func bandsIncludeTheirUpperAge() {
        #expect(AgeBand(age: 35) == .upTo35)
        #expect(AgeBand(age: 36) == .from36To45)
        #expect(AgeBand(age: 45) == .from36To45)
        #expect(AgeBand(age: 46) == .from46To60)
        #expect(AgeBand(age: 60) == .from46To60)
        #expect(AgeBand(age: 61) == .over60)
        #expect(AgeBand(age: nil) == .unknown)
    }

    @Test func ageBreakdownKeepsEveryBandInOrder() {
        let breakdown = Breakdown.ageBands([.over60: 4])
        #expect(breakdown.rows.map(\.key) == ["le35", "36-45", "46-60", "gt60", "unknown"])
        #expect(breakdown.rows.map(\.count) == [0, 0, 0, 4, 0])
        #expect(breakdown.rows[0].label(.zh) == "35岁及以下")
    }
}

struct GoalProgressTests {
    let goal = GrowthGoal.workPoints2018

    private func progress(month: String, count: Int, threeMonthsEarlier: Int?) -> GoalProgress {
        let month = ReportFixtures.month(month)
        let series = threeMonthsEarlier.map { [MonthCount(month: month.adding(months: -3), endCount: $0)] } ?? []
        return GoalProgress(goal: goal.evaluate(baseCount: 100_000, count: count), month: month,
                            endCount: count, series: series)
    }

    @Test func paceIsTheCeilingOfNeededOverMonthsLeft() {
        // 115,000 − 104,000 = 11,000 over April–December (9 months) = 1,222.2… → 1,223.
        let march = progress(month: "2018-03", count: 104_000, threeMonthsEarlier: 100_000)
        #expect(march.needed == 11_000)
        #expect(march.monthsLeft == 9)
        #expect(march.monthlyPaceNeeded == 1_223)
    }

    @Test func onPaceIsAnExactComparisonOfTheThreeMonthSum() {
        // Needed 102 over 3 months: pace 34. A 101 three-month gain averages 33.67, below 34.
        let behind = progress(month: "2018-09", count: 114_898, threeMonthsEarlier: 114_797)
        #expect(behind.monthlyPaceNeeded == 34)
        #expect(behind.lastThreeMonthsNet == 101)
        #expect(behind.onPace == false)
        #expect(behind.lastThreeMonthsAverageHundredths == 3_367)
        #expect(behind.reason(.zh).hasPrefix("进度落后"))
        let onPace = progress(month: "2018-09", count: 114_898, threeMonthsEarlier: 114_796)
        #expect(onPace.onPace == true)
        #expect(onPace.reason(.en).hasPrefix("On pace"))
    }

    @Test func monthsBeforeTheTargetYearCountToItsEnd() {
        #expect(progress(month: "2017-11", count: 100_000, threeMonthsEarlier: nil).monthsLeft == 13)
    }

    @Test func decemberOfTheTargetYearLeavesNoMonthsAndNoPace() {
        let december = progress(month: "2018-12", count: 114_000, threeMonthsEarlier: 113_000)
        #expect(december.monthsLeft == 0)
        #expect(december.monthlyPaceNeeded == nil)
        #expect(december.onPace == nil)
        #expect(december.reason(.en).contains("is over"))
        #expect(progress(month: "2019-05", count: 114_000, threeMonthsEarlier: nil).monthsLeft == 0)
    }

    @Test func reachedTargetNeedsNothing() {
        let reached = progress(month: "2018-06", count: 115_000, threeMonthsEarlier: 114_500)
        #expect(reached.needed == 0)
        #expect(reached.monthlyPaceNeeded == 0)
        #expect(reached.onPace == true)
        #expect(reached.reason(.en) == "The target is reached.")
        // Reached but shrinking: a falling average does not reach even a pace of zero.
        #expect(progress(month: "2018-06", count: 115_000, threeMonthsEarlier: 115_500).onPace == false)
        // One member lost in three months averages −0.33, still below zero (truncating would say 0).
        #expect(progress(month: "2018-06", count: 115_000, threeMonthsEarlier: 115_001).onPace == false)
    }

    @Test func missingHistoryLeavesPaceUnjudged() {
        let fresh = progress(month: "2018-03", count: 104_000, threeMonthsEarlier: nil)
        #expect(fresh.lastThreeMonthsNet == nil)
        #expect(fresh.onPace == nil)
        #expect(fresh.monthlyPaceNeeded == 1_223)
    }

    @Test func zeroBaseHasNoTarget() {
        let progress = GoalProgress(goal: goal.evaluate(baseCount: 0, count: 50), month: ReportFixtures.month("2018-03"),
                                    endCount: 50, series: [])
        #expect(progress.needed == nil)
        #expect(progress.monthlyPaceNeeded == nil)
        #expect(progress.onPace == nil)
    }
}

struct MonthlyReportModelTests {
    @Test func derivesNetMonthOnMonthAndYearOnYear() {
        let report = ReportFixtures.march2018()
        #expect(report.net == 1_000)
        #expect(report.monthOnMonth.change == 1_000)
        #expect(report.monthOnMonth.percent?.text == "0.97")
        #expect(report.yearOnYear.percent?.text == "14.29")
        // 1,000 a month against the 1,223 needed: behind.
        #expect(report.progress.lastThreeMonthsNet == 3_000)
        #expect(report.progress.onPace == false)
    }

    @Test func keepsTheMostRecent120MonthsInOrder() {
        let march = ReportFixtures.month("2018-03")
        let long = ReportFixtures.series(endingAt: march, count: 130, endCount: 104_000, step: 10)
        let report = MonthlyReport(
            month: march, startCount: 103_990, joined: 10, left: 0, endCount: 104_000, yearAgoEndCount: 0,
            goal: GrowthGoal.workPoints2018.evaluate(baseCount: 100_000, count: 104_000),
            series: long.reversed(), breakdowns: [], units: UnitMemberFlow(startCount: 0, joined: 0, left: 0, endCount: 0))
        #expect(report.series.count == 120)
        #expect(report.series.first?.month == march.adding(months: -119))
        #expect(report.series.last?.month == march)
        #expect(report.yearOnYear.percent == nil)
        #expect(report.recentSeries().count == 24)
    }
}

struct YScaleTests {
    @Test func ticksAreRoundAndEncloseEveryValue() {
        let scale = YScale(values: [100_000, 104_000, 115_000])
        #expect(scale.low <= 100_000 && scale.high >= 115_000)
        #expect(scale.step == 5_000)
        #expect(scale.ticks.allSatisfy { $0 % scale.step == 0 })
        let flat = YScale(values: [7, 7])
        #expect(flat.high > flat.low)
        #expect(YScale(values: [0, 3]).low == 0)
    }
}
