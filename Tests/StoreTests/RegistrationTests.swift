import Foundation
import GRDB
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

/// R1 on a temporary registry: good standing in every count, the registrations import, the roster
/// column, lapses and re-joining.
struct RegistrationTests {
    let store: TemporaryRegistry
    init() throws { store = try TemporaryRegistry() }

    func day(_ iso: String) -> Day { Day(iso: iso)! }

    func register(_ memberID: Int64, _ years: Int...) throws {
        try store.registry.write { db in
            for year in years {
                try db.execute(sql: "INSERT INTO registration (member_id, year, recorded_on) VALUES (?, ?, '2019-01-01')",
                               arguments: [memberID, year])
            }
        }
    }

    func require(from year: Int, grace: Int = 3, lapse: Int = 0) throws {
        _ = try store.registry.setSetting(.registrationRequiredFrom, to: String(year))
        _ = try store.registry.setSetting(.registrationGraceMonths, to: String(grace))
        _ = try store.registry.setSetting(.registrationLapseYears, to: String(lapse))
    }

    func importFile(_ kind: FileKind, _ text: String, asOf: String = "2019-12-31", strict: Bool = false,
                    dryRun: Bool = false) throws -> ImportSummary {
        let path = store.folder.appendingPathComponent("\(kind.rawValue)-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var options = ImportOptions(asOf: day(asOf))
        options.strict = strict
        options.dryRun = dryRun
        return try store.registry.importFile(kind, path: path, options: options)
    }

    @Test func withRegistrationNotRequiredEveryoneOnTheRollCounts() throws {
        let a = try store.addMember("A", from: "2015-01-01")
        try store.addMember("B", from: "2016-01-01")
        try register(a, 2018)
        let count = try store.registry.count(on: day("2019-06-30"))
        #expect(count.individual == 2 && count.individualOnRoll == 2)
    }

    @Test func theGraceEndsOnTheLastDayOfMonthGraceMonths() throws {
        let a = try store.addMember("A", from: "2015-01-01")
        try register(a, 2018)
        try require(from: 2018, grace: 3)
        #expect(try store.registry.count(on: day("2019-03-31")).individual == 1)
        let april = try store.registry.count(on: day("2019-04-01"))
        #expect(april.individual == 0 && april.individualOnRoll == 1 && april.unregistered == 1)
        try require(from: 2018, grace: 0)
        #expect(try store.registry.count(on: day("2018-12-31")).individual == 1)
        #expect(try store.registry.count(on: day("2019-01-01")).individual == 0)
    }

    @Test func joiningRegistersTheYearJoinedAndEarlierYearsCountAsRegistered() throws {
        try store.addMember("NEW", from: "2019-02-01")
        try store.addMember("OLD", from: "2015-01-01")
        try require(from: 2019, grace: 3)
        #expect(try store.registry.count(on: day("2018-12-31")).individual == 1) // NEW has not joined yet
        #expect(try store.registry.count(on: day("2019-03-31")).individual == 2)
        let december = try store.registry.count(on: day("2019-12-31"))
        #expect(december.individual == 1 && december.individualOnRoll == 2)
        #expect(try store.registry.registrationStatus(key: "NEW", on: day("2019-12-31")).inGoodStanding)
        #expect(try !store.registry.registrationStatus(key: "OLD", on: day("2019-12-31")).inGoodStanding)
    }

    /// Members registered in every pattern around the boundaries, for comparing the SQL and Swift
    /// forms: gaps before and inside the latest run of years, and members with more than one period
    /// (one ending in a year and the next starting later in it, a re-join in the grace months).
    static let boundaryPatterns: [(periods: [(start: String, end: String?)], years: [Int])] = [
        ([("2015-01-01", nil)], []), ([("2015-01-01", nil)], [2018]), ([("2015-01-01", nil)], [2019]),
        ([("2015-01-01", nil)], [2018, 2019]), ([("2019-03-31", nil)], []), ([("2018-04-01", nil)], []),
        ([("2016-02-29", "2019-04-01")], [2018]), ([("2020-02-29", nil)], []), ([("2015-01-01", "2019-03-31")], [2018]),
        ([("2017-06-30", nil)], [2020]), ([("2015-01-01", nil)], [2017]),
        ([("2015-01-01", nil)], [2016, 2018, 2019]), ([("2015-01-01", nil)], [2016, 2017, 2019, 2020]),
        ([("2015-01-01", nil)], [2019, 2021]), ([("2015-01-01", nil)], [2017, 2018, 2020]),
        ([("2015-01-01", "2019-06-30"), ("2019-09-01", nil)], []), ([("2015-01-01", "2019-06-30"), ("2019-09-01", nil)], [2018]),
        ([("2015-01-01", "2018-11-30"), ("2019-02-01", nil)], [2017]), ([("2015-01-01", "2018-03-31"), ("2018-12-31", nil)], []),
        ([("2016-05-01", "2019-12-31"), ("2020-01-01", "2020-02-29")], [2019]),
    ]

    func boundaryRegistry() throws {
        for (index, pattern) in Self.boundaryPatterns.enumerated() {
            let first = pattern.periods[0]
            let id = try store.addMember("P\(index)", from: first.start, until: first.end)
            try store.registry.write { db in
                for period in pattern.periods.dropFirst() {
                    try db.execute(sql: "INSERT INTO membership_period (member_id, start_date, end_date, end_reason) VALUES (?, ?, ?, ?)",
                                   arguments: [id, period.start, period.end, period.end == nil ? nil : "resigned"])
                }
            }
            for year in pattern.years { try register(id, year) }
        }
    }

    /// R1 read straight off the patterns, by `Standing`'s Swift form: the members in good standing on `day`.
    func expectedInGoodStanding(on day: Day, rule: RegistrationRule) -> Set<String> {
        Set(Self.boundaryPatterns.enumerated().compactMap { index, pattern -> String? in
            let onRoll = pattern.periods.contains { period in
                Standing.isOnRoll(start: DayNumber(Day(iso: period.start)!), end: period.end.map { DayNumber(Day(iso: $0)!) },
                                  on: DayNumber(day))
            }
            let good = Standing.isInGoodStanding(onRoll: onRoll, on: day, rule: rule) { year in
                Standing.isRegistered(for: year, rule: rule, recorded: pattern.years.contains(year),
                                      joined: pattern.periods.contains { Int($0.start.prefix(4)) == year })
            }
            return good ? "P\(index)" : nil
        })
    }

    /// The periods' registration spans in the three states a registry can hold them in: not derived
    /// (NULL, as the SQL above inserts them), derived member by member, and derived in one pass.
    func eachSpanState(_ body: (String) throws -> Void) throws {
        try store.registry.write { db in try db.execute(sql: "UPDATE membership_period SET registered_from = NULL, registered_through = NULL") }
        try body("spans not derived")
        try store.registry.write { db in
            try RegistrationSpans.refresh(db, members: try Int64.fetchAll(db, sql: "SELECT id FROM member"))
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM membership_period WHERE registered_through IS NULL") == 0)
        }
        try body("spans derived member by member")
        try store.registry.write { db in
            try db.execute(sql: "UPDATE membership_period SET registered_from = 5, registered_through = 6")
            try RegistrationSpans.refreshAll(db)
        }
        try body("spans derived in one pass")
    }

    @Test func theSQLAndSwiftFormsOfGoodStandingAgreeOnBoundaryDays() throws {
        try boundaryRegistry()
        for grace in [0, 3] {
            try require(from: 2018, grace: grace)
            let rule = try store.registry.settings().registration
            try eachSpanState { state in
                for iso in ["2017-12-31", "2018-01-01", "2018-03-31", "2018-04-01", "2018-12-31", "2019-01-01", "2019-03-30",
                            "2019-03-31", "2019-04-01", "2019-06-30", "2019-08-31", "2019-09-01", "2019-12-31", "2020-01-01",
                            "2020-02-29", "2020-03-31", "2020-04-01", "2021-03-31", "2021-04-01"] {
                    let day = day(iso)
                    let expected = expectedInGoodStanding(on: day, rule: rule)
                    try store.registry.read { db in
                        let bySQL = try Set(String.fetchAll(db, sql: """
                            SELECT m.member_no FROM membership_period p JOIN member m ON m.id = p.member_id
                            WHERE \(Standing.goodStandingSQL(period: "p", member: "p.member_id", on: "?1", day: day, rule: rule))
                            """, arguments: [day.iso]))
                        let native = try GoodStanding(db, on: day, rule: rule)
                        let byArray = try Set(Row.fetchAll(db, sql: "SELECT id, member_no FROM member").compactMap { row -> String? in
                            native.periodStart(of: row["id"]) == nil ? nil : row["member_no"]
                        })
                        #expect(bySQL == expected, "grace \(grace) on \(iso), \(state)")
                        #expect(byArray == expected, "grace \(grace) on \(iso), \(state)")
                        #expect(native.inGoodStanding == expected.count)
                        #expect(try Registry.count(db, on: day).individual == expected.count, "grace \(grace) on \(iso), \(state)")
                    }
                }
            }
        }
    }

    /// The renewal work list (read from the period's span) is R1's Swift form read off the patterns:
    /// on the roll on the day, not registered for the year; and its count is the list's length.
    @Test func theRenewalWorkListAgreesWithTheSwiftFormOnBoundaryDays() throws {
        try boundaryRegistry()
        try require(from: 2018, grace: 3)
        let rule = try store.registry.settings().registration
        try eachSpanState { state in
            for (year, iso) in [(2018, "2018-12-31"), (2019, "2019-06-30"), (2019, "2019-12-31"), (2020, "2020-01-01"),
                                (2020, "2020-02-29"), (2021, "2021-12-31"), (2017, "2017-12-31")] {
                let day = day(iso)
                let expected = Self.boundaryPatterns.enumerated().compactMap { index, pattern -> String? in
                    let onRoll = pattern.periods.contains { period in
                        Standing.isOnRoll(start: DayNumber(Day(iso: period.start)!), end: period.end.map { DayNumber(Day(iso: $0)!) },
                                          on: DayNumber(day))
                    }
                    let registered = Standing.isRegistered(for: year, rule: rule, recorded: pattern.years.contains(year),
                                                           joined: pattern.periods.contains { Int($0.start.prefix(4)) == year })
                    return onRoll && !registered ? "P\(index)" : nil
                }.sorted()
                let due = try store.registry.registrationDue(year: year, on: day).compactMap(\.memberNo)
                #expect(due == expected, "\(year) on \(iso), \(state)")
                #expect(try store.registry.registrationDueCount(year: year, on: day) == expected.count, "\(year) on \(iso), \(state)")
            }
        }
    }

    /// Renewals in the monthly report's three windows (one pass over the registrations) are the
    /// registrations dated in each, by paid_on, else the as-of day of the import that recorded them,
    /// with the windows' first and last days included; a January report's last month is December.
    @Test func renewalsAreCountedInEachWindowToTheDay() throws {
        let a = try store.addMember("A", from: "2010-01-01")
        let b = try store.addMember("B", from: "2010-01-01")
        try store.registry.write { db in
            for (member, year, paid, recorded) in [(a, 2015, "2018-12-31", "2019-01-05"), (a, 2016, "2019-01-01", "2019-01-05"),
                                                   (a, 2017, "2019-01-31", "2019-01-05"), (a, 2018, "2019-02-01", "2019-02-05"),
                                                   (a, 2019, "2019-02-28", "2019-03-01"), (b, 2015, nil, "2019-02-15"),
                                                   (b, 2016, nil, "2019-03-01"), (b, 2017, "2018-11-30", "2019-01-05"),
                                                   (b, 2018, "2018-12-01", "2019-01-05"), (b, 2019, nil, "2017-12-31")] as [(Int64, Int, String?, String)] {
                try db.execute(sql: "INSERT INTO registration (member_id, year, paid_on, recorded_on) VALUES (?, ?, ?, ?)",
                               arguments: [member, year, paid, recorded])
            }
        }
        func renewals(_ month: String) throws -> [Int] {
            let parts = month.split(separator: "-").compactMap { Int($0) }
            return try store.registry.monthlyReport(month: YearMonth(year: parts[0], month: parts[1])!).activity.map(\.renewals)
        }
        // This month, last month, the year to date.
        #expect(try renewals("2019-02") == [3, 2, 5])
        #expect(try renewals("2019-01") == [2, 2, 2])
        #expect(try renewals("2018-12") == [2, 1, 3])
        #expect(try renewals("2019-03") == [1, 3, 6])
    }

    @Test func monthEndSeriesAgreeWithTheCountOnEachMonthsLastDay() throws {
        try boundaryRegistry()
        try require(from: 2018, grace: 3)
        let rule = try store.registry.settings().registration
        let range = YearMonth(year: 2017, month: 1)!...YearMonth(year: 2021, month: 12)!
        try eachSpanState { state in
            for flow in try store.registry.monthlyFlows(range) {
                #expect(flow.endCount == expectedInGoodStanding(on: flow.month.lastDay, rule: rule).count, "\(flow.month), \(state)")
                #expect(flow.endCount == (try store.registry.count(on: flow.month.lastDay).individual), "\(flow.month), \(state)")
            }
        }
        let segments = try store.registry.segmentSizes(on: day("2019-04-01"), segments: BuiltInSegments.all)
        let members = try store.registry.count(on: day("2019-04-01")).individual
        #expect(members < Self.boundaryPatterns.count)
        #expect(segments.filter { $0.segment.population == .members }.allSatisfy { $0.population == members })
    }

    @Test func lapseEndsTheMembershipOn1JanuaryOfLPlusNPlusOneOnceOnly() throws {
        let a = try store.addMember("A", from: "2015-01-01")
        let b = try store.addMember("B", from: "2015-01-01")
        try register(a, 2016, 2017)
        try register(b, 2017, 2018)
        try require(from: 2017, grace: 3, lapse: 1)
        #expect(try store.registry.lapseUnregistered(asOf: day("2019-01-01"), dryRun: true, maxLapseBasisPoints: 10_000)
                == LapseResult(lapsed: 1, dryRun: true))
        #expect(try store.registry.count(on: day("2019-01-01")).individualOnRoll == 2)
        #expect(throws: RegistrationError.self) {
            try store.registry.lapseUnregistered(asOf: day("2019-01-01"), dryRun: false, maxLapseBasisPoints: 1000)
        }
        #expect(try store.registry.lapseUnregistered(asOf: day("2019-01-01"), dryRun: false, maxLapseBasisPoints: 10_000)
                == LapseResult(lapsed: 1, dryRun: false))
        let ended = try store.registry.read { db in
            try Row.fetchOne(db, sql: "SELECT end_date, end_reason FROM membership_period WHERE member_id = ?", arguments: [a])
        }
        #expect(ended?["end_date"] == "2019-01-01" && ended?["end_reason"] == "unregistered")
        #expect(try store.registry.count(on: day("2018-12-31")).individualOnRoll == 2)
        #expect(try store.registry.count(on: day("2019-01-01")).individualOnRoll == 1)
        #expect(try store.registry.lapseUnregistered(asOf: day("2019-01-01"), dryRun: false, maxLapseBasisPoints: 10_000).lapsed == 0)
        #expect(try store.registry.auditEntries().contains { $0.action == "registration.lapse" })

        // Registering again re-joins: a new period.
        let summary = try importFile(.registrations, "会员编号,注册年度,缴费日期,金额\nA,2019,2019-05-06,200\n")
        #expect(summary.inserted == 1)
        // A counts again from the payment; B, registered through 2018, is on the roll but past the grace.
        let rejoined = try store.registry.count(on: day("2019-05-06"))
        #expect(rejoined.individualOnRoll == 2 && rejoined.individual == 1)
        #expect(try store.registry.count(on: day("2019-05-05")).individualOnRoll == 1)
        #expect(try store.registry.registrationStatus(key: "A", on: day("2019-05-06")).inGoodStanding)
    }

    @Test func lapseNeedsTheSettings() throws {
        try store.addMember("A", from: "2015-01-01")
        #expect(throws: RegistrationError.self) {
            try store.registry.lapseUnregistered(asOf: day("2019-01-01"), dryRun: true, maxLapseBasisPoints: 1000)
        }
    }

    @Test func registrationsImportAndReImportUnchanged() throws {
        try store.addMember("A", from: "2015-01-01")
        try store.addMember("B", from: "2018-06-01")
        let file = "member_no,year,paid_on,amount,receipt\nA,2018,2018-02-01,200,R1\nA,2019年,2019/1/15,\"1,200.50\",R2\nB,2018,,,\n"
        let first = try importFile(.registrations, file)
        #expect(first.inserted == 3 && first.rejected == 0)
        let again = try importFile(.registrations, file)
        #expect(again.unchanged == 3 && again.inserted == 0)
        let amount = try store.registry.read { db in try Int.fetchOne(db, sql: "SELECT amount_fen FROM registration WHERE year = 2019") }
        #expect(amount == 120_050)
        let changed = try importFile(.registrations, "member_no,year,amount\nA,2018,300\n")
        #expect(changed.updated == 1)
    }

    @Test func badRegistrationRowsAreRejectedWithLineColumnAndReason() throws {
        try store.addMember("A", from: "2016-01-01")
        let summary = try importFile(.registrations, """
            会员编号,注册年度,金额
            A,2018,200
            A,18,200
            Z9,2018,200
            A,2019,two hundred
            A,2015,200
            A,2018,200

            """)
        #expect(summary.inserted == 1 && summary.rejected == 5)
        let rejects = try String(contentsOfFile: try #require(summary.rejectsFile), encoding: .utf8)
        for expected in ["3,注册年度", "'18' is not a year", "4,会员编号", "5,金额", "not an amount of money", "6,注册年度",
                         "before the member joined", "7,注册年度", "first on line 2"] {
            #expect(rejects.contains(expected), "\(expected)")
        }
        #expect(throws: (any Error).self) { try importFile(.registrations, "会员编号,注册年度\nA,2019\nA,xx\n", strict: true) }
        let dry = try importFile(.registrations, "会员编号,注册年度\nA,2019\n", dryRun: true)
        #expect(dry.inserted == 1)
        #expect(try store.registry.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM registration") } == 1)
    }

    @Test func theRosterColumnRecordsRegistrationsOnceAndRejectsBadValues() throws {
        let roster = """
            会员编号,姓名,入会日期,年度注册
            A1,张三,2015-01-01,2017、2018
            A2,李四,2016-01-01,是
            A3,王五,2016-01-01,否
            A4,赵六,2016-01-01,maybe

            """
        let first = try importFile(.members, roster)
        #expect(first.rejected == 1 && first.unknownColumns.isEmpty)
        let rejects = try String(contentsOfFile: try #require(first.rejectsFile), encoding: .utf8)
        #expect(rejects.contains("5,年度注册") && rejects.contains("'maybe' is not a registration"))
        let years = { try self.store.registry.read { db in
            try Row.fetchAll(db, sql: "SELECT m.member_no, r.year FROM registration r JOIN member m ON m.id = r.member_id ORDER BY 1, 2")
                .map { "\($0["member_no"] as String):\($0["year"] as Int)" }
        } }
        #expect(try years() == ["A1:2017", "A1:2018", "A2:2019"])
        _ = try importFile(.members, roster)
        #expect(try years() == ["A1:2017", "A1:2018", "A2:2019"])
    }

    /// The roster's registration column refuses a year before the member's first period as the
    /// registrations file does: for a new member (the row's join date), a member on record (their
    /// earliest period), and a row that corrects the start of a member's only period.
    @Test func theRosterColumnRejectsAYearBeforeTheFirstPeriod() throws {
        let first = try importFile(.members, "会员编号,姓名,入会日期,年度注册\nB1,张三,2016-03-01,2016\nB2,李四,2016-03-01,2015\nB3,王五,2016-03-01,\n")
        #expect(first.inserted == 2 && first.rejected == 1)
        var rejects = try String(contentsOfFile: try #require(first.rejectsFile), encoding: .utf8)
        #expect(rejects.contains("3,年度注册,2015 is before the member joined (2016-03-01); check the year"))
        // Nothing of the refused row is kept.
        #expect(try store.registry.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM member WHERE member_no = 'B2'") } == 0)

        let later = try importFile(.members, "会员编号,姓名,年度注册\nB1,张三,2015\nB3,王五,2017\n")
        #expect(later.rejected == 1 && later.updated + later.unchanged == 1)
        rejects = try String(contentsOfFile: try #require(later.rejectsFile), encoding: .utf8)
        #expect(rejects.contains("2,年度注册,2015 is before the member joined (2016-03-01)"))

        // B3's only period, still open, is moved to 2018: a 2017 registration is then before it.
        let corrected = try importFile(.members, "会员编号,姓名,入会日期,年度注册\nB3,王五,2018-01-01,2017\n")
        #expect(corrected.rejected == 1)
        let years = try store.registry.read { db in
            try Int.fetchAll(db, sql: "SELECT r.year FROM registration r JOIN member m ON m.id = r.member_id ORDER BY m.member_no, r.year")
        }
        #expect(years == [2016, 2017])
    }

    /// The imports keep the periods' registration spans in step: after each, every span is what a
    /// derivation from scratch gives, and counts agree with the registration table read directly.
    @Test func importsKeepTheRegistrationSpansInStep() throws {
        func spans() throws -> [String] {
            try store.registry.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT m.member_no, p.start_date, p.registered_from, p.registered_through
                    FROM membership_period p JOIN member m ON m.id = p.member_id ORDER BY 1, 2
                    """).map { "\($0[0] as String) \($0[1] as String) \(($0[2] as Int?).map(String.init) ?? "-")…\(($0[3] as Int?).map(String.init) ?? "-")" }
            }
        }
        func derivedAfresh() throws -> [String] {
            try store.registry.write { db in try RegistrationSpans.refreshAll(db) }
            return try spans()
        }
        _ = try importFile(.members, "会员编号,姓名,入会日期,年度注册\nC1,张三,2015-01-01,2017、2018\nC2,李四,2016-01-01,\nC3,王五,2016-01-01,2019\n")
        var now = try spans()
        #expect(now == (try derivedAfresh()))
        #expect(now.contains("C1 2015-01-01 2017…2018"))
        _ = try importFile(.registrations, "member_no,year\nC1,2019\nC2,2016\nC2,2018\nC3,2017\n")
        now = try spans()
        #expect(now == (try derivedAfresh()))
        #expect(now.contains("C1 2015-01-01 2017…2019") && now.contains("C2 2016-01-01 2018…2018") && now.contains("C3 2016-01-01 2019…2019"))
        // A roster adding a member: their period is derived too (a registry with registrations).
        _ = try importFile(.members, "会员编号,姓名,入会日期\nC4,赵六,2019-05-01\n")
        now = try spans()
        #expect(now == (try derivedAfresh()))
        #expect(now.contains("C4 2019-05-01 0…0"))
        try require(from: 2018)
        #expect(try store.registry.count(on: day("2019-12-31")).individual == 3) // C1, C3 registered; C4 joined in 2019
    }

    @Test func settingsOutOfRangeNameTheSetting() throws {
        for (key, value) in [(SocietySettings.Key.registrationRequiredFrom, "1800"), (.registrationGraceMonths, "12"),
                             (.registrationLapseYears, "-1"), (.registrationGraceMonths, "x")] {
            #expect(throws: SettingsError.self) { try store.registry.setSetting(key, to: value) }
            do { _ = try store.registry.setSetting(key, to: value) } catch let error as SettingsError {
                #expect(error.message(.en).contains(key.rawValue) && error.message(.zh).contains(key.rawValue))
            }
        }
        #expect(try store.registry.setSetting(.registrationRequiredFrom, to: "2018").registration.requiredFrom == 2018)
        #expect(try store.registry.setSetting(.registrationRequiredFrom, to: "").registration.requiredFrom == nil)
    }
}
