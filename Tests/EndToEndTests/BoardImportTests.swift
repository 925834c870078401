import Foundation
import Testing

/// The board and branch importers' refusals, dry runs and the annual report's other formats.
struct BoardImportTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
        _ = try FixtureImportTests.importAll(into: scratch)
    }

    func file(_ text: String, _ name: String) throws -> String {
        let path = scratch.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func rejects(_ kind: String, _ path: String) throws -> (summary: [String: Any], rows: [String]) {
        let rejectsPath = scratch.path("\(kind).rejects.csv")
        let summary = try scratch.json(["import", kind, path, "--db", scratch.db, "--rejects", rejectsPath])
        let text = (try? String(contentsOfFile: rejectsPath, encoding: .utf8)) ?? ""
        return (summary, text.split(separator: "\r\n").dropFirst().map(String.init))
    }

    @Test func boardSeatRowsThatContradictTheRegistryAreRejected() throws {
        let seats = try file("""
            届次,届期开始,届期结束,会员编号,常务理事,职务,基层一线,专职
            9,2024-06-15,2029-06-14,M100142,是,理事长,否,否
            9,2024-07-01,2029-06-14,M100175,否,,是,否
            9,2024-06-15,2029-06-14,M999999,否,,是,否
            9,2024-06-15,2029-06-14,M100142,否,,是,否

            """, "seats.csv")
        let (summary, rows) = try rejects("board-seats", seats)
        #expect(summary["inserted"] as? Int == 1)
        #expect(summary["rejected"] as? Int == 3)
        #expect(rows.count == 3)
        #expect(rows[0].hasPrefix("3,"))  // term start disagrees with the term already recorded
        #expect(rows[1].hasPrefix("4,") && rows[1].contains("M999999"))
        #expect(rows[2].hasPrefix("5,"))  // the same director twice in a term
    }

    @Test func attendanceMustNameADirectorOfTheTermOnADateInsideIt() throws {
        let seats = try file("届次,届期开始,届期结束,会员编号,常务理事,职务,基层一线,专职\n9,2024-06-15,2029-06-14,M100142,是,理事长,否,否\n", "seats.csv")
        _ = try rejects("board-seats", seats)
        let attendance = try file("""
            届次,会议日期,会议类型,会员编号,出席情况
            9,2025-03-01,理事会,M100142,出席
            9,2025-03-01,理事会,M100175,出席
            9,2030-01-01,理事会,M100142,缺席
            12,2025-03-01,理事会,M100142,出席

            """, "attendance.csv")
        let (summary, rows) = try rejects("board-attendance", attendance)
        #expect(summary["inserted"] as? Int == 1)
        #expect(summary["rejected"] as? Int == 3)
        #expect(rows.map { String($0.prefix(2)) } == ["3,", "4,", "5,"])
    }

    @Test func dryRunsOfBoardAndBranchFilesChangeNothing() throws {
        for (kind, name) in [("board-seats", "board/board-seats.csv"), ("branches", "branches.csv")] {
            let outcome = try scratch.run(["import", kind, FixtureImportTests.fixtures.appendingPathComponent(name).path,
                                           "--dry-run", "--format", "json", "--db", scratch.db])
            #expect(outcome.status == 0 && outcome.stdout.contains("\"dry_run\" : true"))
        }
        let check = try scratch.run(["board", "check", "--db", scratch.db])
        #expect(check.status == 1, "no term was recorded by the dry run: \(check.stderr)")
        let branches = try scratch.json(["import", "branches", FixtureImportTests.fixtures.appendingPathComponent("branches.csv").path,
                                         "--db", scratch.db])
        #expect(branches["inserted"] as? Int == 7)
    }

    @Test func theAnnualReportInMarkdownAndHTMLNamesNoOneAndLoadsNothing() throws {
        let md = try scratch.run(["report", "annual", "--year", "2019", "--format", "md", "--lang", "zh", "--db", scratch.db])
        #expect(md.status == 0 && md.stdout.contains("学会年报") && md.stdout.contains("| ---"))
        let html = scratch.path("annual.html")
        let outcome = try scratch.run(["report", "annual", "--year", "2019", "--format", "html", "--out", html, "--db", scratch.db])
        #expect(outcome.status == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("258"))
        #expect(!page.contains("<script") && !page.contains("<link") && !page.contains("src=") && !page.contains("url("))
        for name in ["程红悦", "刘磊", "吴晓飞"] { #expect(!page.contains(name) && !md.stdout.contains(name)) }
    }
}
