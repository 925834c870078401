import Foundation
import Testing
import RegistrarKit

/// What a new user trips on (issue 17): a mistyped command, a date typed as rosters write it, a
/// format the command does not offer, all answered in the user's language.
struct NewUserMistakeTests {
    static func hasEnglishWords(_ text: String) -> Bool {
        // Latin words of three letters or more, leaving out commands, flags, values and placeholders.
        let allowed: Set<String> = ["registrar", "help", "lang", "reprot", "report", "monthly", "montly", "format", "html",
                                    "table", "json", "month", "out", "db", "csv", "sqlite", "init", "demo", "import", "member",
                                    "count", "growth", "board", "branches", "integrity", "services", "segments", "settings",
                                    "audit", "units", "members", "registration", "backup", "check", "serve", "users"]
        var words: [String] = []
        var word = ""
        var inQuote = false
        for character in text {
            if character == "'" { inQuote.toggle(); word = ""; continue }
            if character.isASCII && character.isLetter { word.append(character); continue }
            if !inQuote, word.count >= 3, !allowed.contains(word.lowercased()) { words.append(word) }
            word = ""
        }
        return !words.isEmpty
    }

    @Test func aMistypedCommandGetsTheCommandItMeantAndTheList() throws {
        let scratch = try Scratch()
        let english = try scratch.run(["reprot", "monthly"], environment: ["COLUMNS": "80"])
        #expect(english.status == 2)
        #expect(english.stderr.hasPrefix("Error: unknown command 'reprot'; did you mean 'report'?\n"), "\(english.stderr)")
        #expect(english.stderr.contains("\n  report  ") && english.stderr.contains("\n  segments  "))
        #expect(english.stderr.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 80 })

        for (arguments, environment) in [(["reprot", "monthly", "--lang", "zh"], [String: String]()),
                                         (["reprot", "monthly"], ["REGISTRAR_LANG": "zh"])] {
            let chinese = try scratch.run(arguments, environment: environment.merging(["COLUMNS": "80"]) { $1 })
            #expect(chinese.status == 2)
            #expect(chinese.stderr.hasPrefix("错误：没有 'reprot' 这个命令；您要输入的是不是 'report'？\n"), "\(chinese.stderr)")
            #expect(chinese.stderr.contains("统计某日的个人会员和单位会员数"))
            #expect(!chinese.stderr.contains("--lang'"), "blames the flag: \(chinese.stderr)")
            #expect(!Self.hasEnglishWords(chinese.stderr), "\(chinese.stderr)")
        }

        let nested = try scratch.run(["report", "montly", "--month", "2018-12"])
        #expect(nested.status == 2)
        #expect(nested.stderr.hasPrefix("Error: unknown command 'report montly'; did you mean 'report monthly'?\n"))
        #expect(nested.stderr.contains("  annual "))
        let segments = try scratch.run(["segments", "exprot", "young", "--out", "x.csv"])
        #expect(segments.status == 2 && segments.stderr.contains("did you mean 'segments export'?"), "\(segments.stderr)")
        let nothingClose = try scratch.run(["frobnicate"])
        #expect(nothingClose.status == 2 && nothingClose.stderr.hasPrefix("Error: unknown command 'frobnicate'\n"))
    }

    @Test func argumentMistakesLeakNoEnglishUnderLangZh() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        let month = try scratch.run(["report", "monthly", "--month", "2018/13", "--db", scratch.db, "--lang", "zh"])
        #expect(month.status == 2)
        let first = String(month.stderr.split(separator: "\n").first ?? "")
        #expect(first.hasPrefix("错误：值 '2018/13' 不适用于 '--month <month>'：") && first.contains("YYYY年M月"), "\(first)")
        #expect(!Self.hasEnglishWords(first.replacingOccurrences(of: "YYYY", with: "")), "\(first)")

        let board = try scratch.run(["board", "check", "--format", "html", "--db", scratch.db, "--lang", "zh"])
        #expect(board.status == 2)
        let boardLine = String(board.stderr.split(separator: "\n").first ?? "")
        #expect(boardLine == "错误：值 'html' 不适用于 '--format <format>'；可选值：'table'、'json'", "\(boardLine)")

        let out = scratch.path("no-such-folder/report.html")
        let missing = try scratch.run(["report", "monthly", "--month", "2018-12", "--format", "html", "--out", out,
                                       "--db", scratch.db, "--lang", "zh"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("文件夹 \(scratch.path("no-such-folder")) 不存在"), "\(missing.stderr)")
        #expect(!Self.hasEnglishWords(missing.stderr.replacingOccurrences(of: out, with: "")
            .replacingOccurrences(of: scratch.path("no-such-folder"), with: "")), "\(missing.stderr)")
        let english = try scratch.run(["report", "monthly", "--month", "2018-12", "--out", out, "--db", scratch.db])
        #expect(english.stderr.contains("the folder \(scratch.path("no-such-folder")) does not exist"), "\(english.stderr)")
    }

    @Test func theAuditLogSpeaksChineseUnderLangZhAndKeepsItsCodesForScripts() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db, "--society", "测试学会"])
        let roster = scratch.path("roster.csv")
        try Data("会员编号,姓名,入会日期\nM1,张三,2018-01-05\n".utf8).write(to: URL(fileURLWithPath: roster))
        #expect(try scratch.run(["import", "members", roster, "--as-of", "2018-12-31", "--db", scratch.db]).status == 0)
        #expect(try scratch.run(["member", "show", "M1", "--db", scratch.db]).status == 0)
        let table = try scratch.run(["audit", "--db", scratch.db, "--lang", "zh"], environment: ["COLUMNS": "400"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("初始化") && table.stdout.contains("导入") && table.stdout.contains("查看会员"))
        #expect(table.stdout.contains("读取 1") && table.stdout.contains("新增 1") && table.stdout.contains("截至 2018-12-31"))
        // A member's changed columns are named as the Chinese roster headers name them.
        try Data("会员编号,姓名,手机,入会日期\nM1,张三,13800000000,2018-01-05\n".utf8).write(to: URL(fileURLWithPath: roster))
        #expect(try scratch.run(["import", "members", roster, "--as-of", "2018-12-31", "--db", scratch.db]).status == 0)
        let changed = try scratch.run(["audit", "--db", scratch.db, "--lang", "zh"], environment: ["COLUMNS": "400"])
        #expect(changed.stdout.contains("会员信息修改") && changed.stdout.contains("：手机"), "\(changed.stdout)")
        for english in [" import ", "member.show", "inserted", "unchanged", "batch", "as of", "query:"] {
            #expect(!table.stdout.contains(english), "\(english) in \(table.stdout)")
        }
        let json = try scratch.run(["audit", "--db", scratch.db, "--lang", "zh", "--format", "json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(entries.contains { $0["action"] as? String == "import" && ($0["detail"] as? String)?.contains("inserted 1") == true })
    }

    @Test func dayFlagsTakeTheFormsRostersTakeAndNameThemWhenRefused() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        let roster = scratch.path("roster.csv")
        try Data("会员编号,姓名,入会日期\nM1,张三,2018-01-05\nM2,李四,2018-12-31\n".utf8).write(to: URL(fileURLWithPath: roster))
        #expect(try scratch.run(["import", "members", roster, "--as-of", "2018年12月31日", "--db", scratch.db]).status == 0)
        for form in ["2018-12-31", "2018/12/31", "20181231", "2018年12月31日", "2018.12.31", "２０１８－１２－３１"] {
            let count = try scratch.json(["count", "--as-of", form, "--db", scratch.db])
            #expect(count["as_of"] as? String == "2018-12-31", "\(form)")
            #expect(count["individual"] as? Int == 2, "\(form)")
        }
        #expect(try scratch.json(["count", "--as-of", "2018/12/30", "--db", scratch.db])["individual"] as? Int == 1)
        #expect(try scratch.run(["segments", "--on", "2018/12/31", "--db", scratch.db]).status == 0)
        #expect(try scratch.run(["audit", "--since", "20000101", "--db", scratch.db]).status == 0)
        #expect(try scratch.run(["services", "--from", "2018/1/1", "--to", "2018年12月31日", "--db", scratch.db]).status == 0)

        for (flag, value, command) in [("--as-of", "1899-12-31", ["count"]), ("--as-of", "2018-13-01", ["count"]),
                                       ("--on", "0018-12-31", ["integrity", "check", "M1"]), ("--since", "2018-12", ["audit"]),
                                       ("--on", "18/12/31", ["branches"]), ("--from", "yesterday", ["services"])] {
            let refused = try scratch.run(command + [flag, value, "--db", scratch.db])
            #expect(refused.status == 2, "\(flag) \(value)")
            let line = String(refused.stderr.split(separator: "\n").first ?? "")
            #expect(line.hasPrefix("Error: The value '\(value)' is invalid for '\(flag) <"), "\(line)")
            #expect(line.contains("not a day from 1900 to 9999; use YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYYMMDD or YYYY年M月D日"), "\(line)")
            let chinese = try scratch.run(command + [flag, value, "--db", scratch.db, "--lang", "zh"])
            #expect(chinese.stderr.hasPrefix("错误：值 '\(value)' 不适用于 '\(flag) <"), "\(chinese.stderr)")
            #expect(chinese.stderr.contains("不是 1900 至 9999 年间的日期"))
        }
        // The month takes the month forms.
        for form in ["2018-12", "2018/12", "2018年12月"] {
            let report = try scratch.json(["report", "monthly", "--month", form, "--db", scratch.db])
            #expect(report["month"] as? String == "2018-12", "\(form)")
        }
    }

    /// Every command's help lists the formats it offers, and exactly those are accepted: a refused
    /// one exits 2 before the command runs, an accepted one gets as far as the missing registry.
    @Test func eachCommandListsAndAcceptsOnlyItsOwnFormats() throws {
        let scratch = try Scratch()
        let commands: [[String]] = [
            ["init"], ["demo"], ["import", "members", "x.csv"], ["import", "units", "x.csv"], ["import", "branches", "x.csv"],
            ["member", "show", "M1"], ["count"], ["growth"], ["report", "monthly"], ["report", "annual", "--year", "2018"],
            ["board", "caps"], ["board", "check"], ["branches"], ["integrity", "lookup", "M1"], ["integrity", "check", "M1"],
            ["integrity", "history", "C1"], ["services"], ["segments"], ["segments", "export", "young", "--out", "x.csv"],
            ["segments", "list"], ["settings"], ["audit"],
        ]
        let expected: [String: [String]] = [
            "init": ["table"], "demo": ["table"], "count": ["table", "csv", "json"], "report monthly": ["table", "csv", "json", "html"],
            "report annual": ["table", "md", "json", "html"], "board check": ["table", "json"], "segments": ["table", "csv", "json"],
        ]
        for command in commands {
            let words = command.prefix { !$0.hasPrefix("-") && !$0.contains(".") && $0 != "M1" && $0 != "C1" && $0 != "young" }
            // A group's page is its own; its default subcommand's page lists the options.
            let page = ["segments": ["segments", "list"], "settings": ["settings", "show"]][words.joined(separator: " ")] ?? Array(words)
            let help = try scratch.run(page + ["--help"])
            let line = try #require(help.stdout.split(separator: "\n").first { $0.contains("(values: ") && $0.contains("default: table") }
                ?? help.stdout.split(separator: "\n").first { $0.hasPrefix("  --format") }, "\(command)")
            let listed = String(line[line.range(of: "(values: ")!.upperBound...].prefix { $0 != ";" })
                .components(separatedBy: ", ")
            if let want = expected[words.joined(separator: " ")] { #expect(listed == want, "\(command)") }
            for format in ["table", "csv", "json", "html", "md"] {
                let fixtures = command == ["demo"] ? ["--fixtures", scratch.path("none")] : []
                let outcome = try scratch.run(command + ["--format", format, "--db", scratch.path("none.sqlite")] + fixtures)
                #expect((outcome.status != 2) == listed.contains(format), "\(command) --format \(format): \(outcome.stderr)")
                if outcome.status == 2 {
                    #expect(outcome.stderr.hasPrefix("Error: The value '\(format)' is invalid for '--format <format>'. Please provide one of"),
                            "\(outcome.stderr)")
                }
            }
        }
    }
}
