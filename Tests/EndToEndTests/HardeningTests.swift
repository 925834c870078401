import Foundation
import Testing

/// What a careless or hostile user can do to each command: nothing is lost, nothing leaks, nothing crashes.
struct HardeningTests {
    static let roster = "会员编号,姓名,身份证号,入会日期\nM1,张三,11010519491231002X,2018-01-05\nM2,李四,,2018-02-01\n,无名,,\n"

    func registry() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        try roster(in: scratch)
        return scratch
    }

    @discardableResult
    func roster(in scratch: Scratch, _ text: String = HardeningTests.roster, name: String = "roster.csv") throws -> String {
        let path = scratch.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func digest(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    func oneLine(_ outcome: Outcome) -> Bool {
        outcome.stderr.hasSuffix("\n") && !outcome.stderr.dropLast().contains("\n")
    }

    // MARK: data loss

    @Test func noOutputFlagCanOverwriteTheRegistryOrTheInput() throws {
        let scratch = try registry()
        let roster = scratch.path("roster.csv")
        try scratch.run(["import", "members", roster, "--as-of", "2018-12-31", "--db", scratch.db])
        let before = try digest(scratch.db)
        let rosterBefore = try digest(roster)
        let attempts: [[String]] = [
            ["import", "members", roster, "--rejects", scratch.db],
            ["import", "members", roster, "--rejects", scratch.db + "-wal"],
            ["import", "members", roster, "--rejects", roster],
            ["report", "monthly", "--month", "2018-12", "--out", scratch.db],
            ["report", "annual", "--year", "2018", "--out", scratch.db + "-shm"],
            ["segments", "export", "women", "--out", scratch.db],
            ["backup", "--out", scratch.db],
        ]
        for attempt in attempts {
            let outcome = try scratch.run(attempt + ["--db", scratch.db])
            #expect(outcome.status == 1, "\(attempt)")
            #expect(outcome.stderr.contains("will not write") && oneLine(outcome), "\(attempt): \(outcome.stderr)")
        }
        #expect(try digest(scratch.db) == before)
        #expect(try digest(roster) == rosterBefore)
        let check = try scratch.run(["check", "--db", scratch.db])
        #expect(check.status == 0)
    }

    @Test func aOneCharacterFileNameIsAnOrdinaryOutput() throws {
        // Foundation's deletingLastPathComponent crashes on "a" on Linux.
        let scratch = try registry()
        let outcome = try scratch.run(["report", "monthly", "--month", "2018-12", "--out", "a", "--db", scratch.db])
        #expect(outcome.status == 0 && FileManager.default.fileExists(atPath: scratch.path("a")), "\(outcome.stderr)")
        let rejects = try scratch.run(["import", "members", scratch.path("roster.csv"), "--rejects", "r", "--db", scratch.db])
        #expect(rejects.status == 0 && FileManager.default.fileExists(atPath: scratch.path("r")), "\(rejects.stderr)")
    }

    @Test func anArgumentWithALineBreakIsRefusedInOneLine() throws {
        let scratch = try registry()
        for arguments in [["count", "--as-of", "a\nb"], ["settings", "set", "k\nb", "1"], ["sub\nb"]] {
            let outcome = try scratch.run(arguments + ["--db", scratch.db])
            #expect(outcome.status == 2 && oneLine(outcome), "\(arguments): \(outcome.stderr)")
        }
    }

    @Test func aReportIsNotWrittenThroughASymbolicLink() throws {
        let scratch = try registry()
        let target = scratch.path("target.txt")
        try "precious".write(toFile: target, atomically: true, encoding: .utf8)
        symlink(target, scratch.path("link.html"))
        let outcome = try scratch.run(["report", "monthly", "--month", "2018-12", "--out", scratch.path("link.html"), "--db", scratch.db])
        #expect(outcome.status == 1 && outcome.stderr.contains("symbolic link"))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious")
    }

    @Test func everyFileWrittenIsPrivateWhateverTheUmask() throws {
        let scratch = try registry()
        let roster = scratch.path("roster.csv")
        let outputs = [
            (["import", "members", roster, "--as-of", "2018-12-31"], scratch.path("roster.rejects.csv")),
            (["report", "monthly", "--month", "2018-12", "--format", "html", "--out", scratch.path("m.html")], scratch.path("m.html")),
            (["segments", "export", "women", "--on", "2018-12-31", "--out", scratch.path("w.csv")], scratch.path("w.csv")),
            (["backup", "--out", scratch.path("b.sqlite")], scratch.path("b.sqlite")),
        ]
        let old = umask(0)
        defer { umask(old) }
        for (arguments, file) in outputs {
            let outcome = try scratch.run(arguments + ["--db", scratch.db])
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path).filter { $0.contains(".registrar-") }
        #expect(leftovers.isEmpty)
    }

    @Test func aBackupIsAConsistentCheckedCopy() throws {
        let scratch = try registry()
        try scratch.run(["import", "members", scratch.path("roster.csv"), "--as-of", "2018-12-31", "--db", scratch.db])
        let backup = try scratch.run(["backup", "--out", scratch.path("copy.sqlite"), "--db", scratch.db])
        #expect(backup.status == 0 && backup.stderr.contains("integrity check ok"))
        let count = try scratch.json(["count", "--as-of", "2018-12-31", "--db", scratch.path("copy.sqlite")])
        #expect(count["individual"] as? Int == 2)
        let audit = try scratch.run(["audit", "--db", scratch.db])
        #expect(audit.stdout.contains("registry.backup"))
    }

    @Test func damageIsFoundByCheckAndNamedByEveryCommand() throws {
        let scratch = try registry()
        try scratch.run(["import", "members", scratch.path("roster.csv"), "--as-of", "2018-12-31", "--db", scratch.db])
        // Overwrite every page but the first (the schema) with noise: SQLite reads them as malformed.
        let size = try #require(try FileManager.default.attributesOfItem(atPath: scratch.db)[.size] as? Int)
        let handle = try #require(FileHandle(forWritingAtPath: scratch.db))
        var generator = SeededGenerator(seed: 7)
        try handle.seek(toOffset: 4096)
        handle.write(Data((4096..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        try handle.close()
        let check = try scratch.run(["check", "--db", scratch.db])
        #expect(check.status == 3 && check.stderr.contains("damaged") && check.stderr.contains("backup"))
        for arguments in [["count"], ["import", "members", scratch.path("roster.csv")], ["report", "monthly", "--month", "2018-12"]] {
            let outcome = try scratch.run(arguments + ["--db", scratch.db])
            #expect(outcome.status == 1, "\(arguments)")
            #expect(oneLine(outcome) && outcome.stderr.contains("registrar check"), "\(arguments): \(outcome.stderr)")
        }
    }

    @Test func aFullStandardOutputIsReportedAndACommittedImportSaysSo() throws {
        let scratch = try registry()
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        func run(_ arguments: [String]) throws -> (Int32, String) {
            let process = Process()
            process.executableURL = registrarBinary
            process.arguments = arguments
            process.currentDirectoryURL = scratch.folder
            let err = Pipe()
            process.standardOutput = full
            process.standardError = err
            try process.run()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
        }
        let (countStatus, countError) = try run(["count", "--db", scratch.db])
        #expect(countStatus == 1 && countError.contains("could not be written"))
        // A check's verdict that cannot be printed is not a verdict, and neither is a help page.
        try scratch.run(["demo", "--db", scratch.path("demo.sqlite"), "--fixtures", repositoryRoot.appendingPathComponent("fixtures").path])
        let (boardStatus, boardError) = try run(["board", "check", "--db", scratch.path("demo.sqlite")])
        #expect(boardStatus == 1 && boardError.contains("could not be written"), "\(boardStatus) \(boardError)")
        let (helpStatus, _) = try run(["--help"])
        #expect(helpStatus == 1)
        let (importStatus, importError) = try run(["import", "members", scratch.path("roster.csv"), "--as-of", "2018-12-31", "--db", scratch.db])
        #expect(importStatus == 1 && importError.contains("committed as batch 1"))
        let count = try scratch.json(["count", "--as-of", "2018-12-31", "--db", scratch.db])
        #expect(count["individual"] as? Int == 2)
    }

    // MARK: crashes

    @Test func outOfRangeYearsAreRefusedNamingTheFlag() throws {
        let scratch = try registry()
        for arguments in [["growth", "--year", "0"], ["growth", "--year", "18"], ["report", "annual", "--year", "1"],
                          ["board", "caps", "--year", "99999"]] {
            let outcome = try scratch.run(arguments + ["--db", scratch.db])
            #expect(outcome.status == 2, "\(arguments)")
            #expect(outcome.stderr.contains("--year") && outcome.stderr.contains("1900"), "\(arguments): \(outcome.stderr)")
        }
        let zh = try scratch.run(["growth", "--year", "0", "--lang", "zh", "--db", scratch.db])
        #expect(zh.stderr.contains("年份"))
        for arguments in [["segments", "--on", "0001-01-01"], ["branches", "--on", "9999-12-31"], ["report", "monthly", "--month", "9999-12"]] {
            let outcome = try scratch.run(arguments + ["--db", scratch.db])
            #expect(outcome.status == 0 || outcome.status == 2, "\(arguments): \(outcome.status) \(outcome.stderr)")
        }
    }

    @Test func everySettingHasItsOwnRangeAndMessage() throws {
        let scratch = try registry()
        let cases = [("branches.inactive_months", "100000", "months"), ("board.young_age", "200", "age"),
                     ("growth.base_year", "0", "year"), ("growth.goal", "5000", "percentage"),
                     ("board.absence_threshold", "0", "absences"), ("board.relaxed_cap_seats", "0", "seats"),
                     ("growth.target_year", "3000", "1949")]
        for (key, value, word) in cases {
            let outcome = try scratch.run(["settings", "set", key, value, "--db", scratch.db])
            #expect(outcome.status == 1, "\(key)")
            #expect(outcome.stderr.contains(key) && outcome.stderr.contains(word) && !outcome.stderr.contains("\u{1B}"),
                    "\(key): \(outcome.stderr)")
        }
        // A control character never reaches the setting, nor the terminal.
        let name = try scratch.run(["settings", "set", "society.name", "a\u{1B}[2Jb", "--db", scratch.db])
        #expect(name.status == 2 && !name.stderr.contains("\u{1B}") && oneLine(name), "\(name.stderr)")
        let branches = try scratch.run(["branches", "--db", scratch.db])
        #expect(branches.status == 0)
    }

    // MARK: identity numbers in clear

    @Test func noIdentityNumberReachesAMessageTheAuditLogOrTheBatchRecord() throws {
        let scratch = try registry()
        let id = "11010519491231002X"
        // The header line holds data (an unknown column is named after a value), the gender column
        // holds an identity number, and the file is named after one.
        let text = "会员编号,姓名,性别,\(id)\nM9,王五,\(id),x\n"
        let path = try roster(in: scratch, text, name: "\(id).csv")
        let outcome = try scratch.run(["import", "members", path, "--as-of", "2018-12-31", "--db", scratch.db])
        #expect(!outcome.stderr.contains(id) && !outcome.stdout.contains(id), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("110105********002X"))
        let json = try scratch.run(["import", "members", path, "--as-of", "2018-12-31", "--format", "json", "--dry-run", "--db", scratch.db])
        // The rejects file's path is the user's own, for scripts; what the file said is masked.
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(summary["unknown_columns"] as? [String] == ["110105********002X"])
        let rejects = try String(contentsOfFile: scratch.path("\(id).rejects.csv"), encoding: .utf8)
        let reasons = rejects.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").prefix(3).joined(separator: ",") }
        #expect(!reasons.joined().contains(id))
        let audit = try scratch.run(["audit", "--format", "csv", "--db", scratch.db])
        #expect(!audit.stdout.contains(id) && audit.stdout.contains("110105********002X"))
        let batches = try sqlite(scratch.db, "SELECT file_name FROM import_batch")
        #expect(!batches.contains(id) && batches.contains("110105********002X"))
    }

    @Test func controlCharactersInValuesAreEscapedInMessages() throws {
        let scratch = try registry()
        let path = try roster(in: scratch, "会员编号,姓名,性别\nM1,x,\"男\r\n\u{1B}[31m\"\n")
        let outcome = try scratch.run(["import", "members", path, "--strict", "--db", scratch.db])
        #expect(outcome.status == 1 && oneLine(outcome) && !outcome.stderr.contains("\u{1B}"), "\(outcome.stderr)")
    }

    @Test func aNumberNamingNoProvinceIsRejected() throws {
        let scratch = try registry()
        // 99… with the right GB 11643 check character.
        let path = try roster(in: scratch, "会员编号,姓名,身份证号\nM1,x,990105194912310023\n")
        let summary = try scratch.json(["import", "members", path, "--db", scratch.db])
        #expect(summary["rejected"] as? Int == 1)
        let rejects = try String(contentsOfFile: scratch.path("roster.rejects.csv"), encoding: .utf8)
        #expect(rejects.contains("province"))
    }

    // MARK: limits

    @Test func aHugeLineIsRejectedWithItsLineAndTheRestImports() throws {
        let scratch = try registry()
        let text = "会员编号,姓名\nM1,\"" + String(repeating: "长", count: 2_000_000) + "\"\n" + String(repeating: ",", count: 3_000_000) + "\nM3,张三\n"
        let path = try roster(in: scratch, text)
        let summary = try scratch.json(["import", "members", path, "--db", scratch.db])
        #expect(summary["rejected"] as? Int == 2 && summary["inserted"] as? Int == 1)
        let rejects = try String(contentsOfFile: scratch.path("roster.rejects.csv"), encoding: .utf8)
        #expect(rejects.contains("2,姓名,") && rejects.contains("\r\n3,,"))
    }

    // MARK: read-only

    @Test func readingCommandsWorkOnAReadOnlyMount() throws {
        let scratch = try registry()
        try scratch.run(["import", "members", scratch.path("roster.csv"), "--as-of", "2018-12-31", "--db", scratch.db])
        let source = scratch.path("ro-source"), mount = scratch.path("ro")
        try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: scratch.db, toPath: source + "/r.sqlite")
        guard shell("mount --bind '\(source)' '\(mount)' && mount -o remount,ro,bind '\(mount)'") == 0 else {
            Issue.record("this test needs to bind-mount a folder read-only (root, as CI runs)")
            return
        }
        defer { _ = shell("umount '\(mount)'") }
        let db = mount + "/r.sqlite"
        let count = try scratch.json(["count", "--as-of", "2018-12-31", "--db", db])
        #expect(count["individual"] as? Int == 2)
        for arguments in [["audit"], ["report", "monthly", "--month", "2018-12"], ["growth", "--year", "2018"], ["segments"]] {
            let outcome = try scratch.run(arguments + ["--db", db])
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
        }
        let check = try scratch.run(["check", "--db", db])
        #expect(check.status == 0, "\(check.stderr)")
        let write = try scratch.run(["import", "members", scratch.path("roster.csv"), "--db", db])
        #expect(write.status == 1 && write.stderr.contains("read-only"))
    }
}

/// A small deterministic generator, so a mutation test meets the same inputs every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@discardableResult
func shell(_ command: String) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
}

func sqlite(_ db: String, _ query: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [db, query]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
