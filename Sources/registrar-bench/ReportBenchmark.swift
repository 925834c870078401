import Foundation
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

/// Issue 4's benchmark: `report monthly` (its whole 120-month series, breakdowns included) against
/// sqlite3 counting the members in good standing on one day over the same periods, in one run.
struct ReportBenchmark {
    let rows: Int
    let workspace: Workspace

    func run() throws {
        let db = workspace.path("registry.sqlite")
        _ = try Measure.run(workspace.registrar, ["init", "--db", db])
        // Ten years of history, generated in SQL: joins spread over 2010–2019, three in ten ended.
        let script = workspace.path("history.sql")
        try Self.historyScript(rows: rows).write(toFile: script, atomically: true, encoding: .utf8)
        let setup = try Measure.run("sqlite3", [db], input: script)
        print(Measure.format("setup: \(rows) members, ten years of periods", setup))

        let report = try best(of: 3) {
            try Measure.run(workspace.registrar, ["report", "monthly", "--month", "2019-12", "--format", "json", "--db", db])
        }
        let count = try best(of: 3) {
            try Measure.run("sqlite3", [db, """
                SELECT count(*) FROM membership_period
                WHERE start_date <= '2019-12-31' AND (end_date IS NULL OR end_date > '2019-12-31')
                """])
        }
        // The series alone, in this process: the 120 month-end counts against one count, same connection.
        let registry = try Registry.open(path: db, mode: .existing)
        let month = try present(YearMonth(year: 2019, month: 12), "month")
        let seriesSeconds = try fastest(of: 5) { _ = try registry.monthlyFlows(month.adding(months: -119)...month) }
        let countSeconds = try fastest(of: 5) { _ = try registry.count(on: Day(derivedYear: 2019, month: 12, day: 31)) }
        print(String(format: "in process: 120-month series %.3f s, one count %.3f s, ratio %.2f",
                     seriesSeconds, countSeconds, seriesSeconds / countSeconds))
        print(Measure.format("registrar report monthly (120 months + breakdowns)", report))
        print(Measure.format("sqlite3 one count(*) at 2019-12-31 (baseline)", count))
        print(String(format: "ratio report/count = %.2f (wall), %.2f (process time)",
                     report.seconds / count.seconds, report.cpuSeconds / max(count.cpuSeconds, 0.001)))
        try? FileManager.default.removeItem(at: workspace.folder)
    }

    /// SQL that fills a registry with `rows` members and their periods: joins spread over 2010–2019,
    /// three in ten ended. Shared with the web benchmark.
    static func historyScript(rows: Int) -> String {
        """
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
                SELECT id, date('2010-01-01', '+' || (id * 7919 % 3652) || ' days') AS s,
                       CASE WHEN id % 10 < 3
                            THEN date('2010-01-01', '+' || (id * 7919 % 3652 + 1 + id % 1500) || ' days') END AS e
                FROM member);
            COMMIT;

            """
    }

    func fastest(of count: Int, _ body: () throws -> Void) throws -> Double {
        var best = Double.infinity
        for _ in 0..<count {
            let start = DispatchTime.now()
            try body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
        }
        return best
    }

    func best(of count: Int, _ body: () throws -> Measurement) throws -> Measurement {
        var runs: [Measurement] = []
        for _ in 0..<count { runs.append(try body()) }
        return runs.min { $0.seconds < $1.seconds }!
    }
}
