import Foundation
import Testing

struct ConcurrencyAndTerminalTests {
    func bigRoster(_ scratch: Scratch, rows: Int) throws -> String {
        let path = scratch.path("big-\(rows).csv")
        var text = "会员编号,姓名,入会日期\n"
        for index in 0..<rows { text += "K\(index),会员\(index),2016-01-01\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Two registrar processes on one file: the second waits for the first instead of failing.
    @Test func aSecondProcessWaitsForARunningImport() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        let roster = try bigRoster(scratch, rows: 80_000)
        let importer = try scratch.start(["import", "members", roster, "--as-of", "2019-12-31", "--db", scratch.db])
        scratch.waitForWrites(of: importer, over: 256 << 10)
        let concurrent = try scratch.run(["settings", "set", "growth.goal", "16", "--db", scratch.db])
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0)
        #expect(concurrent.status == 0, "the second process failed instead of waiting: \(concurrent.stderr)")
        let count = try scratch.json(["count", "--as-of", "2019-12-31", "--db", scratch.db])
        #expect(count["individual"] as? Int == 80_000)
        #expect(try scratch.run(["settings", "--db", scratch.db]).stdout.contains("16"))
    }

    /// On a terminal the import shows rows, rows/s and percent on stderr; piped, it prints nothing extra.
    @Test func progressShowsOnATerminalOnly() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        let roster = try bigRoster(scratch, rows: 70_000)
        let piped = try scratch.run(["import", "members", roster, "--as-of", "2019-12-31", "--dry-run", "--db", scratch.db])
        #expect(!piped.stderr.contains("rows/s"))
        let command = [registrarBinary.path, "import", "members", roster, "--as-of", "2019-12-31", "--dry-run", "--db", scratch.db]
            .map { "'\($0)'" }.joined(separator: " ")
        let terminal = Process()
        terminal.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        terminal.arguments = ["-qec", command, "/dev/null"]
        let output = Pipe()
        terminal.standardOutput = output
        terminal.standardError = output
        terminal.standardInput = FileHandle.nullDevice
        try terminal.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        terminal.waitUntilExit()
        #expect(text.contains("1,024 rows") && text.contains("rows/s") && text.contains("%"))
    }
}
