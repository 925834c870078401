import Foundation
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

struct GrowthReportTests {
    private func object(_ report: GrowthReport) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
    }

    @Test func jsonHasExactlyTheDesignKeys() throws {
        let report = GrowthReport(year: 2018, startCount: 100_000, endCount: 114_999,
                                  goal: GrowthGoal.workPoints2018.evaluate(baseCount: 100_000, count: 114_999))
        let json = try object(report)
        #expect(Set(json.keys) == ["year", "start_count", "end_count", "growth_percent", "goal", "relaxation"])
        #expect(json["year"] as? Int == 2018)
        #expect(json["start_count"] as? Int == 100_000)
        #expect(json["end_count"] as? Int == 114_999)
        // 14.999% rounds to 15.00 for display, and the goal is still not met.
        #expect(json["growth_percent"] as? Double == 15)
        let goal = try #require(json["goal"] as? [String: Any])
        #expect(Set(goal.keys) == ["base_year", "base_count", "target_percent", "target_count", "met"])
        #expect(goal["met"] as? Bool == false)
        #expect(goal["target_count"] as? Int == 115_000)
        let relaxation = try #require(json["relaxation"] as? [String: Any])
        #expect(Set(relaxation.keys) == ["threshold_percent", "eligible"])
        #expect(relaxation["threshold_percent"] as? Double == 30)
        #expect(relaxation["eligible"] as? Bool == false)
    }

    @Test func zeroBaseGivesNulls() throws {
        let goal = GrowthGoal(baseYear: 2018, targetYear: 2019, rate: Percent(basisPoints: 1250))
        let report = GrowthReport(year: 2019, startCount: 0, endCount: 120, goal: goal.evaluate(baseCount: 0, count: 120))
        let json = try object(report)
        #expect(json["growth_percent"] is NSNull)
        let goalJSON = try #require(json["goal"] as? [String: Any])
        #expect(goalJSON["met"] is NSNull)
        #expect(goalJSON["target_count"] is NSNull)
        #expect(goalJSON["target_percent"] as? Double == 12.5)
        #expect((json["relaxation"] as? [String: Any])?["eligible"] is NSNull)
        #expect(report.table(.en).contains("undefined"))
        #expect(report.table(.zh).contains("无法计算"))
    }

    @Test func tableSpeaksBothLanguages() {
        let report = GrowthReport(year: 2018, startCount: 10_000, endCount: 13_001,
                                  goal: GrowthGoal.workPoints2018.evaluate(baseCount: 10_000, count: 13_001))
        let zh = report.table(.zh)
        #expect(zh.contains("增长率%") && zh.contains("30.01") && zh.contains("可适当放宽"))
        let en = report.table(.en)
        #expect(en.contains("Growth %") && en.contains("Goal met") && en.contains("Eligible for a relaxed board cap"))
    }
}

struct BoardCapRenderingTests {
    @Test func jsonMatchesTheDesignShape() throws {
        let growth = RelaxationEligibility(year: 2018, startCount: 70_000, endCount: 100_000)
        let cap = BoardCap(year: 2019, members: 100_000, relaxation: growth)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(cap.json(.zh).utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["year", "members", "tier_cap", "effective_cap", "relaxation_eligible", "relaxed_cap", "notes"])
        #expect(json["tier_cap"] as? Int == 180)
        #expect(json["effective_cap"] as? Int == 180)
        #expect(json["relaxation_eligible"] as? Bool == true)
        #expect(json["relaxed_cap"] is NSNull)
        let notes = try #require(json["notes"] as? [String])
        #expect(notes.first?.contains("中间档") == true)
    }

    @Test func tableListsNotesInTheLanguage() {
        let cap = BoardCap(year: 2019, members: 30_000, previousBoardSize: 120)
        #expect(cap.table(.en).contains("Effective cap"))
        #expect(cap.table(.zh).contains("原则上不超过上一届"))
    }
}
