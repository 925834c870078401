import Testing
@testable import RegistrarKit

/// R1 as pure functions: the cells registrations are read from, and good standing on boundary days.
struct RegistrationValuesTests {
    let asOf = Day(iso: "2019-12-31")!

    @Test func rosterCellsReadAsYearsYesOrNothing() {
        #expect(RegistrationValues.rosterYears("2018", asOf: asOf) == [2018])
        #expect(RegistrationValues.rosterYears("2017,2018", asOf: asOf) == [2017, 2018])
        #expect(RegistrationValues.rosterYears("2017、2018", asOf: asOf) == [2017, 2018])
        #expect(RegistrationValues.rosterYears("2018年", asOf: asOf) == [2018])
        for yes in ["是", "已注册", "注册", "yes", "Y", "1"] { #expect(RegistrationValues.rosterYears(yes, asOf: asOf) == [2019], "\(yes)") }
        for no in ["否", "未注册", "no", ""] { #expect(RegistrationValues.rosterYears(no, asOf: asOf) == [], "\(no)") }
        for bad in ["18", "2018-01", "maybe", "2018,abc", "1899"] { #expect(RegistrationValues.rosterYears(bad, asOf: asOf) == nil, "\(bad)") }
    }

    @Test func amountsAreWholeFenFromYuanWithAtMostTwoDecimals() {
        #expect(RegistrationValues.fen("200") == 20_000)
        #expect(RegistrationValues.fen("150.5") == 15_050)
        #expect(RegistrationValues.fen("150.50") == 15_050)
        #expect(RegistrationValues.fen("0.01") == 1)
        #expect(RegistrationValues.fen("1,280.00") == 128_000)
        #expect(RegistrationValues.fen("¥200") == 20_000)
        #expect(RegistrationValues.fen("200元") == 20_000)
        for bad in ["-5", "1.234", "abc", "", ".5", "1e3"] { #expect(RegistrationValues.fen(bad) == nil, "\(bad)") }
    }
}

struct GoodStandingRuleTests {
    static func standing(_ iso: String, rule: RegistrationRule, registered: Set<Int>) -> Bool {
        Standing.isInGoodStanding(onRoll: true, on: Day(iso: iso)!, rule: rule) { year in
            Standing.isRegistered(for: year, rule: rule, recorded: registered.contains(year), joined: false)
        }
    }

    @Test func aRegistrationFor2018CoversThrough31March2019WithThreeGraceMonths() {
        let rule = RegistrationRule(requiredFrom: 2018, graceMonths: 3)
        #expect(Self.standing("2019-03-31", rule: rule, registered: [2018]))
        #expect(!Self.standing("2019-04-01", rule: rule, registered: [2018]))
        #expect(Self.standing("2019-04-01", rule: rule, registered: [2018, 2019]))
    }

    @Test func withNoGraceTheRegistrationEndsWithItsYear() {
        let rule = RegistrationRule(requiredFrom: 2018, graceMonths: 0)
        #expect(Self.standing("2018-12-31", rule: rule, registered: [2018]))
        #expect(!Self.standing("2019-01-01", rule: rule, registered: [2018]))
    }

    @Test func yearsBeforeRegistrationWasRequiredCountAsRegistered() {
        let rule = RegistrationRule(requiredFrom: 2019, graceMonths: 3)
        #expect(Self.standing("2018-06-30", rule: rule, registered: []))
        #expect(Self.standing("2019-03-31", rule: rule, registered: []))
        #expect(!Self.standing("2019-04-01", rule: rule, registered: []))
        #expect(Self.standing("2030-04-01", rule: RegistrationRule(), registered: []))
    }

    @Test func offTheRollIsNeverInGoodStanding() {
        #expect(!Standing.isInGoodStanding(onRoll: false, on: Day(iso: "2019-01-01")!, rule: RegistrationRule()) { _ in true })
    }

    @Test func theMonthEndFormAgreesWithTheDayFormInEveryMonth() {
        for grace in [0, 3, 11] {
            let rule = RegistrationRule(requiredFrom: 2018, graceMonths: grace)
            for registered in [Set<Int>(), [2017], [2018], [2019], [2018, 2019]] {
                for year in 2017...2020 {
                    let months = Standing.goodStandingMonths(of: year, rule: rule) { y in
                        Standing.isRegistered(for: y, rule: rule, recorded: registered.contains(y), joined: false)
                    }
                    for month in 1...12 {
                        let last = YearMonth(year: year, month: month)!.lastDay
                        #expect(months.contains(month) == Self.standing(last.iso, rule: rule, registered: registered),
                                "grace \(grace), registered \(registered), \(last.iso)")
                    }
                }
            }
        }
    }
}
