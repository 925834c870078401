import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

struct BoardCapTests {
    @Test(arguments: [
        (0, 150), (19_999, 150), (20_000, 180), (99_999, 180), (100_000, 180), (100_001, 200), (2_000_000, 200),
    ])
    func tierCapFollowsTheTable(members: Int, cap: Int) {
        let board = BoardCap(year: 2019, members: members)
        #expect(board.tierCap == cap)
        #expect(board.effectiveCap == cap)
    }

    @Test func exactlyOneHundredThousandTakesTheMiddleTierWithANote() {
        let board = BoardCap(year: 2019, members: 100_000)
        #expect(board.tier == .exactly100000)
        #expect(board.tierCap == 180)
        #expect(board.notes.first?(.en).contains("covers neither") == true)
        #expect(board.notes.first?(.zh).contains("中间档") == true)
        #expect(!BoardCap(year: 2019, members: 99_999).notes.contains { $0.en.contains("covers neither") })
        #expect(!BoardCap(year: 2019, members: 100_001).notes.contains { $0.en.contains("covers neither") })
    }

    @Test func previousBoardBelowItsCapBecomesTheCap() {
        let board = BoardCap(year: 2019, members: 50_000, previousBoardSize: 160)
        #expect(board.tierCap == 180)
        #expect(board.effectiveCap == 160)
        #expect(board.notes.contains { $0.en.contains("should not exceed the previous") })
    }

    @Test func previousBoardAtOrAboveTheCapLeavesTheTierCap() {
        #expect(BoardCap(year: 2019, members: 50_000, previousBoardSize: 180).effectiveCap == 180)
        let shrinking = BoardCap(year: 2019, members: 50_000, previousBoardSize: 190)
        #expect(shrinking.effectiveCap == 180)
        #expect(shrinking.notes.contains { $0.en.contains("must shrink") })
    }

    @Test func eligibleWithSeatsConfiguredShowsThoseSeats() {
        let growth = RelaxationEligibility(year: 2018, startCount: 40_000, endCount: 52_001)
        let board = BoardCap(year: 2019, members: 52_001, relaxation: growth, relaxedCapSetting: .seats(200))
        #expect(board.relaxationEligible)
        #expect(board.relaxedCap == 200)
        #expect(board.effectiveCap == 180)
    }

    @Test func eligibleWithPercentConfiguredRoundsDown() {
        let growth = RelaxationEligibility(year: 2018, startCount: 40_000, endCount: 60_000)
        let tenPercent = BoardCap(year: 2019, members: 60_000, relaxation: growth,
                                  relaxedCapSetting: .percentOverCap(Percent(10)))
        #expect(tenPercent.relaxedCap == 198)
        // 180 × 1.125 = 202.5 → 202.
        let decimal = BoardCap(year: 2019, members: 60_000, relaxation: growth,
                               relaxedCapSetting: .percentOverCap(Percent(basisPoints: 1250)))
        #expect(decimal.relaxedCap == 202)
        // Relaxation applies to the effective cap: 160 × 1.1 = 176.
        let previous = BoardCap(year: 2019, members: 60_000, previousBoardSize: 160, relaxation: growth,
                                relaxedCapSetting: .percentOverCap(Percent(10)))
        #expect(previous.relaxedCap == 176)
    }

    @Test func eligibleButNotConfiguredInventsNothing() {
        let growth = RelaxationEligibility(year: 2018, startCount: 40_000, endCount: 60_000)
        let board = BoardCap(year: 2019, members: 60_000, relaxation: growth)
        #expect(board.relaxationEligible)
        #expect(board.relaxedCap == nil)
        #expect(board.notes.contains { $0.en.contains("No relaxed cap is configured") })
    }

    @Test func notEligibleIgnoresTheConfiguredRelaxation() {
        let growth = RelaxationEligibility(year: 2018, startCount: 40_000, endCount: 52_000) // exactly 30%
        let board = BoardCap(year: 2019, members: 52_000, relaxation: growth, relaxedCapSetting: .seats(220))
        #expect(!board.relaxationEligible)
        #expect(board.relaxedCap == nil)
    }

    @Test func undefinedGrowthIsNotEligible() {
        let growth = RelaxationEligibility(year: 2018, startCount: 0, endCount: 5_000)
        let board = BoardCap(year: 2019, members: 5_000, relaxation: growth, relaxedCapSetting: .seats(170))
        #expect(!board.relaxationEligible)
        #expect(board.relaxedCap == nil)
        #expect(board.notes.contains { $0.en.contains("undefined") })
    }
}

struct GrassrootsShareTests {
    @Test func threeQuartersOfDirectorsExactlyIsMet() {
        #expect(GrassrootsShare(body: .directors, grassroots: 135, total: 180).outcome == .met)
        #expect(GrassrootsShare(body: .directors, grassroots: 134, total: 180).outcome == .notMet)
        // 3/4 of 150 is 112.5: 113 are needed.
        #expect(GrassrootsShare(body: .directors, grassroots: 112, total: 150).outcome == .notMet)
        #expect(GrassrootsShare(body: .directors, grassroots: 113, total: 150).outcome == .met)
        #expect(GrassrootsShare(body: .directors, grassroots: 112, total: 150).reason(.en).contains("at least 113"))
    }

    @Test func twoThirdsOfStandingDirectorsExactlyIsMet() {
        #expect(GrassrootsShare(body: .standingDirectors, grassroots: 40, total: 60).outcome == .met)
        #expect(GrassrootsShare(body: .standingDirectors, grassroots: 39, total: 60).outcome == .notMet)
        // 2/3 of 50 is 33.33…: 34 are needed; 33 shows as 66.00% and is short.
        let short = GrassrootsShare(body: .standingDirectors, grassroots: 33, total: 50)
        #expect(short.outcome == .notMet)
        #expect(short.reason(.zh).contains("应不少于34名"))
    }

    @Test func emptyBodyIsNotApplicable() {
        let empty = GrassrootsShare(body: .standingDirectors, grassroots: 0, total: 0)
        #expect(empty.outcome == .notApplicable)
        #expect(empty.share == nil)
        #expect(empty.reason(.zh).hasPrefix("不适用"))
    }
}
