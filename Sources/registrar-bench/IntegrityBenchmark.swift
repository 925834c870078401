import Foundation

/// Issue 5's benchmark: with 1,000,000 members and 100,000 cases, the process time of
/// `integrity lookup` by identity number and of `integrity check`, beside sqlite3 answering the
/// same indexed question, in the same run.
struct IntegrityBenchmark {
    let rows: Int
    let workspace: Workspace

    func run() throws {
        let roster = workspace.path("roster.csv")
        try RosterGenerator(rows: rows).write(to: roster)
        let db = workspace.path("registry.sqlite")
        _ = try Measure.run(workspace.registrar, ["init", "--db", db])
        let load = try Measure.run(workspace.registrar, ["import", "members", roster, "--db", db, "--as-of", "2019-12-31", "--format", "json"])
        print(Measure.format("setup: import \(rows) members", load))

        let cases = workspace.path("cases.csv")
        let caseCount = rows / 10
        let file = try ChunkedFile(path: cases)
        file.append("案件编号,会员编号,立案日期,问题类型,状态,认定结果,处理日期,处理措施,处理开始日期,处理结束日期\n")
        let sanctions = ["警告", "通报批评", "禁止推荐", "暂停会籍", "撤销奖励"]
        for index in 0..<caseCount {
            let member = String(format: "M%08d", index * 10 + 1)
            file.append("C\(index),\(member),2018-01-02,剽窃,已处理,属实,2018-06-01,\(sanctions[index % sanctions.count]),2018-06-01,2021-06-01\n")
        }
        try file.close()
        let loadCases = try Measure.run(workspace.registrar, ["import", "integrity", cases, "--db", db, "--as-of", "2019-12-31", "--format", "json"])
        print(Measure.format("setup: import \(caseCount) cases", loadCases))

        // A member with a blocking case: case numbers ≡ 2 (mod 5) carry a nomination ban.
        let blockingCase = caseCount / 2 - (caseCount / 2) % 5 + 2
        let memberNo = String(format: "M%08d", blockingCase * 10 + 1)
        let idNumber = try Measure.output("sqlite3", [db, "SELECT id_number FROM member WHERE member_no = '\(memberNo)'"])
        let lookup = try best(of: 5) { try Measure.run(workspace.registrar, ["integrity", "lookup", idNumber.lowercased(), "--db", db]) }
        let check = try best(of: 5) { try Measure.run(workspace.registrar, ["integrity", "check", memberNo, "--on", "2019-01-01", "--db", db]) }
        let baseline = try best(of: 5) {
            try Measure.run("sqlite3", [db, "SELECT c.* FROM member m JOIN integrity_case c ON c.member_id = m.id WHERE m.id_number = '\(idNumber)'"])
        }
        print(Measure.format("integrity lookup <identity number>", lookup))
        print(Measure.format("integrity check <member number> (exit 3)", check))
        print(Measure.format("sqlite3: the same indexed SELECT (baseline)", baseline))
        print(String(format: "process time (user+sys): lookup %.0f ms, check %.0f ms, sqlite3 %.0f ms; ratios %.2f and %.2f",
                     lookup.cpuSeconds * 1000, check.cpuSeconds * 1000, baseline.cpuSeconds * 1000,
                     lookup.cpuSeconds / max(baseline.cpuSeconds, 0.001), check.cpuSeconds / max(baseline.cpuSeconds, 0.001)))
        try? FileManager.default.removeItem(at: workspace.folder)
    }

    /// The run with the least process time, so a stray load on the machine does not count.
    func best(of count: Int, _ body: () throws -> Measurement) throws -> Measurement {
        var runs: [Measurement] = []
        for _ in 0..<count { runs.append(try body()) }
        return runs.min { $0.cpuSeconds < $1.cpuSeconds }!
    }
}
