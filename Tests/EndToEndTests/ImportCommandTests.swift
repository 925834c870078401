import Foundation
import Testing

/// `registrar import` as a user runs it: bad files, flags, exit statuses and messages.
struct ImportCommandTests {
    static let bad = repositoryRoot.appendingPathComponent("fixtures/bad")

    /// A registry holding the fixture units, which the bad files' rows refer to.
    func registry() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        try scratch.run(["import", "units", repositoryRoot.appendingPathComponent("fixtures/units.csv").path,
                         "--as-of", "2019-12-31", "--db", scratch.db])
        return scratch
    }

    func importBad(_ name: String, _ scratch: Scratch, _ extra: [String] = []) throws -> Outcome {
        try scratch.run(["import", "members", Self.bad.appendingPathComponent(name).path, "--as-of", "2019-12-31",
                         "--db", scratch.db, "--rejects", scratch.path("rejects.csv")] + extra)
    }

    @Test(arguments: [("bad-date.csv", "入会日期"), ("bad-id-check.csv", "身份证号"), ("duplicate-member.csv", ""),
                      ("wrong-field-count.csv", "")])
    func aBadRowIsRejectedWithItsLineAndTheRestImports(file: String, column: String) throws {
        let scratch = try registry()
        let outcome = try importBad(file, scratch, ["--format", "json"])
        #expect(outcome.status == 0)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(summary["rejected"] as? Int == 1)
        #expect((summary["inserted"] as? Int ?? 0) >= 2)
        let rejects = try String(contentsOfFile: scratch.path("rejects.csv"), encoding: .utf8)
        let row = try #require(rejects.split(separator: "\r\n").dropFirst().first)
        #expect(row.split(separator: ",").count > 2)
        if !column.isEmpty { #expect(row.split(separator: ",", omittingEmptySubsequences: false)[1] == column) }
    }

    @Test func strictLeavesTheRegistryAsItWas() throws {
        let scratch = try registry()
        let outcome = try importBad("bad-date.csv", scratch, ["--strict"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(outcome.stderr.contains("--strict"))
        let count = try scratch.json(["count", "--as-of", "2019-12-31", "--db", scratch.db])
        #expect(count["individual"] as? Int == 0)
    }

    @Test func aMissingKeyColumnIsAOneLineErrorNamingTheFile() throws {
        let scratch = try registry()
        let outcome = try importBad("missing-required-column.csv", scratch)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("missing-required-column.csv:1"))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
    }

    @Test func bytesInNoKnownEncodingAreAnErrorWithLineAndOffset() throws {
        let scratch = try registry()
        let outcome = try importBad("invalid-encoding.csv", scratch)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("invalid-encoding.csv:3"))
        #expect(outcome.stderr.contains("byte"))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
    }

    @Test func aDryRunChangesNothing() throws {
        let scratch = try registry()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: scratch.db))
        let outcome = try scratch.run(["import", "members", repositoryRoot.appendingPathComponent("fixtures/members-2015-12-31.csv").path,
                                       "--as-of", "2015-12-31", "--dry-run", "--format", "json", "--db", scratch.db])
        #expect(outcome.stdout.contains("\"dry_run\" : true") && outcome.stdout.contains("\"inserted\" : 155"))
        // Byte for byte: a first roster's dry run does not switch the journal (`FirstLoadJournal`).
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.db)) == bytes)
        let count = try scratch.json(["count", "--as-of", "2015-12-31", "--db", scratch.db])
        #expect(count["individual"] as? Int == 0)
    }

    /// kill -9 part-way through an import leaves the registry exactly as it was, and sound: a first
    /// import, written with a rollback journal (`FirstLoadJournal`), and one into a registry with
    /// members, written through the WAL.
    @Test(arguments: [false, true]) func aKilledImportLeavesTheRegistryAsItWas(registryHasMembers: Bool) throws {
        let scratch = try registry()
        if registryHasMembers {
            let first = scratch.path("first.csv")
            try "会员编号,姓名,入会日期\nA1,先到,2015-01-01\n".write(toFile: first, atomically: true, encoding: .utf8)
            #expect(try scratch.run(["import", "members", first, "--as-of", "2015-12-31", "--db", scratch.db]).status == 0)
        }
        let roster = scratch.path("big.csv")
        var text = "会员编号,姓名,入会日期\n"
        // Every hundredth row rejected, so its rejects file is being written when the import is killed.
        for index in 0..<150_000 { text += "K\(index),会员\(index),\(index % 100 == 7 ? "2016-13-01" : "2016-01-01")\n" }
        try text.write(toFile: roster, atomically: true, encoding: .utf8)
        let process = try scratch.start(["import", "members", roster, "--as-of", "2019-12-31", "--db", scratch.db])
        // Wait until the import has written into its transaction, then kill it.
        scratch.waitForWrites(of: process, over: 1 << 20)
        let journalAtKill = FileManager.default.fileExists(atPath: scratch.db + "-journal")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        guard process.terminationReason == .uncaughtSignal else {
            Issue.record("the import finished before it could be killed; make the roster larger")
            return
        }
        // A first import wrote with a rollback journal; the other through the WAL.
        #expect(journalAtKill == !registryHasMembers)
        // The rejects file it was writing had no name yet: nothing is left of it (it holds rows as written).
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path).filter { $0.contains("rejects") } == [])
        // The next command, one that only reads, finds the registry as it was.
        let count = try scratch.json(["count", "--as-of", "2019-12-31", "--db", scratch.db])
        #expect(count["individual"] as? Int == (registryHasMembers ? 1 : 0))
        #expect(!FileManager.default.fileExists(atPath: scratch.db + "-journal"))
        #expect(try sqlite3(scratch.db, "PRAGMA journal_mode") == "wal\n")
        // Sound, and a first import's index and trigger, dropped inside its transaction, are back.
        #expect(try sqlite3(scratch.db, "PRAGMA integrity_check", """
            SELECT name FROM sqlite_master WHERE name IN ('member_identity', 'membership_period_no_overlap_insert') ORDER BY name
            """) == "ok\nmember_identity\nmembership_period_no_overlap_insert\n")
        // And the next import goes in whole, and leaves the registry in WAL mode.
        let small = scratch.path("small.csv")
        try (["会员编号,姓名,入会日期"] + (0..<1000).map { "K\($0),会员\($0),2016-01-01" }).joined(separator: "\n")
            .write(toFile: small, atomically: true, encoding: .utf8)
        #expect(try scratch.run(["import", "members", small, "--as-of", "2019-12-31", "--db", scratch.db]).status == 0)
        #expect(try scratch.json(["count", "--as-of", "2019-12-31", "--db", scratch.db])["individual"] as? Int
                == 1000 + (registryHasMembers ? 1 : 0))
        #expect(try sqlite3(scratch.db, "PRAGMA journal_mode") == "wal\n")
    }

    /// What the sqlite3 shell prints for `statements` on `db`.
    func sqlite3(_ db: String, _ statements: String...) throws -> String {
        let mode = Process()
        mode.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        mode.arguments = [db] + statements
        let pipe = Pipe()
        mode.standardOutput = pipe
        try mode.run()
        mode.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    /// A command that writes, started while a first import holds the file with its rollback journal,
    /// waits for it as it would in WAL mode (it was refused at once, "busy for five minutes").
    @Test func aSecondImportDuringAFirstOneWaitsForIt() throws {
        let scratch = try registry()
        func roster(_ name: String, _ prefix: String, _ rows: Int) throws -> String {
            let path = scratch.path(name)
            try (["会员编号,姓名,入会日期"] + (0..<rows).map { "\(prefix)\($0),会员\($0),2016-01-01" }).joined(separator: "\n")
                .write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let first = try roster("first.csv", "A", 100_000), second = try roster("second.csv", "B", 1000)
        let process = try scratch.start(["import", "members", first, "--as-of", "2019-12-31", "--db", scratch.db])
        for _ in 0..<500 where process.isRunning && !FileManager.default.fileExists(atPath: scratch.db + "-journal") { usleep(2_000) }
        let outcome = try scratch.run(["import", "members", second, "--as-of", "2019-12-31", "--db", scratch.db])
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try scratch.json(["count", "--as-of", "2019-12-31", "--db", scratch.db])["individual"] as? Int == 101_000)
    }
}

struct DemoTests {
    @Test func theDemoBuildsTheFixtureRegistryAndShowsTheTour() throws {
        let scratch = try Scratch()
        let process = try scratch.run(["demo", "--db", scratch.path("demo.sqlite"),
                                       "--fixtures", repositoryRoot.appendingPathComponent("fixtures").path])
        #expect(process.status == 0)
        #expect(process.stdout.contains("2018-12-31         229"))
        #expect(process.stdout.contains("219"))
        // Run again: an earlier demo registry is replaced, never a real one.
        #expect(try scratch.run(["demo", "--db", scratch.path("demo.sqlite"),
                                 "--fixtures", repositoryRoot.appendingPathComponent("fixtures").path]).status == 0)
        try scratch.run(["init", "--db", scratch.path("real.sqlite")])
        let refused = try scratch.run(["demo", "--db", scratch.path("real.sqlite"),
                                       "--fixtures", repositoryRoot.appendingPathComponent("fixtures").path])
        #expect(refused.status == 1)
    }
}
