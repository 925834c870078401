import Foundation

/// Issue 15's benchmark: 1,000,000 members with 3,000,000 registrations. `count`, `report monthly`
/// and `segments` with registration required against the same commands without it, on the same
/// registry in the same run (target: at most 1.5× each), and `import registrations` of the
/// 3,000,000 rows against sqlite3's `.import` of the same file into a plain table (target: 1.0×).
struct RegistrationBenchmark {
    let rows: Int
    let workspace: Workspace

    func run() throws {
        let db = workspace.path("registry.sqlite")
        _ = try Measure.run(workspace.registrar, ["init", "--db", db])
        // Joins spread over 2010–2016, so that three registration years from 2016 on are all after
        // joining; three in ten end, in 2019–2021 (a registration for a year after the membership
        // ended is refused, R1), a fifth not registered for 2019.
        let script = workspace.path("history.sql")
        try """
            PRAGMA journal_mode = WAL;
            BEGIN;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(rows))
            INSERT INTO member (id, member_no, name, gender, birth_date, grade, province, discipline, grassroots)
            SELECT i, printf('B%08d', i), '会员' || i, CASE WHEN i % 2 THEN 'M' ELSE 'F' END,
                   printf('%04d-%02d-%02d', 1950 + i % 50, 1 + i % 12, 1 + i % 28),
                   CASE i % 5 WHEN 0 THEN 'senior' WHEN 1 THEN 'student' ELSE 'regular' END,
                   '省' || (i % 31), '学科' || (i % 40), i % 3 = 0
            FROM n;
            INSERT INTO membership_period (member_id, start_date, end_date, end_reason)
            SELECT id, s, e, CASE WHEN e IS NULL THEN NULL ELSE 'resigned' END FROM (
                SELECT id, date('2010-01-01', '+' || (id * 7919 % 2556) || ' days') AS s,
                       CASE WHEN id % 10 < 3
                            THEN date('2019-01-01', '+' || (id * 7919 % 1000) || ' days') END AS e
                FROM member);
            COMMIT;

            """.write(toFile: script, atomically: true, encoding: .utf8)
        let setup = try Measure.run("sqlite3", [db], input: script)
        print(Measure.format("setup: \(rows) members, periods 2010–2016", setup))

        let file = workspace.path("registrations.csv")
        let out = try ChunkedFile(path: file)
        out.append("member_no,year,paid_on,amount,receipt\n")
        for i in 1...rows {
            let years = i % 5 == 0 ? [2016, 2017, 2018] : [2017, 2018, 2019]
            for year in years {
                out.append("B\(String(format: "%08d", i)),\(year),\(year)-0\(1 + i % 9)-1\(i % 9),200.00,R\(year)\(i)\n")
            }
        }
        try out.close()
        print("registrations file: \(rows * 3) rows")

        let plain = workspace.path("plain.sqlite")
        let importScript = workspace.path("import.sql")
        try """
            CREATE TABLE registration (member_no TEXT, year TEXT, paid_on TEXT, amount TEXT, receipt TEXT);
            .mode csv
            .import --skip 1 \(file) registration

            """.write(toFile: importScript, atomically: true, encoding: .utf8)
        let baseline = try Measure.run("sqlite3", [plain], input: importScript)
        let imported = try Measure.run(workspace.registrar, ["import", "registrations", file, "--as-of", "2019-12-31",
                                                             "--db", db, "--rejects", workspace.path("rejects.csv")])
        print(Measure.format("registrar import registrations", imported))
        print(Measure.format("sqlite3 .import, plain table (baseline)", baseline))
        print(String(format: "ratio import = %.2f wall, %.2f cpu (target ≤ 1.0)", imported.seconds / baseline.seconds,
                     imported.cpuSeconds / baseline.cpuSeconds))
        // The floor for any importer that keeps the registry's registration table (its unique key,
        // year index, checks and foreign keys): SQLite itself loading the same rows into that table,
        // from a staging table filled by .import, with the member found by its number.
        let floor = workspace.path("floor.sqlite")
        let ddl = try Measure.output("sqlite3", [db, """
            SELECT sql || ';' FROM sqlite_master WHERE tbl_name = 'registration' AND sql IS NOT NULL ORDER BY type DESC
            """])
        let prepare = workspace.path("floor-prepare.sql")
        try """
            PRAGMA journal_mode = WAL;
            ATTACH '\(db)' AS r;
            CREATE TABLE import_batch (id INTEGER PRIMARY KEY);
            INSERT INTO import_batch VALUES (1);
            CREATE TABLE member (id INTEGER PRIMARY KEY, member_no TEXT UNIQUE);
            INSERT INTO member SELECT id, member_no FROM r.member;
            DETACH r;
            \(ddl)

            """.write(toFile: prepare, atomically: true, encoding: .utf8)
        _ = try Measure.run("sqlite3", [floor], input: prepare)
        let load = workspace.path("floor-load.sql")
        try """
            PRAGMA foreign_keys = ON;
            CREATE TEMP TABLE staged (member_no TEXT, year TEXT, paid_on TEXT, amount TEXT, receipt TEXT);
            .mode csv
            .import --skip 1 \(file) staged
            INSERT INTO registration (member_id, year, paid_on, amount_fen, receipt, recorded_on, batch_id)
            SELECT m.id, CAST(s.year AS INTEGER), s.paid_on, CAST(round(s.amount * 100) AS INTEGER), s.receipt, '2019-12-31', 1
            FROM staged s JOIN member m ON m.member_no = s.member_no;

            """.write(toFile: load, atomically: true, encoding: .utf8)
        let staged = try Measure.run("sqlite3", [floor], input: load)
        print(Measure.format("sqlite3 .import staged + INSERT…SELECT into the registry's table", staged))
        print(String(format: "ratio of that to the plain .import = %.2f wall, %.2f cpu (SQLite's own floor for this table); registrar import to it = %.2f wall",
                     staged.seconds / baseline.seconds, staged.cpuSeconds / baseline.cpuSeconds, imported.seconds / staged.seconds))
        let again = try Measure.run(workspace.registrar, ["import", "registrations", file, "--as-of", "2019-12-31",
                                                          "--db", db, "--rejects", workspace.path("rejects-again.csv")])
        print(Measure.format("registrar import registrations, again (unchanged)", again))

        let commands: [(String, [String])] = [
            ("count", ["count", "--as-of", "2019-12-31", "--format", "json"]),
            ("report monthly", ["report", "monthly", "--month", "2019-12", "--format", "json"]),
            ("segments", ["segments", "--on", "2019-12-31", "--format", "json"]),
        ]
        // Two registries alike but for the setting, each command run on them in turn, best of 7:
        // switching the setting on one registry wrote to it before each run, and the machine's
        // timing drifts between runs further apart than these. Both are copies made the same way
        // (VACUUM INTO): a copy's pages lie in order, and a scan of it is faster than of the
        // registry the imports wrote, by about a fifth.
        let withoutDB = workspace.path("registry-not-required.sqlite"), withDB = workspace.path("registry-required.sqlite")
        for (copy, setting) in [(withoutDB, "none"), (withDB, "2017")] {
            _ = try Measure.run("sqlite3", [db, "VACUUM INTO '\(copy)'"])
            _ = try Measure.run(workspace.registrar, ["settings", "set", "registration.required_from", setting, "--db", copy])
        }
        var without: [Measurement] = [], with: [Measurement] = []
        for (_, arguments) in commands {
            var runs: (without: [Measurement], with: [Measurement]) = ([], [])
            for _ in 0..<7 {
                runs.without.append(try Measure.run(workspace.registrar, arguments + ["--db", withoutDB]))
                runs.with.append(try Measure.run(workspace.registrar, arguments + ["--db", withDB]))
            }
            without.append(try present(runs.without.min { $0.seconds < $1.seconds }, "runs"))
            with.append(try present(runs.with.min { $0.seconds < $1.seconds }, "runs"))
        }
        for (index, (name, _)) in commands.enumerated() {
            print(Measure.format("\(name), registration not required", without[index]))
            print(Measure.format("\(name), registration required", with[index]))
            print(String(format: "ratio \(name) required/not = %.2f wall, %.2f cpu (target ≤ 1.5)",
                         with[index].seconds / without[index].seconds, with[index].cpuSeconds / without[index].cpuSeconds))
        }
        try? FileManager.default.removeItem(at: workspace.folder)
    }
}
