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

        let db = workspace.path("registry.sqlite")
        _ = try Measure.run(workspace.registrar, ["init", "--db", db])
        let arguments = ["import", "members", roster, "--db", db, "--as-of", "2019-12-31", "--format", "json"]
        let first = try Measure.run(workspace.registrar, arguments)
        let second = try Measure.run(workspace.registrar, arguments)

        let plain = workspace.path("plain.sqlite")
        let script = workspace.path("import.sql")
        try """
            CREATE TABLE roster (member_no TEXT, name TEXT, gender TEXT, birth_date TEXT, id_number TEXT, email TEXT,
              phone TEXT, employer TEXT, title TEXT, discipline TEXT, province TEXT, grade TEXT, join_date TEXT);
            .mode csv
            .import --skip 1 \(roster) roster

            """.write(toFile: script, atomically: true, encoding: .utf8)
        let baseline = try Measure.run("sqlite3", [plain], input: script)

        print(Measure.format("(1) registrar import members, fresh", first))
        print(Measure.format("(2) registrar import members, again", second))
        print(Measure.format("(3) sqlite3 .import (baseline)", baseline))
        print(String(format: "ratio (1)/(3) = %.2f   (2)/(3) = %.2f   peak memory (1) %.1f MiB, (2) %.1f MiB",
                     first.seconds / baseline.seconds, second.seconds / baseline.seconds, first.peakMiB, second.peakMiB))
        try? FileManager.default.removeItem(at: workspace.folder)
    }
}
