import Foundation
import Testing

/// The bundled society with its services, through the real binary: import, summary, segments, export.
struct SegmentCommandTests {
    @Test func fixturesImportServicesAndListSegmentsAsJSON() throws {
        let scratch = try Scratch()
        _ = try FixtureImportTests.importAll(into: scratch)
        let services = FixtureImportTests.fixtures.appendingPathComponent("services.csv").path
        let imported = try scratch.json(["import", "services", services, "--db", scratch.db])
        #expect(imported["read"] as? Int == 603 && imported["inserted"] as? Int == 603 && imported["rejected"] as? Int == 0)
        let again = try scratch.json(["import", "services", services, "--db", scratch.db])
        #expect(again["unchanged"] as? Int == 603 && again["inserted"] as? Int == 0)

        let summary = try scratch.json(["services", "--db", scratch.db])
        #expect(summary["total"] as? Int == 603)

        let outcome = try scratch.run(["segments", "--on", "2019-12-31", "--format", "json", "--db", scratch.db])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        let names = list.compactMap { $0["name"] as? String }
        #expect(names == ["young", "women", "grassroots", "foreign", "students", "senior_and_fellows",
                          "new_unserved", "active", "dormant", "unit_recruitment"])
        for entry in list {
            let count = try #require(entry["count"] as? Int)
            #expect(entry["description"] is String)
            #expect(count >= 0 && count <= (entry["population_count"] as? Int ?? -1))
        }
        // 258 members in good standing at the end of 2019 (fixtures/README.md).
        #expect(list[0]["population_count"] as? Int == 258)
        let active = try #require(list.first { $0["name"] as? String == "active" }?["count"] as? Int)
        #expect(active > 0)

        let out = scratch.path("young.csv")
        let export = try scratch.run(["segments", "export", "young", "--out", out, "--on", "2019-12-31", "--db", scratch.db])
        #expect(export.status == 0, "\(export.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: data, as: UTF8.self).range(of: #"\d{17}[\dX]"#, options: .regularExpression) == nil)
    }

    @Test func aBadRuleFileFailsWithItsFileAndLine() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        try "[segment mine]\nsalary > 10\n".write(toFile: scratch.path("mine.rules"), atomically: true, encoding: .utf8)
        let outcome = try scratch.run(["segments", "--rules", scratch.path("mine.rules"), "--db", scratch.db])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("mine.rules:2: unknown field 'salary'"))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
    }
}
