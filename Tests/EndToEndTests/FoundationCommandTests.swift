import Foundation
import Testing
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

struct FoundationCommandTests {
    @Test func initThenCountPrintsZeroesAsJSON() throws {
        let scratch = try Scratch()
        #expect(try scratch.run(["init", "--db", scratch.db]).status == 0)
        let count = try scratch.json(["count", "--as-of", "2018-12-31", "--db", scratch.db])
        #expect(count["as_of"] as? String == "2018-12-31")
        #expect(count["individual"] as? Int == 0)
        #expect(count["unit"] as? Int == 0)
    }

    @Test func theDatabaseComesFromTheEnvironmentWhenNoFlagIsGiven() throws {
        let scratch = try Scratch()
        try scratch.run(["init"], environment: ["REGISTRAR_DB": scratch.path("env.sqlite")])
        #expect(FileManager.default.fileExists(atPath: scratch.path("env.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("registrar.sqlite")))
    }

    @Test func aMissingDatabaseIsAOneLineErrorWithStatusOne() throws {
        let scratch = try Scratch()
        let outcome = try scratch.run(["count", "--db", scratch.path("nope.sqlite")])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(outcome.stderr.contains("registrar init --db"))
    }

    @Test func aFileThatIsNotADatabaseIsRefusedUntouched() throws {
        let scratch = try Scratch()
        let file = scratch.path("roster.csv")
        try Data("会员编号,姓名\nM1,张三\n".utf8).write(to: URL(fileURLWithPath: file))
        let outcome = try scratch.run(["init", "--db", file])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("not a SQLite database"))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "会员编号,姓名\nM1,张三\n")
    }

    @Test func wrongArgumentsExitWithStatusTwo() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        #expect(try scratch.run(["count", "--as-of", "2018-13-01", "--db", scratch.db]).status == 2)
        #expect(try scratch.run(["count", "--format", "yaml", "--db", scratch.db]).status == 2)
        #expect(try scratch.run(["no-such-command"]).status == 2)
    }

    @Test func wrongArgumentsAreExplainedInChineseWithLangZh() throws {
        let scratch = try Scratch()
        let chinese = try scratch.run(["import", "members", "--lang", "zh"])
        #expect(chinese.status == 2)
        #expect(chinese.stderr.hasPrefix("错误：缺少参数 '<file>'\n"), "\(chinese.stderr)")
        #expect(chinese.stderr.contains("用法：registrar import members"))
        let english = try scratch.run(["import", "members"])
        #expect(english.status == 2 && english.stderr.hasPrefix("Error: Missing expected argument '<file>'"))
    }

    /// Every command's help in Chinese (`registrar help …` with REGISTRAR_LANG=zh, which also shows
    /// the commands that have a default subcommand): its overview and every description in Chinese,
    /// no English left of the parser's own words, and every line within an 80-column terminal.
    /// Commands are found from the pages themselves, so a new one is covered without listing it.
    @Test func everyHelpPageSpeaksChineseWithLangZh() throws {
        let scratch = try Scratch()
        func isChinese(_ text: Substring) -> Bool { text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        var pending: [[String]] = [[]]
        var pages = 0
        while let path = pending.popLast() {
            let outcome = try scratch.run(["help"] + path, environment: ["COLUMNS": "80", "REGISTRAR_LANG": "zh"])
            #expect(outcome.status == 0, "\(path): \(outcome.stderr)")
            pages += 1
            let lines = outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first.map { $0.hasPrefix("概述：") && isChinese($0.dropFirst(3)) } == true, "\(path): \(lines.first ?? "")")
            for (index, line) in lines.enumerated() {
                #expect(DisplayWidth.of(line) <= 80, "\(path): \(line)")
                for english in ["OVERVIEW", "USAGE", "OPTIONS", "ARGUMENTS", "SUBCOMMANDS", "Show help", "(default:", "(values:"] {
                    #expect(!line.contains(english), "\(path): \(line)")
                }
                // An option's, argument's or subcommand's own line: its description, from column 26, is Chinese.
                let characters = Array(line)
                if line.hasPrefix("  "), characters.count > 26, characters[2] != " ", characters[25] == " ", characters[26] != " " {
                    #expect(isChinese(line.dropFirst(26)), "\(path): \(line)")
                } else if line.hasPrefix("  -") || line.hasPrefix("  <") {
                    // A label too long for its column: the description follows on the next line.
                    let next = index + 1 < lines.count ? lines[index + 1] : ""
                    #expect(next.hasPrefix(String(repeating: " ", count: 26)) && isChinese(next), "\(path): \(line) has no description")
                }
            }
            // The subcommands listed, to visit in turn.
            if let title = lines.firstIndex(of: "子命令：") {
                for line in lines[(title + 1)...].prefix(while: { !$0.isEmpty }) where line.hasPrefix("  ") && !line.hasPrefix("   ") {
                    pending.append(path + [String(line.dropFirst(2).prefix { $0 != " " && $0 != "（" })])
                }
            }
        }
        #expect(pages >= 36, "\(pages) pages")
        // `--help --lang zh` gives the same page.
        let members = try scratch.run(["import", "members", "--help", "--lang", "zh"], environment: ["COLUMNS": "80"])
        #expect(members.stdout.hasPrefix("概述：导入个人会员名册。\n"))
        let viaHelp = try scratch.run(["help", "import", "members", "--lang", "zh"], environment: ["COLUMNS": "80"])
        #expect(viaHelp.status == 0 && viaHelp.stdout == members.stdout, "\(viaHelp.stderr)")
        // English stays the parser's own page.
        let english = try scratch.run(["import", "members", "--help"])
        #expect(english.stdout.hasPrefix("OVERVIEW: Import the individual-member roster (个人会员)."))
        #expect(english.stdout.contains("Show help information."))
    }

    @Test func errorsSpeakChineseWithLangZh() throws {
        let scratch = try Scratch()
        let outcome = try scratch.run(["count", "--db", scratch.path("nope.sqlite"), "--lang", "zh"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("没有 registrar 数据库"))
    }

    /// A registry the first release made: ordinary commands refuse it and say how to upgrade; `init`
    /// upgrades it, says so, and the audit log names the migrations applied.
    @Test func initUpgradesARegistryFromTheFirstReleaseAndSaysSo() throws {
        let scratch = try Scratch()
        let v1 = repositoryRoot.appendingPathComponent("Sources/RegistrarStore/Store/Migrations/v1-schema.sql").path
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["sqlite3", scratch.db, ".read \(v1)",
                            "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)",
                            "INSERT INTO grdb_migrations VALUES ('v1-schema')"]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)

        let refused = try scratch.run(["count", "--db", scratch.db])
        #expect(refused.status == 1 && refused.stderr.contains("registrar init --db"))
        let upgraded = try scratch.run(["init", "--db", scratch.db])
        #expect(upgraded.status == 0)
        #expect(upgraded.stderr.contains("upgraded to the current release (v2-enumeration-checks, v3-identity-index, v4-registration, v5-web-users, v6-registration-speed, v7-web-search, v8-period-span-columns, v9-name-index-without-sizes)"))
        let audit = try scratch.run(["audit", "--db", scratch.db, "--format", "json"])
        #expect(audit.stdout.contains("migrations applied: v2-enumeration-checks, v3-identity-index, v4-registration, v5-web-users, v6-registration-speed, v7-web-search, v8-period-span-columns, v9-name-index-without-sizes"))
        #expect(try scratch.run(["count", "--db", scratch.db]).status == 0)
        let again = try scratch.run(["init", "--db", scratch.db])
        #expect(again.stderr.contains("registry ready at"))
    }

    @Test func theAuditLogRecordsInitAndIsReadableAsJSON() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db, "--society", "中国测试学会"])
        let outcome = try scratch.run(["audit", "--db", scratch.db, "--format", "json"])
        let entries = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]]
        #expect(entries?.first?["action"] as? String == "init")
    }
}
