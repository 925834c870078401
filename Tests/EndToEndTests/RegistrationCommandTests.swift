import Foundation
import Testing

/// Annual registration as staff run it: settings, `import registrations`, counts, reports and the
/// `registration` commands on the built binary.
struct RegistrationCommandTests {
    static let fixtures = repositoryRoot.appendingPathComponent("fixtures")

    /// The 2019 roster and the registrations fixture (12 members registered for 2018, 8 of them for 2019 too).
    func registry(requiredFrom: String = "2018") throws -> Scratch {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        try scratch.run(["import", "units", Self.fixtures.appendingPathComponent("units.csv").path,
                         "--as-of", "2019-12-31", "--db", scratch.db, "--rejects", scratch.path("u.csv")])
        let roster = try scratch.run(["import", "members", Self.fixtures.appendingPathComponent("members-2019-12-31.csv").path,
                                      "--as-of", "2019-12-31", "--db", scratch.db, "--rejects", scratch.path("r.csv")])
        #expect(roster.status == 0)
        let imported = try scratch.json(["import", "registrations", Self.fixtures.appendingPathComponent("registrations.csv").path,
                                         "--as-of", "2019-12-31", "--db", scratch.db, "--rejects", scratch.path("reg-rejects.csv")])
        #expect(imported["inserted"] as? Int == 20 && imported["rejected"] as? Int == 0)
        try scratch.run(["settings", "set", "registration.required_from", requiredFrom, "--db", scratch.db])
        return scratch
    }

    @Test func countsAreOfMembersInGoodStandingAndShowTheRoll() throws {
        let notRequired = try registry(requiredFrom: "none")
        let plain = try notRequired.json(["count", "--as-of", "2019-04-01", "--db", notRequired.db])
        #expect(plain["individual"] as? Int == plain["individual_on_roll"] as? Int)

        let scratch = try registry()
        let march = try scratch.json(["count", "--as-of", "2019-03-31", "--db", scratch.db])
        let april = try scratch.json(["count", "--as-of", "2019-04-01", "--db", scratch.db])
        let onRoll = try #require(april["individual_on_roll"] as? Int)
        #expect(march["individual_on_roll"] as? Int == onRoll)
        #expect(onRoll == plain["individual_on_roll"] as? Int)
        // Joined in 2019 or registered for 2019: in good standing after the grace; the four registered
        // for 2018 only drop out on 1 April.
        #expect((march["individual"] as? Int ?? 0) - (april["individual"] as? Int ?? 0) >= 4)

        let report = try scratch.json(["report", "monthly", "--month", "2019-04", "--db", scratch.db])
        let standing = try #require(report["standing"] as? [String: Any])
        #expect(standing["in_good_standing"] as? Int == report["end_count"] as? Int)
        let activity = try #require(report["activity"] as? [[String: Any]])
        #expect(activity.map { $0["window"] as? String } == ["this_month", "last_month", "year_to_date"])
        #expect(activity[2]["renewals"] as? Int == 8)
        let endOfApril = try scratch.json(["count", "--as-of", "2019-04-30", "--db", scratch.db])
        #expect(activity[0]["in_good_standing"] as? Int == endOfApril["individual"] as? Int)
        let table = try scratch.run(["report", "monthly", "--month", "2019-04", "--db", scratch.db, "--lang", "zh"])
        #expect(table.stdout.contains("未注册") && table.stdout.contains("本年累计"))
        let annual = try scratch.run(["report", "annual", "--year", "2019", "--db", scratch.db])
        #expect(annual.stdout.contains("unregistered"))
    }

    @Test func statusDueAndLapse() throws {
        let scratch = try registry()
        let status = try scratch.json(["registration", "status", "M100102", "--on", "2019-12-31", "--db", scratch.db])
        #expect(status["in_good_standing"] as? Bool == true)
        #expect(status["recorded_years"] as? [Int] == [2018, 2019])

        let out = scratch.path("due.csv")
        let due = try scratch.run(["registration", "due", "--year", "2019", "--format", "csv", "--out", out, "--db", scratch.db])
        #expect(due.status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: out)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let csv = try String(contentsOfFile: out, encoding: .utf8)
        #expect(csv.contains("M100118") && !csv.contains("M100102,"))
        #expect(!csv.contains("21020219520528965X") && csv.contains("*"))
        // On standard output the CSV header is the JSON's keys, in either language.
        for language in ["en", "zh"] {
            let printed = try scratch.run(["registration", "due", "--year", "2019", "--format", "csv", "--lang", language, "--db", scratch.db])
            #expect(printed.stdout.hasPrefix("member_no,name,email,phone,employer,id_number_masked,last_registered\r\n"))
            #expect(!printed.stdout.contains("21020219520528965X"))
        }
        let audit = try scratch.run(["audit", "--db", scratch.db])
        #expect(audit.stdout.contains("registration.due") && audit.stdout.contains("registration.status"))

        try scratch.run(["settings", "set", "registration.lapse_years", "1", "--db", scratch.db])
        let dry = try scratch.json(["registration", "lapse", "--as-of", "2021-01-01", "--dry-run", "--max-lapse", "100", "--db", scratch.db])
        #expect(dry["dry_run"] as? Bool == true)
        let lapsed = try #require(dry["lapsed"] as? Int)
        #expect(lapsed > 0)
        let refused = try scratch.run(["registration", "lapse", "--as-of", "2021-01-01", "--max-lapse", "0", "--db", scratch.db])
        #expect(refused.status == 1 && refused.stderr.contains("--max-lapse"))
        // The setting the refusal suggests is enough, and no more than enough: one less is refused.
        let suggested = try #require(refused.stderr.range(of: #"run again with --max-lapse [0-9]+"#, options: .regularExpression)
            .flatMap { Int(refused.stderr[$0].split(separator: " ").last ?? "") })
        let oneLess = try scratch.run(["registration", "lapse", "--on", "2021-01-01", "--dry-run", "--max-lapse", String(suggested - 1),
                                       "--db", scratch.db])
        #expect(oneLess.status == 1)
        let enough = try scratch.json(["registration", "lapse", "--on", "2021-01-01", "--dry-run", "--max-lapse", String(suggested),
                                       "--db", scratch.db])
        #expect(enough["lapsed"] as? Int == lapsed)
        let noDay = try scratch.run(["registration", "lapse", "--dry-run", "--db", scratch.db, "--lang", "zh"])
        #expect(noDay.status != 0 && noDay.stderr.contains("--as-of"))
        let done = try scratch.json(["registration", "lapse", "--as-of", "2021-01-01", "--max-lapse", "100", "--db", scratch.db])
        #expect(done["lapsed"] as? Int == lapsed && done["dry_run"] as? Bool == false)
        let again = try scratch.json(["registration", "lapse", "--as-of", "2021-01-01", "--max-lapse", "100", "--db", scratch.db])
        #expect(again["lapsed"] as? Int == 0)
    }

    /// A registration year before the member's first period, in the roster's column and in a
    /// registrations file: the row is refused with its line, column and reason, in English and Chinese,
    /// and nothing of it is recorded.
    @Test func aYearBeforeTheFirstPeriodIsRejectedInBothLanguages() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        let roster = scratch.path("roster.csv")
        try "会员编号,姓名,入会日期,年度注册\nE1,张三,2016-03-01,2015、2016\nE2,李四,2016-03-01,2016\n"
            .write(toFile: roster, atomically: true, encoding: .utf8)
        let rosterRejects = scratch.path("roster-rejects.csv")
        let imported = try scratch.json(["import", "members", roster, "--as-of", "2019-12-31", "--db", scratch.db,
                                         "--rejects", rosterRejects])
        #expect(imported["inserted"] as? Int == 1 && imported["rejected"] as? Int == 1)
        let english = try String(contentsOfFile: rosterRejects, encoding: .utf8)
        #expect(english.contains("2,年度注册,2015 is before the member joined (2016-03-01)"))

        let file = scratch.path("registrations.csv")
        try "会员编号,注册年度,金额\nE2,2017,200\nE2,2015,200\n".write(toFile: file, atomically: true, encoding: .utf8)
        let rejects = scratch.path("registration-rejects.csv")
        let zh = try scratch.run(["import", "registrations", file, "--as-of", "2019-12-31", "--db", scratch.db,
                                  "--rejects", rejects, "--lang", "zh"])
        #expect(zh.status == 0)
        let chinese = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(chinese.contains("3,注册年度,2015 年早于该会员入会日期（2016-03-01）；请核对年份"))
        let status = try scratch.json(["registration", "status", "E2", "--on", "2019-12-31", "--db", scratch.db])
        #expect(status["recorded_years"] as? [Int] == [2016, 2017])
        let e1 = try scratch.run(["registration", "status", "E1", "--db", scratch.db])
        #expect(e1.status != 0)
    }

    @Test func aBadSettingNamesItInBothLanguages() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        let en = try scratch.run(["settings", "set", "registration.grace_months", "12", "--db", scratch.db])
        #expect(en.status != 0 && en.stderr.contains("registration.grace_months") && en.stderr.contains("0 to 11"))
        let zh = try scratch.run(["settings", "set", "registration.required_from", "18", "--db", scratch.db, "--lang", "zh"])
        #expect(zh.status != 0 && zh.stderr.contains("registration.required_from") && zh.stderr.contains("年份"))
    }
}
