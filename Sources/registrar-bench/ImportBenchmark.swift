import Foundation

/// Issues 3 and 18's benchmark: `registrar import members` against sqlite3's own `.import` of the same
/// file, with the roster sorted by member number and shuffled, for the three imports a society makes:
/// the first, the same roster again, and next month's roster as a `--snapshot` (2 % changed, 1 % new,
/// 1 % absent).
struct ImportBenchmark {
    let rows: Int
    let rounds: Int
    let workspace: Workspace

    /// One of the table's cells: an import, and the file its baseline imports.
    private enum Cell: Int, CaseIterable {
        case fresh, again, snapshot

        var label: String {
            switch self {
            case .fresh: "fresh import"
            case .again: "re-import, all unchanged"
            case .snapshot: "--snapshot, 2% changed, 1% new, 1% absent"
            }
        }
    }

    private enum Order: Int, CaseIterable {
        case sorted, shuffled
        var label: String { self == .sorted ? "sorted" : "shuffled" }
    }

    func run() throws {
        // Written by child processes: a spawned child's peak memory counts its parent's, so the
        // benchmark keeps its own small (a shuffle's order array is 8 MB).
        func roster(_ name: String, _ flags: [String]) throws -> String {
            let path = workspace.path(name)
            let made = try Measure.run(CommandLine.arguments[0], ["roster", "--rows", String(rows), "--out", path] + flags)
            guard made.status == 0 else { throw BenchError("cannot write the roster \(name)") }
            return path
        }
        let files: [Order: (roster: String, changed: String)] = [
            .sorted: (try roster("roster.csv", []), try roster("changed.csv", ["--changed"])),
            .shuffled: (try roster("roster-shuffled.csv", ["--shuffled"]), try roster("changed-shuffled.csv", ["--changed", "--shuffled"])),
        ]
        let size = (try FileManager.default.attributesOfItem(atPath: try present(files[.sorted], "sorted roster").roster)[.size] as? Int) ?? 0
        print("roster: \(rows) rows, 13 columns, \(size / 1_048_576) MiB, UTF-8; next month's: \(rows / 50) changed, \(rows / 100) new, \(rows / 100) absent")

        let empty = workspace.path("empty.sqlite")
        _ = try Measure.run(workspace.registrar, ["init", "--db", empty])
        func arguments(_ file: String, _ db: String, snapshot: Bool) -> [String] {
            ["import", "members", file, "--db", db, "--as-of", snapshot ? "2020-01-31" : "2019-12-31", "--format", "json"]
                + (snapshot ? ["--snapshot"] : [])
        }
        func replace(_ db: String, with source: String) throws {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
            try FileManager.default.copyItem(atPath: source, toPath: db)
        }
        func baseline(_ file: String) throws -> Measurement {
            let plain = workspace.path("plain.sqlite")
            let script = workspace.path("import.sql")
            try? FileManager.default.removeItem(atPath: plain)
            try """
                CREATE TABLE roster (member_no TEXT, name TEXT, gender TEXT, birth_date TEXT, id_number TEXT, email TEXT,
                  phone TEXT, employer TEXT, title TEXT, discipline TEXT, province TEXT, grade TEXT, join_date TEXT);
                .mode csv
                .import --skip 1 \(file) roster

                """.write(toFile: script, atomically: true, encoding: .utf8)
            return try Measure.run("sqlite3", [plain], input: script)
        }

        // The machine's speed drifts by a fifth from minute to minute, so every cell and its baseline
        // are run in turn, `rounds` times, and each is reported by its best run (with all runs shown):
        // alternating keeps a slow minute from landing on one side only. Each re-import goes into
        // the registry the fresh import of the same order made just before; each snapshot into a copy of it.
        var runs: [Order: [Cell: (registrar: [Measurement], baseline: [Measurement])]] = [:]
        func record(_ order: Order, _ cell: Cell, _ registrar: Measurement, _ base: Measurement) throws {
            guard registrar.status == 0, base.status == 0 else {
                throw BenchError("\(order.label) \(cell.label): registrar exit \(registrar.status), sqlite3 exit \(base.status)")
            }
            var cells = runs[order] ?? [:]
            var pair = cells[cell] ?? ([], [])
            pair.registrar.append(registrar)
            pair.baseline.append(base)
            cells[cell] = pair
            runs[order] = cells
        }
        let db = workspace.path("registry.sqlite")
        let snapshotDB = workspace.path("snapshot.sqlite")
        for _ in 0..<rounds {
            for order in Order.allCases {
                let (file, changed) = try present(files[order], "roster")
                let freshBaseline = try baseline(file)
                try replace(db, with: empty)
                try record(order, .fresh, try Measure.run(workspace.registrar, arguments(file, db, snapshot: false)), freshBaseline)
                let againBaseline = try baseline(file)
                try replace(snapshotDB, with: db)
                try record(order, .again, try Measure.run(workspace.registrar, arguments(file, db, snapshot: false)), againBaseline)
                let snapshotBaseline = try baseline(changed)
                try record(order, .snapshot, try Measure.run(workspace.registrar, arguments(changed, snapshotDB, snapshot: true)), snapshotBaseline)
            }
        }

        func best(_ runs: [Measurement]) throws -> Measurement { try present(runs.min { $0.seconds < $1.seconds }, "runs") }
        func all(_ runs: [Measurement]) -> String { runs.map { String(format: "%.2f", $0.seconds) }.joined(separator: ", ") }
        var ratio: [Order: [Cell: Double]] = [:]
        var cpuRatio: [Order: [Cell: Double]] = [:]
        var peak = 0.0
        for order in Order.allCases {
            for cell in Cell.allCases {
                let (registrar, baselines) = try present(runs[order]?[cell], "runs of \(cell.label)")
                let (mine, base) = (try best(registrar), try best(baselines))
                ratio[order, default: [:]][cell] = mine.seconds / base.seconds
                cpuRatio[order, default: [:]][cell] = try present(registrar.map(\.cpuSeconds).min(), "CPU times")
                    / present(baselines.map(\.cpuSeconds).min(), "CPU times")
                peak = max(peak, registrar.map(\.peakMiB).max() ?? 0)
                print(Measure.format("\(cell.label), \(order.label)", mine) + "  runs: \(all(registrar)) s")
                print(Measure.format("  sqlite3 .import of the same file", base) + "  runs: \(all(baselines)) s")
            }
        }
        func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
        print("")
        // Wall time is the target; CPU time (both threads of registrar against sqlite3's one) is shown
        // beside it because on a shared machine the wall clock also counts the other users.
        print(pad("best of \(rounds), ÷ sqlite3 .import (wall; cpu)", 46) + pad("sorted", 16) + pad("shuffled", 16) + "shuffled ÷ sorted")
        for cell in Cell.allCases {
            let sorted = try present(ratio[.sorted]?[cell], "ratio"), shuffled = try present(ratio[.shuffled]?[cell], "ratio")
            let cpuSorted = try present(cpuRatio[.sorted]?[cell], "ratio"), cpuShuffled = try present(cpuRatio[.shuffled]?[cell], "ratio")
            print(pad(cell.label, 46) + pad(String(format: "%.2f×; %.2f×", sorted, cpuSorted), 16)
                  + pad(String(format: "%.2f×; %.2f×", shuffled, cpuShuffled), 16) + String(format: "%.2f; %.2f", shuffled / sorted, cpuShuffled / cpuSorted))
        }
        print(String(format: "peak memory of any registrar import: %.1f MiB", peak))
        try? FileManager.default.removeItem(at: workspace.folder)
    }
}
