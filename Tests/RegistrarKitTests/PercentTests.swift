import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

struct PercentTests {
    @Test func readsWholeAndDecimalSettingsExactly() {
        #expect(Percent("15")?.basisPoints == 1500)
        #expect(Percent("12.5")?.basisPoints == 1250)
        #expect(Percent("12.50")?.basisPoints == 1250)
        #expect(Percent("0.25")?.basisPoints == 25)
        #expect(Percent(" 30% ")?.basisPoints == 3000)
        #expect(Percent("-3")?.basisPoints == -300)
    }

    @Test func refusesWhatBasisPointsCannotHold() {
        #expect(Percent("12.345") == nil)
        #expect(Percent("abc") == nil)
        #expect(Percent("") == nil)
        #expect(Percent("12.") == nil)
        #expect(Percent(".5") == nil)
        #expect(Percent("1.2.3") == nil)
    }

    @Test func printsAsPeopleWriteIt() {
        #expect(Percent(15).description == "15")
        #expect(Percent(basisPoints: 1250).description == "12.5")
        #expect(Percent(basisPoints: 1205).description == "12.05")
        #expect(Percent(basisPoints: -50).description == "-0.5")
        #expect(Percent(basisPoints: 1250).jsonNumber == 12.5)
    }
}

struct RoundedPercentTests {
    @Test func roundsHalfUpToTwoDecimals() {
        // 1/8 = 12.5% exactly; 1/3 = 33.333…%; 2/3 = 66.666…%.
        #expect(RoundedPercent(ratioOf: 1, to: 8).text == "12.50")
        #expect(RoundedPercent(ratioOf: 1, to: 3).text == "33.33")
        #expect(RoundedPercent(ratioOf: 2, to: 3).text == "66.67")
        // 1/20000 = 0.005% is a half: it rounds up to 0.01.
        #expect(RoundedPercent(ratioOf: 1, to: 20_000).text == "0.01")
        #expect(RoundedPercent(ratioOf: 1, to: 20_001).text == "0.00")
    }

    @Test func roundsNegativeHalvesAwayFromZero() {
        #expect(RoundedPercent(ratioOf: -1, to: 20_000).text == "-0.01")
        #expect(RoundedPercent(ratioOf: -1, to: 20_001).text == "0.00")
        #expect(RoundedPercent(ratioOf: -13, to: 400).text == "-3.25")
        #expect(RoundedPercent(ratioOf: -13, to: 400).jsonNumber == -3.25)
    }

    @Test func jsonNumberComesFromTheRoundedHundredths() {
        #expect(RoundedPercent(ratioOf: 14_999, to: 100_000).jsonNumber == 15.0)
        #expect(RoundedPercent(hundredths: 1499).jsonNumber == 14.99)
    }
}

struct ExactArithmeticTests {
    @Test func floorAndCeilingAgreeWithMathematicsForNegatives() {
        #expect(ExactArithmetic.floorDivide(7, by: 2) == 3)
        #expect(ExactArithmetic.floorDivide(-7, by: 2) == -4)
        #expect(ExactArithmetic.ceilingDivide(7, by: 2) == 4)
        #expect(ExactArithmetic.ceilingDivide(-7, by: 2) == -3)
        #expect(ExactArithmetic.ceilingDivide(8, by: 2) == 4)
        #expect(ExactArithmetic.roundHalfAwayFromZero(5, by: 2) == 3)
        #expect(ExactArithmetic.roundHalfAwayFromZero(-5, by: 2) == -3)
    }
}

struct NumberTextTests {
    @Test func groupsDigitsInThrees() {
        #expect(NumberText.grouped(0) == "0")
        #expect(NumberText.grouped(999) == "999")
        #expect(NumberText.grouped(1000) == "1,000")
        #expect(NumberText.grouped(115_000) == "115,000")
        #expect(NumberText.grouped(-1_234_567) == "-1,234,567")
    }
}
