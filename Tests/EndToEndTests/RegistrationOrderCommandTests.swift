import Foundation
import Testing

/// Issue 15's findings on the built binary: the order of a registrations file cannot change who
/// re-joins after a lapse; registrations that belong to no period are refused in both languages;
/// `count`, `registration status`, `segments` and `integrity check` take `--as-of` and `--on` alike.
struct RegistrationOrderCommandTests {
    /// A1 (from 2015, registered for 2017 and 2018) lapsed on 2020-01-01; A2 resigned on 2019-06-30.
    func lapsedRegistry() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        let roster = scratch.path("roster.csv")
        try "会员编号,姓名,入会日期,会员状态,退会日期,年度注册\nA1,张三,2015-01-01,,,2017、2018\nA2,李四,2015-01-01,退会,2019-06-30,2017\n"
            .write(toFile: roster, atomically: true, encoding: .utf8)
        let imported = try scratch.json(["import", "members", roster, "--as-of", "2019-12-31", "--db", scratch.db,
                                         "--rejects", scratch.path("roster-rejects.csv")])
        #expect(imported["inserted"] as? Int == 2 && imported["rejected"] as? Int == 0)
        for (key, value) in [("registration.required_from", "2017"), ("registration.lapse_years", "1")] {
            try scratch.run(["settings", "set", key, value, "--db", scratch.db])
        }
        let lapse = try scratch.json(["registration", "lapse", "--as-of", "2020-01-01", "--max-lapse", "100", "--db", scratch.db])
        #expect(lapse["lapsed"] as? Int == 1)
        return scratch
    }

    /// What the registry says about A1 after importing `rows`: the periods, the counts and standing.
    func afterImporting(_ rows: [String]) throws -> [String] {
        let scratch = try lapsedRegistry()
        let file = scratch.path("registrations.csv")
        try ("会员编号,注册年度,缴费日期,金额\n" + rows.map { $0 + "\n" }.joined()).write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try scratch.json(["import", "registrations", file, "--as-of", "2021-12-31", "--db", scratch.db,
                                         "--rejects", scratch.path("rejects.csv")])
        #expect(imported["inserted"] as? Int == 3 && imported["rejected"] as? Int == 0)
        let member = try scratch.json(["member", "show", "A1", "--db", scratch.db])
        let periods = (member["periods"] as? [[String: Any]] ?? []).map { "\($0["start_date"] ?? "")…\($0["end_date"] ?? "")" }
        var result = periods
        for day in ["2020-01-01", "2020-06-30", "2021-01-31", "2021-02-01"] {
            let count = try scratch.json(["count", "--as-of", day, "--db", scratch.db])
            let status = try scratch.json(["registration", "status", "A1", "--on", day, "--db", scratch.db])
            result.append("\(day) \(count["individual"] ?? "") \(status["in_good_standing"] ?? "")")
        }
        return result
    }

    @Test func theRowOrderOfARegistrationsFileDoesNotChangeWhoRejoins() throws {
        let rows = ["A1,2019,2019-03-01,200", "A1,2020,2019-12-20,200", "A1,2021,2021-02-01,200"]
        let inOrder = try afterImporting(rows)
        #expect(inOrder.contains("2020-06-30 1 1"), "\(inOrder)")
        #expect(inOrder.count == 6 && inOrder[1].hasPrefix("2020-01-01…"), "\(inOrder)")
        #expect(try afterImporting(rows.reversed()) == inOrder)
        #expect(try afterImporting([rows[0], rows[2], rows[1]]) == inOrder)
    }

    @Test func registrationsThatBelongToNoPeriodAreRefusedInBothLanguages() throws {
        let scratch = try lapsedRegistry()
        let file = scratch.path("registrations.csv")
        try "会员编号,注册年度,缴费日期,金额\nA2,2019,2019-02-01,200\nA2,2020,2020-01-10,200\nA1,2020,2099-01-01,200\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        for (language, expected) in [
            ("en", ["3,注册年度,2020 is after the membership ended on 2019-06-30 (resigned); re-admit the member through the roster first",
                    "4,缴费日期,payment date 2099-01-01 is after the day the file describes (--as-of 2020-12-31); check the date"]),
            ("zh", ["3,注册年度,2020 年晚于该会员会籍终止日期 2019-06-30（退会）；请先通过会员名册重新接纳该会员",
                    "4,缴费日期,缴费日期 2099-01-01 晚于本文件的截至日期（--as-of 2020-12-31）；请核对日期"]),
        ] {
            let rejects = scratch.path("rejects-\(language).csv")
            let dry = try scratch.json(["import", "registrations", file, "--as-of", "2020-12-31", "--dry-run", "--db", scratch.db,
                                        "--rejects", rejects, "--lang", language])
            #expect(dry["inserted"] as? Int == 1 && dry["rejected"] as? Int == 2)
            let text = try String(contentsOfFile: rejects, encoding: .utf8)
            for line in expected { #expect(text.contains(line), "\(language): \(text)") }
        }
        let status = try scratch.json(["registration", "status", "A2", "--on", "2020-06-30", "--db", scratch.db])
        #expect(status["recorded_years"] as? [Int] == [2017])
    }

    /// Each command that reads the registry on a day documents one spelling and takes the other.
    @Test func dayCommandsTakeAsOfAndOnAlike() throws {
        let scratch = try lapsedRegistry()
        // On 2019-03-31 A1 is in the grace of 2018; A2 is on the roll, registered for 2017 only.
        let asOf = try scratch.json(["count", "--as-of", "2019-03-31", "--db", scratch.db])
        let on = try scratch.json(["count", "--on", "2019/03/31", "--db", scratch.db])
        #expect(asOf["individual"] as? Int == 1 && on["individual"] as? Int == 1 && on["as_of"] as? String == "2019-03-31")
        #expect(on["individual_on_roll"] as? Int == 2)
        let statusOn = try scratch.json(["registration", "status", "A1", "--on", "20200101", "--db", scratch.db])
        let statusAsOf = try scratch.json(["registration", "status", "A1", "--as-of", "2020-01-01", "--db", scratch.db])
        #expect(statusOn["on"] as? String == "2020-01-01" && statusAsOf["on"] as? String == "2020-01-01")
        #expect(statusOn["on_roll"] as? Bool == false)
        let segmentsOn = try scratch.run(["segments", "--on", "2019-12-31", "--format", "json", "--db", scratch.db])
        let segmentsAsOf = try scratch.run(["segments", "--as-of", "2019-12-31", "--format", "json", "--db", scratch.db])
        #expect(segmentsOn.status == 0 && segmentsOn.stdout == segmentsAsOf.stdout)
        let check = try scratch.run(["integrity", "check", "A1", "--as-of", "2019-12-31", "--db", scratch.db])
        #expect(check.status == 0)
        let both = try scratch.run(["count", "--as-of", "2019-12-31", "--on", "2020-01-01", "--db", scratch.db, "--lang", "zh"])
        #expect(both.status == 2 && both.stderr.contains("--as-of 与 --on 给出的日期不同"))
        let help = try scratch.run(["count", "--help"])
        #expect(help.stdout.contains("--as-of") && !help.stdout.contains("--on"))
    }
}
