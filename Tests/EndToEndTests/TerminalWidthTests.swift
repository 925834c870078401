import Foundation
import Testing
import RegistrarKit

/// Tables and notes fit the terminal (`COLUMNS`, else the terminal, else 80) in both languages;
/// CSV and JSON keep every word.
struct TerminalWidthTests {
    static func demo(_ scratch: Scratch) throws {
        let outcome = try scratch.run(["demo", "--db", scratch.db, "--fixtures", repositoryRoot.appendingPathComponent("fixtures").path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }

    @Test func everyTableFitsEightyColumnsInBothLanguages() throws {
        let scratch = try Scratch()
        try Self.demo(scratch)
        let commands: [[String]] = [
            ["segments", "--on", "2019-12-31"], ["audit"], ["integrity", "check", "M100192", "--on", "2019-06-01"],
            ["board", "check"], ["report", "monthly", "--month", "2018-12"], ["integrity", "lookup", "张"],
            ["services"], ["branches", "--on", "2019-12-31"], ["settings"],
        ]
        for command in commands {
            for language in ["en", "zh"] {
                for environment in [["COLUMNS": "80"], [:]] {
                    let outcome = try scratch.run(command + ["--db", scratch.db, "--lang", language], environment: environment)
                    #expect(outcome.status == 0 || outcome.status == 3, "\(command): \(outcome.stderr)")
                    for line in outcome.stdout.split(separator: "\n") {
                        #expect(DisplayWidth.of(line) <= 80, "\(command) \(language): \(DisplayWidth.of(line)) columns: \(line)")
                    }
                }
            }
        }
        let narrow = try scratch.run(["audit", "--db", scratch.db], environment: ["COLUMNS": "60"])
        #expect(narrow.stdout.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 60 })
    }

    @Test func aWideTerminalGetsTheTableUnwrappedAndCSVKeepsEveryWord() throws {
        let scratch = try Scratch()
        try Self.demo(scratch)
        let description = "foreign members: grade foreign, or a recorded nationality other than China"
        let wide = try scratch.run(["segments", "--on", "2019-12-31", "--db", scratch.db], environment: ["COLUMNS": "300"])
        #expect(wide.stdout.contains(description), "\(wide.stdout)")
        let narrow = try scratch.run(["segments", "--on", "2019-12-31", "--db", scratch.db], environment: ["COLUMNS": "80"])
        #expect(!narrow.stdout.contains(description))
        #expect(narrow.stdout.contains("\nforeign ") && narrow.stdout.contains("nationality"))
        let csv = try scratch.run(["segments", "--on", "2019-12-31", "--db", scratch.db, "--format", "csv"], environment: ["COLUMNS": "40"])
        #expect(csv.stdout.contains(description))
        let json = try scratch.run(["segments", "--on", "2019-12-31", "--db", scratch.db, "--format", "json"], environment: ["COLUMNS": "40"])
        #expect(json.stdout.contains(description))
        // Too narrow for whole words: each case becomes a block of its own, with every word whole.
        let check = try scratch.run(["integrity", "check", "M100192", "--on", "2019-06-01", "--db", scratch.db],
                                    environment: ["COLUMNS": "80"])
        #expect(check.stdout.contains("  allegation  duplicate submission"), "\(check.stdout)")
        let wideCheck = try scratch.run(["integrity", "check", "M100192", "--on", "2019-06-01", "--db", scratch.db],
                                        environment: ["COLUMNS": "200"])
        #expect(wideCheck.stdout.contains("case            opened"), "\(wideCheck.stdout)")
    }
}
