import Foundation
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

/// The dashboard's one pass over the periods gives what `monthlyFlows` and `count` give apart, and
/// its renewals due are the renewal list's length.
struct DashboardPassTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures")

    @Test func onePassGivesTheFlowsAndTheCountTheCommandsGive() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registrar-dash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry = try Demo.load(path: folder.appendingPathComponent("r.sqlite").path, fixtures: Self.fixtures.path,
                                     rejectsFolder: folder.path).0
        // Days around the demo's month ends, a period's first and last day, and far from any.
        let days = ["2016-12-31", "2017-01-01", "2018-06-15", "2018-12-31", "2019-01-01", "2019-11-30", "2019-12-31",
                    "2020-02-29", "2026-12-01"].compactMap(Day.init(iso:))
        let boundaries = try registry.read { db in
            try String.fetchAll(db, sql: "SELECT start_date FROM membership_period UNION SELECT end_date FROM membership_period WHERE end_date IS NOT NULL LIMIT 40")
        }.compactMap(Day.init(iso:))
        for day in days + boundaries {
            let month = YearMonth(day)
            let range = month.adding(months: -30)...month
            let both = try #require(try registry.read { db in try Registry.monthlyFlowsAndCount(db, range, on: day) })
            #expect(both.flows == (try registry.monthlyFlows(range)), "\(day.iso)")
            #expect(both.count == (try registry.count(on: day)), "\(day.iso)")
        }
        let dashboard = try registry.dashboard(today: Day(iso: "2019-12-31")!)
        #expect(dashboard.count == (try registry.count(on: Day(iso: "2019-12-31")!)))
        #expect(dashboard.goal.baseCount == (try registry.count(on: Day(iso: "2017-12-31")!)).individual)

        // With registration required the pass steps aside, and renewals due are the list's length.
        try registry.setSetting(.registrationRequiredFrom, to: "2019")
        let day = Day(iso: "2019-12-31")!
        #expect(try registry.read { db in try Registry.monthlyFlowsAndCount(db, YearMonth(day)...YearMonth(day), on: day) } == nil)
        let required = try registry.dashboard(today: day)
        #expect(required.count == (try registry.count(on: day)))
        #expect(required.renewalsDue == (try registry.registrationDue(year: 2019, on: day)).count)
        #expect(try registry.registrationDueCount(year: 2019, on: day) == (try registry.registrationDue(year: 2019, on: day)).count)
    }
}
