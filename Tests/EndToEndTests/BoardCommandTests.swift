import Foundation
import Testing

/// `board check`, `branches` and `report annual` on the fixtures, through the built binary.
struct BoardCommandTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
        _ = try FixtureImportTests.importAll(into: scratch)
        for (kind, file) in [("integrity", "integrity.csv"), ("board-seats", "board/board-seats.csv"),
                             ("board-attendance", "board/board-attendance.csv"), ("branches", "branches.csv")] {
            let summary = try scratch.json(["import", kind, FixtureImportTests.fixtures.appendingPathComponent(file).path,
                                            "--db", scratch.db, "--rejects", scratch.path("\(kind).rejects.csv")])
            #expect(summary["rejected"] as? Int == 0, "\(file) imports cleanly")
        }
    }

    @Test func boardCheckExitsThreeOnlyWhenARuleIsNotMet() throws {
        let latest = try scratch.run(["board", "check", "--db", scratch.db, "--format", "json"])
        #expect(latest.status == 3, "term 8 has a director with two unexcused absences")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(latest.stdout.utf8)) as? [String: Any])
        #expect(json["term_no"] as? Int == 8)
        let rules = try #require(json["rules"] as? [[String: Any]])
        let notMet = rules.filter { $0["verdict"] as? String == "not_met" }.compactMap { $0["rule"] as? String }
        #expect(notMet == ["absences"])

        let first = try scratch.run(["board", "check", "--term", "7", "--db", scratch.db, "--lang", "zh"])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.contains("没有上一届"))
    }

    @Test func annualReportJSONCountsIntegrityCasesAndNamesNoOne() throws {
        let outcome = try scratch.run(["report", "annual", "--year", "2019", "--db", scratch.db, "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let integrity = try #require(json["integrity"] as? [String: Any])
        // fixtures/integrity.csv: decided in 2019 are XH-CX-2019-001 (paper mill, expulsion) and
        // XH-CX-2019-003 (falsification, suspension); three cases were opened in 2019.
        #expect(integrity["decided"] as? Int == 2)
        #expect(integrity["opened"] as? Int == 3)
        #expect((integrity["by_allegation"] as? [String: Int])?["falsification"] == 1)
        #expect((integrity["by_allegation"] as? [String: Int])?["paper_mill"] == 1)
        #expect((integrity["by_sanction"] as? [String: Int])?["suspension"] == 1)
        #expect((integrity["by_sanction"] as? [String: Int])?["expulsion"] == 1)
        #expect((json["board"] as? [String: Any])?["directors"] as? Int == 36)

        let names = try String(contentsOf: FixtureImportTests.fixtures.appendingPathComponent("members-2019-12-31.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst()
            .compactMap { $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst().first }
            .map { $0.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{3000}"))) }
            .filter { $0.count >= 2 }
        #expect(names.count > 250)
        for format in ["json", "html", "md"] {
            let text = try scratch.run(["report", "annual", "--year", "2019", "--db", scratch.db, "--format", format, "--lang", "zh"]).stdout
            for name in names { #expect(!text.contains(name), "\(format) must not name \(name)") }
        }
    }

    @Test func branchesListsOnlyTheLongInactiveUndissolvedOnes() throws {
        let json = try scratch.json(["branches", "--on", "2019-12-30", "--db", scratch.db])
        let names = (json["branches"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["材料计算专业委员会", "无机非金属材料专业委员会"], "exactly 24 months quiet is not yet 'more than 24'")
    }
}
