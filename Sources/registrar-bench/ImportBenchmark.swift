import Foundation

/// Issue 3's benchmark: `registrar import members` against sqlite3's own `.import` of the same file.
struct ImportBenchmark {
    let rows: Int
    let workspace: Workspace

    func run() throws {
        let roster = workspace.path("roster.csv")
        try RosterGenerator(rows: rows).write(to: roster)
        let size = (try FileManager.default.attributesOfItem(atPath: roster)[.size] as? Int) ?? 0
        print("roster: \(rows) rows, 13 columns, \(size / 1_048_576) MiB, UTF-8")

        // A new registry, copied afresh for each first import.
        let empty = workspace.path("empty.sqlite")
        _ = try Measure.run(workspace.registrar, ["init", "--db", empty])
        let db = workspace.path("registry.sqlite")
        let arguments = ["import", "members", roster, "--db", db, "--as-of", "2019-12-31", "--format", "json"]

        // The machine's speed drifts by a fifth from minute to minute, so (3), (1) and (2) are run in
        // turn, three times, and each is reported by its best run (with all runs shown): alternating
        // keeps a slow minute from landing on one side only. Each (2) re-imports into the registry
        // the (1) before it made.
        let plain = workspace.path("plain.sqlite")
        let script = workspace.path("import.sql")
        try """
            CREATE TABLE roster (member_no TEXT, name TEXT, gender TEXT, birth_date TEXT, id_number TEXT, email TEXT,
              phone TEXT, employer TEXT, title TEXT, discipline TEXT, province TEXT, grade TEXT, join_date TEXT);
            .mode csv
            .import --skip 1 \(roster) roster

            """.write(toFile: script, atomically: true, encoding: .utf8)
        var baselines: [Measurement] = []
        var firsts: [Measurement] = []
        var agains: [Measurement] = []
        for _ in 0..<3 {
            try? FileManager.default.removeItem(atPath: plain)
            baselines.append(try Measure.run("sqlite3", [plain], input: script))
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
            try FileManager.default.copyItem(atPath: empty, toPath: db)
            firsts.append(try Measure.run(workspace.registrar, arguments))
            agains.append(try Measure.run(workspace.registrar, arguments))
        }
        func best(_ runs: [Measurement]) -> Measurement { runs.min { $0.seconds < $1.seconds }! }
        let (baseline, first, second) = (best(baselines), best(firsts), best(agains))

        // Not one of the figures: the same rows in another order, which the merge cannot walk
        // in member-number order beside the file, so it searches for each row.
        // Written by a child process: a spawned child's peak memory counts its parent's, so the
        // benchmark keeps its own small (the shuffle's order array is 8 MB).
        let shuffledRoster = workspace.path("roster-shuffled.csv")
        _ = try Measure.run(CommandLine.arguments[0], ["roster", "--rows", String(rows), "--shuffled", "--out", shuffledRoster])
        var shuffledArguments = arguments
        shuffledArguments[2] = shuffledRoster
        let shuffled = try Measure.run(workspace.registrar, shuffledArguments)

        func all(_ runs: [Measurement]) -> String { runs.map { String(format: "%.2f", $0.seconds) }.joined(separator: ", ") }
        print(Measure.format("(1) registrar import members, fresh (best of 3)", first) + "  runs: \(all(firsts)) s")
        print(Measure.format("(2) registrar import members, again (best of 3)", second) + "  runs: \(all(agains)) s")
        print(Measure.format("    again, the rows shuffled (not a target)", shuffled))
        print(Measure.format("(3) sqlite3 .import (baseline, best of 3)", baseline) + "  runs: \(all(baselines)) s")
        print(String(format: "ratio (1)/(3) = %.2f   (2)/(3) = %.2f   shuffled/(3) = %.2f   peak memory (1) %.1f MiB, (2) %.1f MiB",
                     first.seconds / baseline.seconds, second.seconds / baseline.seconds, shuffled.seconds / baseline.seconds,
                     firsts.map(\.peakMiB).max()!, agains.map(\.peakMiB).max()!))
        try? FileManager.default.removeItem(at: workspace.folder)
    }
}
