import Foundation
import Testing
import RegistrarKit

/// The smaller things a new user trips on (issue 17).
struct NewUserSmallerTests {
    static let fixtures = repositoryRoot.appendingPathComponent("fixtures")

    @Test func theDemoSaysHowToRunTheCommandsItSuggests() throws {
        let scratch = try Scratch()
        let demo = try scratch.run(["demo", "--db", scratch.db, "--fixtures", Self.fixtures.path], environment: ["COLUMNS": "80"])
        #expect(demo.status == 0)
        let tryNext = try #require(demo.stdout.components(separatedBy: "== Try next").last)
        let suggestions = tryNext.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.contains("registrar ") }
        #expect(suggestions.count >= 5)
        #expect(suggestions.allSatisfy { $0.hasPrefix("  swift run registrar ") }, "\(suggestions)")
        #expect(tryNext.contains("cp .build/release/registrar /usr/local/bin/"))
    }

    @Test func aRefusedDemoLeavesNoWalOrShmBehind() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db, "--society", "我的学会"])
        let manager = FileManager.default
        #expect(!manager.fileExists(atPath: scratch.db + "-wal") && !manager.fileExists(atPath: scratch.db + "-shm"))
        let refused = try scratch.run(["demo", "--db", scratch.db, "--fixtures", Self.fixtures.path])
        #expect(refused.status == 1 && refused.stderr.contains("already holds a registry"), "\(refused.stderr)")
        #expect(!manager.fileExists(atPath: scratch.db + "-wal"), "a -wal was left behind")
        #expect(!manager.fileExists(atPath: scratch.db + "-shm"), "a -shm was left behind")
        #expect(try scratch.json(["count", "--db", scratch.db])["individual"] as? Int == 0)
    }

    @Test func branchesInactiveForMoreThanTheMonthsNeverShowABareLimit() throws {
        let scratch = try Scratch()
        #expect(try scratch.run(["demo", "--db", scratch.db, "--fixtures", Self.fixtures.path]).status == 0)
        #expect(try scratch.run(["import", "branches", Self.fixtures.appendingPathComponent("branches.csv").path,
                                 "--db", scratch.db]).status == 0)
        let json = try scratch.json(["branches", "--on", "2019-12-31", "--db", scratch.db])
        let branches = try #require(json["branches"] as? [[String: Any]])
        #expect(branches.count == 3)
        for branch in branches {
            let months = try #require(branch["months_since"] as? Int), days = try #require(branch["days_beyond_months"] as? Int)
            #expect(months > 24 || (months == 24 && days > 0), "\(branch)")
        }
        let table = try scratch.run(["branches", "--on", "2019-12-31", "--db", scratch.db])
        #expect(table.stdout.contains("科普工作委员会            2009-03-14  2017-12-30     24 months, 1 day\n"), "\(table.stdout)")
        #expect(table.stderr.contains("more than 24 months"))
        let zh = try scratch.run(["branches", "--on", "2019-12-31", "--db", scratch.db, "--lang", "zh"])
        #expect(zh.stdout.contains("24 个月 1 天"))
    }

    @Test func segmentsHelpShowsExport() throws {
        let scratch = try Scratch()
        for arguments in [["segments", "--help"], ["help", "segments"]] {
            let help = try scratch.run(arguments)
            #expect(help.stdout.contains("\n  export  ") || help.stdout.contains("\n  export "), "\(help.stdout)")
        }
    }

    @Test func aDryRunThatWritesARejectsFileSaysSo() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        let roster = scratch.path("roster.csv")
        try Data("会员编号,姓名,入会日期\nM1,张三,2018-01-05\nM2,李四,2018-13-05\n".utf8).write(to: URL(fileURLWithPath: roster))
        let dry = try scratch.run(["import", "members", roster, "--as-of", "2018-12-31", "--dry-run", "--db", scratch.db])
        #expect(dry.status == 0)
        #expect(dry.stderr.contains("dry run: the registry was not changed; only the rejects file below was written"), "\(dry.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.path("roster.rejects.csv")))
        #expect(try scratch.json(["count", "--as-of", "2018-12-31", "--db", scratch.db])["individual"] as? Int == 0)
        let clean = scratch.path("clean.csv")
        try Data("会员编号,姓名,入会日期\nM1,张三,2018-01-05\n".utf8).write(to: URL(fileURLWithPath: clean))
        let cleanDry = try scratch.run(["import", "members", clean, "--as-of", "2018-12-31", "--dry-run", "--db", scratch.db])
        #expect(cleanDry.stderr.contains("dry run: nothing was changed") && !cleanDry.stderr.contains("rejects file"))
    }

    /// The script needs Chromium to run, so its two fixes are checked as written: the window is as
    /// tall as the page, and a CJK font is installed when there is none.
    @Test func theRenderScriptSizesThePageAndInstallsACJKFont() throws {
        let script = try String(contentsOf: repositoryRoot.appendingPathComponent("scripts/render-annual-report.sh"), encoding: .utf8)
        #expect(!script.contains("1200,2000"))
        #expect(script.contains("--window-size=1200,\"$HEIGHT\""))
        #expect(script.contains("fc-list :lang=zh") && script.contains("apt-get install -y fonts-noto-cjk"))
    }
}
