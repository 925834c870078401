import Foundation
import Testing
import RegistrarModel
import RegistrarStore
@testable import RegistrarWeb

/// The dashboard's figures computed ahead of the pages (`DashboardCache.keepFresh`): ready without a
/// page asking, computed again after a commit, and then the very figures `dashboard(today:)` gives.
struct DashboardFreshTests {
    /// Waits up to 20 s for `condition`; false if it never held.
    func eventually(_ condition: () throws -> Bool) rethrows -> Bool {
        for _ in 0..<2000 {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return false
    }

    @Test func figuresAreKeptWithoutAPageAndFollowACommit() throws {
        let harness = try WebHarness()
        let today = try #require(Day(year: 2019, month: 6, day: 30))
        let cache = try DashboardCache(path: harness.path, journal: harness.web.auditJournal)
        defer { cache.stop(waiting: true) }
        #expect(try !cache.isFresh(today: today))
        cache.keepFresh(every: 0.01, today: { today })
        #expect(try eventually { try cache.isFresh(today: today) })

        // A commit from another connection: the growth goal moves from 15% to 40%.
        _ = try harness.registry.setSetting(.goal, to: "40")
        #expect(try eventually { try cache.isFresh(today: today) })
        let kept = try cache.dashboard(today: today)
        let computed = try harness.registry.dashboard(today: today)
        #expect(kept.goal == computed.goal)
        #expect(kept.goal.goal.rate == computed.goal.goal.rate)
        #expect(kept.count == computed.count)
        #expect(kept.series == computed.series)
    }

    @Test func aStoppedCacheComputesOnlyWhenAsked() throws {
        let harness = try WebHarness()
        let today = try #require(Day(year: 2019, month: 6, day: 30))
        let cache = try DashboardCache(path: harness.path, journal: harness.web.auditJournal)
        cache.keepFresh(every: 0.01, today: { today })
        #expect(try eventually { try cache.isFresh(today: today) })
        cache.stop(waiting: true)
        _ = try harness.registry.setSetting(.goal, to: "40")
        #expect(try !cache.isFresh(today: today))
        _ = try cache.dashboard(today: today)
        #expect(try cache.isFresh(today: today))
    }
}
