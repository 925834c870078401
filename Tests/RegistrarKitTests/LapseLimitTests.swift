import Testing
@testable import RegistrarModel

/// `--max-lapse`: the refusal's test and the setting it suggests agree exactly.
struct LapseLimitTests {
    @Test func theSuggestedPercentIsTheSmallestThatAllows() {
        for current in 1...60 {
            for ended in 0...current {
                let percent = LapseLimit.smallestPercentAllowing(ending: ended, of: current)
                #expect(!LapseLimit(basisPoints: percent * 100).isExceeded(ending: ended, of: current))
                if percent > 0 { #expect(LapseLimit(basisPoints: (percent - 1) * 100).isExceeded(ending: ended, of: current)) }
            }
        }
        #expect(LapseLimit.smallestPercentAllowing(ending: 100, of: 100) == 100)
        #expect(LapseLimit.smallestPercentAllowing(ending: 1, of: 3) == 34)
        #expect(LapseLimit(basisPoints: 1250).text == "12.5")
    }

    @Test func endingNoneIsNeverOver() {
        #expect(!LapseLimit(basisPoints: 0).isExceeded(ending: 0, of: 0))
        #expect(!LapseLimit(basisPoints: 0).isExceeded(ending: 0, of: 10))
        #expect(LapseLimit(basisPoints: 0).isExceeded(ending: 1, of: 10))
    }
}
