import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

struct GrowthGoalTests {
    let goal = GrowthGoal.workPoints2018

    @Test func fifteenPercentExactlyMeetsTheGoal() {
        let verdict = goal.evaluate(baseCount: 100_000, count: 115_000)
        #expect(verdict.outcome == .met)
        #expect(verdict.met == true)
        #expect(verdict.shortfall == 0)
        #expect(verdict.reason(.en).hasPrefix("Goal met"))
        #expect(verdict.reason(.zh).hasPrefix("已达标"))
    }

    @Test func oneMemberShortIsNotMetEvenThoughItShowsAsFifteen() {
        let verdict = goal.evaluate(baseCount: 100_000, count: 114_999)
        #expect(verdict.growth.percent?.text == "15.00")
        #expect(verdict.outcome == .notMet)
        #expect(verdict.met == false)
        #expect(verdict.shortfall == 1)
        #expect(verdict.reason(.en).contains("1 short of the 115,000"))
        #expect(verdict.reason(.zh).contains("还差1人"))
    }

    @Test func justUnderFifteenPercentIsNotMet() {
        // 14.99% growth.
        #expect(goal.evaluate(baseCount: 10_000, count: 11_499).outcome == .notMet)
        #expect(goal.evaluate(baseCount: 10_000, count: 11_500).outcome == .met)
    }

    @Test func targetCountIsTheSmallestCountThatMeetsTheGoal() throws {
        for base in [1, 3, 7, 19, 99, 100, 101, 12_345, 100_000, 99_999] {
            let target = try #require(goal.targetCount(baseCount: base))
            #expect(goal.evaluate(baseCount: base, count: target).met == true)
            #expect(goal.evaluate(baseCount: base, count: target - 1).met == false)
        }
        #expect(goal.targetCount(baseCount: 100_000) == 115_000)
        #expect(goal.targetCount(baseCount: 7) == 9) // 8.05 rounds up
    }

    @Test func decimalRateIsHeldExactly() throws {
        let goal = GrowthGoal(baseYear: 2020, targetYear: 2021, rate: try #require(Percent("12.5")))
        #expect(goal.targetCount(baseCount: 1000) == 1125)
        #expect(goal.evaluate(baseCount: 1000, count: 1125).met == true)
        #expect(goal.evaluate(baseCount: 1000, count: 1124).met == false)
        #expect(goal.targetCount(baseCount: 3) == 4) // 3.375 rounds up
    }

    @Test func zeroBaseIsUndefinedWithoutDividing() {
        let verdict = goal.evaluate(baseCount: 0, count: 500)
        #expect(verdict.outcome == .undefined)
        #expect(verdict.met == nil)
        #expect(verdict.targetCount == nil)
        #expect(verdict.growth.percent == nil)
        #expect(verdict.reason(.en).contains("undefined"))
        #expect(verdict.reason(.zh).contains("无法计算"))
        #expect(!verdict.reason(.en).contains("inf") && !verdict.reason(.en).contains("nan"))
    }

    @Test func shrinkingSocietyIsNotMetAndShowsNegativeGrowth() {
        let verdict = goal.evaluate(baseCount: 10_000, count: 9_675)
        #expect(verdict.outcome == .notMet)
        #expect(verdict.growth.change == -325)
        #expect(verdict.growth.percent?.text == "-3.25")
        #expect(verdict.shortfall == 1_825)
    }
}

struct RelaxationEligibilityTests {
    @Test func exactlyThirtyPercentIsNotEligible() {
        let verdict = RelaxationEligibility(year: 2018, startCount: 10_000, endCount: 13_000)
        #expect(verdict.eligible == false)
        #expect(verdict.growth.percent?.text == "30.00")
        #expect(verdict.reason(.en).hasPrefix("Not eligible"))
        #expect(verdict.reason(.zh).contains("未超过30%"))
    }

    @Test func justOverThirtyPercentIsEligible() {
        #expect(RelaxationEligibility(year: 2018, startCount: 10_000, endCount: 13_001).eligible == true)
        // 30.001% still shows as 30.00 but is over the line.
        let tiny = RelaxationEligibility(year: 2018, startCount: 100_000, endCount: 130_001)
        #expect(tiny.eligible == true)
        #expect(tiny.growth.percent?.text == "30.00")
        #expect(tiny.reason(.zh).hasPrefix("可适当放宽"))
    }

    @Test func configuredThresholdIsUsed() {
        let verdict = RelaxationEligibility(year: 2018, startCount: 1000, endCount: 1251, threshold: Percent(25))
        #expect(verdict.eligible == true)
        #expect(RelaxationEligibility(year: 2018, startCount: 1000, endCount: 1250, threshold: Percent(25)).eligible == false)
    }

    @Test func zeroBaseIsUndefined() {
        let verdict = RelaxationEligibility(year: 2018, startCount: 0, endCount: 100)
        #expect(verdict.eligible == nil)
        #expect(verdict.reason(.en).contains("end of 2017"))
    }

    @Test func negativeGrowthIsNotEligible() {
        let verdict = RelaxationEligibility(year: 2018, startCount: 1000, endCount: 900)
        #expect(verdict.eligible == false)
        #expect(verdict.reason(.en).contains("-10.00%"))
    }
}
