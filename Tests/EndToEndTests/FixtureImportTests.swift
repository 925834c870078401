import Foundation
import Testing

/// The bundled society, imported through the real binary, must give the counts its generator
/// computed independently (fixtures/expected.json).
struct FixtureImportTests {
    static let fixtures = repositoryRoot.appendingPathComponent("fixtures")

    static func expected() throws -> [String: Any] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("expected.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Imports every roster in order, as fixtures/README.md says, returning each import's JSON.
    static func importAll(into scratch: Scratch) throws -> [[String: Any]] {
        try scratch.run(["init", "--db", scratch.db])
        var results = [try scratch.json(["import", "units", fixtures.appendingPathComponent("units.csv").path,
                                         "--as-of", "2019-12-31", "--db", scratch.db])]
        for year in 2015...2019 {
            results.append(try scratch.json([
                "import", "members", fixtures.appendingPathComponent("members-\(year)-12-31.csv").path,
                "--snapshot", "--as-of", "\(year)-12-31", "--db", scratch.db,
                "--rejects", scratch.path("rejects-\(year).csv"),
            ]))
        }
        return results
    }

    @Test func yearEndCountsAreThoseTheGeneratorComputed() throws {
        let scratch = try Scratch()
        let results = try Self.importAll(into: scratch)
        let expected = try Self.expected()
        let individual = try #require(expected["individual"] as? [String: Int])
        let unit = try #require(expected["unit"] as? [String: Int])
        for year in 2015...2019 {
            let count = try scratch.json(["count", "--as-of", "\(year)-12-31", "--db", scratch.db])
            #expect(count["individual"] as? Int == individual["\(year)-12-31"], "individual members at the end of \(year)")
            #expect(count["unit"] as? Int == unit["\(year)-12-31"], "unit members at the end of \(year)")
        }
        #expect(results[5]["rejected"] as? Int == 2)
        #expect(results[4]["encoding"] as? String == "gb18030")
        let rejects = try String(contentsOfFile: scratch.path("rejects-2019.csv"), encoding: .utf8)
        #expect(rejects.contains("\r\n99,") && rejects.contains("\r\n190,"))
    }

    @Test func reimportingEveryRosterChangesNothing() throws {
        let scratch = try Scratch()
        _ = try Self.importAll(into: scratch)
        let again = try scratch.json([
            "import", "members", Self.fixtures.appendingPathComponent("members-2019-12-31.csv").path,
            "--snapshot", "--as-of", "2019-12-31", "--db", scratch.db, "--rejects", scratch.path("again.csv"),
        ])
        #expect(again["inserted"] as? Int == 0)
        #expect(again["updated"] as? Int == 0)
        #expect(again["lapsed"] as? Int == 0)
        #expect(again["unchanged"] as? Int == 294)
    }

    @Test func growthAndBoardCapsFollowTheRulesOnTheFixtures() throws {
        let scratch = try Scratch()
        _ = try Self.importAll(into: scratch)
        let growth = try scratch.json(["growth", "--year", "2018", "--db", scratch.db])
        #expect(growth["start_count"] as? Int == 190)
        #expect(growth["end_count"] as? Int == 229)
        #expect(growth["growth_percent"] as? Double == 20.53)
        let goal = try #require(growth["goal"] as? [String: Any])
        #expect(goal["base_count"] as? Int == 190)
        #expect(goal["target_count"] as? Int == 219)
        #expect(goal["met"] as? Bool == true)
        let relaxation = try #require(growth["relaxation"] as? [String: Any])
        #expect(relaxation["eligible"] as? Bool == false)

        let caps = try scratch.json(["board", "caps", "--year", "2019", "--previous-size", "120", "--db", scratch.db])
        #expect(caps["members"] as? Int == 229)
        #expect(caps["tier_cap"] as? Int == 150)
        #expect(caps["effective_cap"] as? Int == 120)
        #expect(caps["relaxation_eligible"] as? Bool == false)
        #expect(caps["relaxed_cap"] is NSNull)
    }

    @Test func theMonthlyReportAgreesWithTheCountsAndWritesAnOfflineHTMLPage() throws {
        let scratch = try Scratch()
        _ = try Self.importAll(into: scratch)
        let report = try scratch.json(["report", "monthly", "--month", "2018-12", "--months", "120", "--db", scratch.db])
        #expect(report["month"] as? String == "2018-12")
        #expect(report["end_count"] as? Int == 229)
        let start = try #require(report["start_count"] as? Int), joined = try #require(report["joined"] as? Int)
        let left = try #require(report["left"] as? Int)
        #expect(start + joined - left == 229)
        #expect(report["yoy_percent"] as? Double == 20.53)
        let series = try #require(report["series"] as? [[String: Any]])
        let months = Dictionary(uniqueKeysWithValues: series.map { ($0["month"] as! String, $0["end_count"] as! Int) })
        #expect(months["2015-12"] == 150 && months["2016-12"] == 168 && months["2017-12"] == 190)

        let html = scratch.path("report.html")
        let outcome = try scratch.run(["report", "monthly", "--month", "2018-12", "--format", "html", "--out", html,
                                       "--lang", "zh", "--db", scratch.db])
        #expect(outcome.status == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("会员月度报告"))
        // Nothing is loaded from elsewhere: no scripts, no links, no remote sources (the SVG namespace URI is a name, not a load).
        #expect(!page.contains("<script") && !page.contains("<link") && !page.contains("src=") && !page.contains("url(") && !page.contains("@import"))
    }
}

struct IntegrityCommandTests {
    @Test func checkExitsThreeWhenBlockedAndZeroWhenClear() throws {
        let scratch = try Scratch()
        _ = try FixtureImportTests.importAll(into: scratch)
        let imported = try scratch.json(["import", "integrity", FixtureImportTests.fixtures.appendingPathComponent("integrity.csv").path,
                                         "--as-of", "2019-12-31", "--db", scratch.db])
        #expect(imported["inserted"] as? Int == 8 && imported["rejected"] as? Int == 0)
        let blocked = try scratch.run(["integrity", "check", "M100192", "--on", "2019-01-01", "--db", scratch.db, "--format", "json"])
        #expect(blocked.status == 3)
        let verdict = try #require(try JSONSerialization.jsonObject(with: Data(blocked.stdout.utf8)) as? [String: Any])
        #expect(verdict["clear"] as? Bool == false)
        #expect((verdict["blocking"] as? [[String: Any]])?.first?["case_no"] as? String == "XH-CX-2018-006")
        let clear = try scratch.run(["integrity", "check", "M100192", "--on", "2022-01-01", "--db", scratch.db])
        #expect(clear.status == 0 && clear.stdout.contains("CLEAR"))
        let lookup = try scratch.run(["integrity", "lookup", "13010219740709909x", "--db", scratch.db, "--lang", "zh"])
        #expect(lookup.stdout.contains("130102********909X") && lookup.stdout.contains("评审造假"))
        #expect(!lookup.stdout.contains("13010219740709909"))
        let nobody = try scratch.run(["integrity", "lookup", "无此人", "--db", scratch.db])
        #expect(nobody.status == 1 && nobody.stderr.contains("not the same as a member with no cases"))
    }
}
