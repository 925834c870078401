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

    /// The names kept for short searches: used only while they are the registry's, read again after a
    /// commit, and the search page from them is the page the table gives.
    @Test func memberNamesAreUsedOnlyWhileTheyAreTheRegistrys() async throws {
        let harness = try WebHarness()
        let names = harness.web.memberNames
        #expect(names.fresh() == nil)
        try names.refresh()
        let snapshot = try #require(names.fresh())
        let memberNo = try #require(try harness.registry.demoMemberNumbers().first)
        let name = try harness.registry.showMember(key: memberNo, reveal: false).name
        let fragment = String(name.prefix(1))
        #expect(try harness.registry.searchMembers(fragment, offset: 0, limit: 20, names: snapshot)
                == harness.registry.searchMembers(fragment, offset: 0, limit: 20))
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("staff")
            let page = try await browser.get("/members?q=" + FormData.percentEncode(fragment))
            #expect(page.status == .ok && page.body.contains(memberNo))
        }
        _ = try harness.registry.setSetting(.goal, to: "40")
        #expect(names.fresh() == nil)
        try names.refresh()
        #expect(names.fresh() != nil)
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
