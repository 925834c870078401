import Foundation
import Testing
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

/// What a new user meets in the outputs (issue 17): the import order, Excel's damage to identity
/// numbers, numbers that stay numbers, and the monthly and annual reports.
struct NewUserOutputTests {
    static let fixtures = repositoryRoot.appendingPathComponent("fixtures")

    @Test func membersImportedBeforeUnitsAreToldToImportTheUnitsFirst() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        let members = Self.fixtures.appendingPathComponent("members-2015-12-31.csv").path
        let rejects = scratch.path("rejects.csv")
        let outcome = try scratch.run(["import", "members", members, "--as-of", "2015-12-31", "--db", scratch.db, "--rejects", rejects])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("82 of 155 rows name a unit member the registry does not have: import the unit roster first "
                                        + "(registrar import units FILE), then import \(members) again"), "\(outcome.stderr)")
        let chinese = try scratch.run(["import", "members", members, "--as-of", "2015-12-31", "--db", scratch.db,
                                       "--rejects", rejects, "--lang", "zh"])
        #expect(chinese.stderr.contains("155 行中有 82 行所属单位会员不在会员库中：请先导入单位会员名册"), "\(chinese.stderr)")
        let json = try scratch.json(["import", "members", members, "--as-of", "2015-12-31", "--db", scratch.db, "--rejects", rejects])
        #expect(json["rejected_unknown_unit"] as? Int == 82)
        // In the README's order nothing is rejected for a unit, and the summary says nothing of it.
        #expect(try scratch.run(["import", "units", Self.fixtures.appendingPathComponent("units.csv").path,
                                 "--as-of", "2015-12-31", "--db", scratch.db]).status == 0)
        let again = try scratch.run(["import", "members", members, "--as-of", "2015-12-31", "--db", scratch.db, "--rejects", rejects])
        #expect(!again.stderr.contains("unit member the registry does not have"), "\(again.stderr)")
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("Import the unit roster before the member roster"))
    }

    @Test func anIdentityNumberExcelTurnedIntoANumberIsExplainedWithoutTheNumber() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        let roster = scratch.path("excel.csv")
        try Data("""
            会员编号,姓名,身份证号,入会日期
            M1,张三,4.40106E+17,2018-01-05
            M2,李四,440106199001010000,2018-01-05
            M3,王五,11010519491231002X,2018-01-05
            M4,赵六,110105194912310021,2018-01-05

            """.utf8).write(to: URL(fileURLWithPath: roster))
        let rejects = scratch.path("excel.rejects.csv")
        for language in ["en", "zh"] {
            let outcome = try scratch.run(["import", "members", roster, "--as-of", "2018-12-31", "--db", scratch.db,
                                           "--rejects", rejects, "--lang", language])
            #expect(outcome.status == 0)
            #expect(!(outcome.stdout + outcome.stderr).contains("4.40106") && !(outcome.stdout + outcome.stderr).contains("440106"))
            let lines = try String(contentsOfFile: rejects, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
            let excel = lines.filter { $0.contains(language == "en" ? "converted to a number by Excel" : "被 Excel 转换成了数字") }
            #expect(excel.count == 2, "\(lines)")
            for line in excel {
                #expect(line.contains(language == "en" ? "format the column as Text" : "设置为“文本”格式"), "\(line)")
                // The row is repeated as it was, so it can be fixed; the reason never repeats the number.
                let reason = try #require(line.components(separatedBy: ",M").first)
                #expect(!reason.contains("4.40106") && !reason.contains("440106") && !reason.contains("****"), "\(reason)")
            }
            // A wrong check character that is not Excel's doing keeps its own reason.
            #expect(lines.contains { $0.contains(language == "en" ? "wrong check character" : "校验位不正确") })
        }
    }

    @Test func segmentCountsAreNumbersWithWhatTheyCountInAColumnOfItsOwn() throws {
        let scratch = try Scratch()
        #expect(try scratch.run(["demo", "--db", scratch.db, "--fixtures", Self.fixtures.path]).status == 0)
        let english = try scratch.run(["segments", "--on", "2019-12-31", "--db", scratch.db, "--format", "csv"])
        let chinese = try scratch.run(["segments", "--on", "2019-12-31", "--db", scratch.db, "--format", "csv", "--lang", "zh"])
        let header = "name,count,population,share_percent,description,suggested_service"
        // CSV lines end in CRLF, for Excel.
        func lines(_ text: String) -> [Substring] { text.split(whereSeparator: \.isNewline) }
        #expect(lines(english.stdout).first == Substring(header) && lines(chinese.stdout).first == Substring(header), "\(chinese.stdout)")
        for line in lines(english.stdout).dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(Int(fields[1]) != nil, "\(line)")
            #expect(fields[2] == "members" || fields[2] == "units", "\(line)")
        }
        #expect(english.stdout.contains("unit_recruitment,") && lines(english.stdout)
            .first { $0.hasPrefix("unit_recruitment,") }?.split(separator: ",")[2] == "units")
        let table = try scratch.run(["segments", "--on", "2019-12-31", "--db", scratch.db], environment: ["COLUMNS": "300"])
        let row = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("unit_recruitment ") })
        #expect(row.contains(" unit members ") && !row.contains(" units "), "\(row)")
        for (arguments, header) in [(["count", "--as-of", "2019-12-31"], "as_of,individual,unit"),
                                    (["audit"], "at,actor,action,subject,detail")] {
            for language in ["en", "zh"] {
                let csv = try scratch.run(arguments + ["--db", scratch.db, "--format", "csv", "--lang", language])
                #expect(lines(csv.stdout).first == Substring(header), "\(arguments) \(language): \(csv.stdout.prefix(80))")
            }
        }
    }

    @Test func theMonthlyReportShowsTwoYearsUnlessAskedAndSaysWhoAndWhen() throws {
        let scratch = try Scratch()
        #expect(try scratch.run(["demo", "--db", scratch.db, "--fixtures", Self.fixtures.path]).status == 0)
        func seriesRows(_ text: String) -> Int { text.split(separator: "\n").filter { $0.range(of: #"^\d{4}-\d{2} +[\d,]+$"#, options: .regularExpression) != nil }.count }
        let table = try scratch.run(["report", "monthly", "--month", "2019-12", "--db", scratch.db])
        #expect(seriesRows(table.stdout) == 24, "\(table.stdout)")
        let lines = table.stdout.split(separator: "\n")
        #expect(lines[1].hasPrefix("中国示例学会（演示） · made on ") && lines[1].range(of: #"\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil)
        #expect(seriesRows(try scratch.run(["report", "monthly", "--month", "2019-12", "--months", "48", "--db", scratch.db]).stdout) == 48)
        let json = try scratch.json(["report", "monthly", "--month", "2019-12", "--db", scratch.db])
        #expect((json["series"] as? [Any])?.count == 24)
        #expect(json["society"] as? String == "中国示例学会（演示）" && json["made_on"] is String)
        let html = try scratch.run(["report", "monthly", "--month", "2019-12", "--format", "html", "--db", scratch.db, "--lang", "zh"])
        #expect(html.stdout.contains("<p class=\"byline\">中国示例学会（演示） · 制表日期 "))
        #expect(html.stdout.components(separatedBy: "<circle").count - 1 >= 24)
        let csv = try scratch.run(["report", "monthly", "--month", "2019-12", "--format", "csv", "--db", scratch.db])
        #expect(csv.stdout.contains("\nreport,society,Society,中国示例学会（演示）") && csv.stdout.contains("\nreport,made_on,Made on,"))
        #expect(try scratch.run(["report", "monthly", "--months", "0", "--db", scratch.db]).status == 2)
        #expect(try scratch.run(["report", "monthly", "--months", "121", "--db", scratch.db]).status == 2)

        let annual = try scratch.run(["report", "annual", "--year", "2018", "--format", "html", "--db", scratch.db])
        #expect(annual.stdout.contains("<svg") && annual.stdout.contains("Month-end individual members in 2018"))
        #expect(annual.stdout.contains("2018-01") && annual.stdout.contains("2018-12") && annual.stdout.contains("made on "))
        let annualJSON = try scratch.json(["report", "annual", "--year", "2018", "--db", scratch.db])
        let monthEnds = try #require(annualJSON["month_ends"] as? [[String: Any]])
        #expect(monthEnds.count == 12 && monthEnds.last?["month"] as? String == "2018-12" && annualJSON["made_on"] is String)
        let yearEnd = try scratch.json(["count", "--as-of", "2018-12-31", "--db", scratch.db])
        #expect(monthEnds.last?["end_count"] as? Int == yearEnd["individual"] as? Int)
        let markdown = try scratch.run(["report", "annual", "--year", "2018", "--format", "md", "--db", scratch.db, "--lang", "zh"])
        #expect(markdown.stdout.contains("制表日期 "))
    }

    @Test func anEmptyRegistrysMonthlyReportSaysToImport() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        let outcome = try scratch.run(["report", "monthly", "--month", "2018-12", "--db", scratch.db])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("the registry has no members yet: import the unit roster, then the member roster"))
        let zh = try scratch.run(["report", "monthly", "--month", "2018-12", "--db", scratch.db, "--lang", "zh"])
        #expect(zh.stderr.contains("会员库中还没有会员"))
        #expect(try scratch.run(["demo", "--db", scratch.path("demo.sqlite"), "--fixtures", Self.fixtures.path]).status == 0)
        let full = try scratch.run(["report", "monthly", "--month", "2018-12", "--db", scratch.path("demo.sqlite")])
        #expect(full.stderr.isEmpty, "\(full.stderr)")
    }

    /// On a terminal (a pseudo-terminal from `script`), the progress line starts with the first rows,
    /// follows them, never reads 100% while rows remain, and says what it does after the last row;
    /// on a pipe there is none.
    @Test func theProgressLineFollowsRowsAndSaysWhatItDoesAtTheEnd() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        let roster = scratch.path("big.csv")
        var text = "会员编号,姓名,入会日期\n"
        for index in 0..<20_000 { text += "M\(100_000 + index),会员\(index),2018-01-05\n" }
        try Data(text.utf8).write(to: URL(fileURLWithPath: roster))
        let script = "/usr/bin/script"
        #expect(FileManager.default.isExecutableFile(atPath: script), "util-linux script gives the test a terminal")
        let command = [registrarBinary.path, "import", "members", roster, "--as-of", "2018-12-31", "--db", scratch.db]
            .map { "'" + $0 + "'" }.joined(separator: " ")
        let terminal = try scratch.runTool(script, ["-qec", command, "/dev/null"])
        #expect(terminal.status == 0, "\(terminal.stdout)")
        let updates = terminal.stdout.components(separatedBy: "\r").map { $0.replacingOccurrences(of: "\u{1B}[K", with: "") }
        let rowLines = updates.filter { $0.contains(" rows/s, ") }
        let first = try #require(rowLines.first, "\(terminal.stdout)")
        #expect(first.hasPrefix("1,024 rows, "), "the first update comes with the first rows: \(first)")
        let percents = rowLines.compactMap { Int($0.split(separator: " ").last?.dropLast() ?? "") }
        #expect(percents.count == rowLines.count && percents == percents.sorted() && (percents.last ?? 100) < 100, "\(percents)")
        #expect(!terminal.stdout.contains("100%"))
        #expect(updates.contains("20,000 rows in; building the identity index and checking membership periods…"), "\(updates)")
        #expect(updates.contains("20,000 rows in; committing…"))
        let pipe = try scratch.run(["import", "members", roster, "--as-of", "2018-12-31", "--db", scratch.db])
        #expect(!pipe.stderr.contains("rows/s") && !pipe.stderr.contains("committing"), "\(pipe.stderr)")
    }

    /// An import read again in member-number order (two rows for one member, out of that order) says
    /// so, and its rows' count and percent start again instead of standing at where the first reading
    /// had got to.
    @Test func theProgressLineSaysWhenTheFileIsReadAgainInOrder() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        let roster = scratch.path("reversed.csv")
        var text = "会员编号,姓名,入会日期\n"
        for index in (0..<20_000).reversed() { text += "M\(100_000 + index),会员\(index),2018-01-05\n" }
        text += "M100005,又一位,2018-01-05\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: roster))
        let command = [registrarBinary.path, "import", "members", roster, "--as-of", "2018-12-31", "--db", scratch.db]
            .map { "'" + $0 + "'" }.joined(separator: " ")
        let terminal = try scratch.runTool("/usr/bin/script", ["-qec", command, "/dev/null"])
        #expect(terminal.status == 0, "\(terminal.stdout)")
        let updates = terminal.stdout.components(separatedBy: "\r").map { $0.replacingOccurrences(of: "\u{1B}[K", with: "") }
        let notice = try #require(updates.firstIndex(of: "rows in conflict came out of member-number order: reading the file again in that order…"),
                                  "\(updates)")
        let again = updates[(notice + 1)...].filter { $0.hasPrefix("in member-number order: ") && $0.contains(" rows/s, ") }
        let first = try #require(again.first, "\(updates)")
        #expect(first.hasPrefix("in member-number order: 1,024 rows, "), "the count starts again: \(first)")
        #expect(updates.contains("20,001 rows in; committing…"), "\(updates)")
    }
}

extension Scratch {
    /// Runs another program in this folder (here `script`, which gives the registrar a terminal).
    func runTool(_ executable: String, _ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// One JSON style and stable keys for scripts (issue 17), as README's table documents them.
struct MachineReadableOutputTests {
    @Test func everyJSONIsPrettyWithSortedKeysAndCSVHeadersDoNotFollowTheLanguage() throws {
        let scratch = try Scratch()
        #expect(try scratch.run(["demo", "--db", scratch.db, "--fixtures", NewUserOutputTests.fixtures.path]).status == 0)
        let commands: [[String]] = [
            ["count", "--as-of", "2019-12-31"], ["growth", "--year", "2018"], ["report", "monthly", "--month", "2018-12"],
            ["report", "annual", "--year", "2018"], ["board", "caps", "--year", "2019"], ["member", "show", "M100160"],
            ["integrity", "lookup", "M100192"], ["integrity", "check", "M100192", "--on", "2019-06-01"],
            ["segments", "--on", "2019-12-31"], ["services"], ["branches", "--on", "2019-12-31"], ["settings"], ["audit"],
        ]
        for command in commands {
            let outcome = try scratch.run(command + ["--db", scratch.db, "--format", "json"])
            #expect(outcome.status == 0 || outcome.status == 3, "\(command)")
            let parsed = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
            let again = try JSONSerialization.data(withJSONObject: parsed, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            // Foundation's pretty style: two-space indents and " : ".
            #expect(outcome.stdout.contains("\n  ") && outcome.stdout.hasSuffix("\n") && !outcome.stdout.hasSuffix("\n\n"), "\(command)")
            #expect(String(decoding: again, as: UTF8.self) + "\n" == outcome.stdout, "\(command) is not in the one style")
        }
        let monthly = try scratch.json(["report", "monthly", "--month", "2018-12", "--db", scratch.db])
        let settings = try #require(monthly["settings"] as? [String: Any])
        #expect(settings["target_percent"] as? Double == 15 && settings["goal_percent"] as? Double == 15)
        let member = try scratch.json(["member", "show", "M100160", "--db", scratch.db])
        let period = try #require((member["periods"] as? [[String: Any]])?.first)
        #expect(period["start_date"] as? String == period["start"] as? String && period["start_date"] != nil)
        #expect(period["end_date"] as? String == "2019-09-16" && period["end"] as? String == "2019-09-16")

        for command in [["services"], ["settings"], ["branches", "--on", "2019-12-31"], ["count"], ["segments"], ["audit"]] {
            let english = try scratch.run(command + ["--db", scratch.db, "--format", "csv"])
            let chinese = try scratch.run(command + ["--db", scratch.db, "--format", "csv", "--lang", "zh"])
            let header = english.stdout.split(whereSeparator: \.isNewline).first
            #expect(header != nil && header == chinese.stdout.split(whereSeparator: \.isNewline).first, "\(command)")
            #expect(header?.allSatisfy { $0.isASCII } == true, "\(command): \(header ?? "")")
        }
        let services = try scratch.run(["services", "--db", scratch.db, "--format", "csv", "--lang", "zh"])
        #expect(services.stdout.contains("\r\ntype,conference,") && services.stdout.contains("\r\nchannel,online,"), "\(services.stdout)")
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for header in ["as_of,individual,unit", "name,count,population,share_percent,description,suggested_service", "at,actor,action,subject,detail",
                       "name,founded_on,last_activity_on,months_since,days_beyond_months", "by,value,count", "key,value"] {
            #expect(readme.contains(header), "README documents \(header)")
        }
        let changelog = try String(contentsOf: repositoryRoot.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        #expect(changelog.contains("`settings.goal_percent` is kept") && changelog.contains("`start` and `end` are kept"))
    }
}
