import Foundation
import GRDB
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore

/// R1's re-join after a lapse follows from the member's set of registrations: the order of a
/// registrations file's rows, of the years in a roster's registration cell, or of several files,
/// gives the same periods and the same counts, on the bulk path (member table loaded, or looked up a
/// row at a time) and on the general path alike. And registrations that cannot belong to a period
/// (after a membership ended other than by lapse, paid after the file's day) are refused.
struct RejoinOrderTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    /// Member A (from 2015, registered for 2017 and 2018) lapsed on 2020-01-01 (`lapse_years` 1).
    /// With `fillers`, members enough that a small file takes the row-at-a-time look-up.
    static func lapsedRegistry(fillers: Int = 0) throws -> TemporaryRegistry {
        let store = try TemporaryRegistry()
        let a = try store.addMember("A", from: "2015-01-01")
        try store.registry.write { db in
            for year in [2017, 2018] {
                try db.execute(sql: "INSERT INTO registration (member_id, year, recorded_on) VALUES (?, ?, '2019-01-01')",
                               arguments: [a, year])
            }
        }
        _ = try store.registry.setSetting(.registrationRequiredFrom, to: "2017")
        _ = try store.registry.setSetting(.registrationGraceMonths, to: "3")
        _ = try store.registry.setSetting(.registrationLapseYears, to: "1")
        let lapse = try store.registry.lapseUnregistered(asOf: day("2020-01-01"), dryRun: false, maxLapseBasisPoints: 10_000)
        #expect(lapse.lapsed == 1)
        try store.registry.write { db in
            for index in 0..<fillers {
                try db.execute(sql: "INSERT INTO member (member_no, name) VALUES (?, '填充')", arguments: ["F\(index)"])
                // Long gone, so they never count on the days compared.
                try db.execute(sql: """
                    INSERT INTO membership_period (member_id, start_date, end_date, end_reason) VALUES (?, '2010-01-01', '2011-01-01', 'resigned')
                    """,
                               arguments: [db.lastInsertedRowID])
            }
        }
        return store
    }

    static func importFile(_ store: TemporaryRegistry, _ kind: FileKind, _ text: String, asOf: String = "2021-12-31") throws -> ImportSummary {
        let path = store.folder.appendingPathComponent("\(kind.rawValue)-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try store.registry.importFile(kind, path: path, options: ImportOptions(asOf: day(asOf)))
    }

    /// A's periods, and who is in good standing on the days around the re-join.
    static func outcome(_ store: TemporaryRegistry) throws -> [String] {
        let periods = try store.registry.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.start_date, p.end_date, p.end_reason FROM membership_period p JOIN member m ON m.id = p.member_id
                WHERE m.member_no = 'A' ORDER BY p.start_date
                """).map { "\($0[0] as String)…\(($0[1] as String?) ?? "")(\(($0[2] as String?) ?? ""))" }
        }
        var result = periods
        for iso in ["2019-12-31", "2020-01-01", "2020-06-30", "2021-01-31", "2021-02-01", "2021-06-30"] {
            let count = try store.registry.count(on: day(iso))
            let status = try store.registry.registrationStatus(key: "A", on: day(iso))
            result.append("\(iso): \(count.individual)/\(count.individualOnRoll) A \(status.onRoll) \(status.inGoodStanding)")
        }
        return result
    }

    /// 2019 (paid 2019-03-01), 2020 (paid in advance, 2019-12-20) and 2021 (paid 2021-02-01).
    static let rows = [(2019, "2019-03-01"), (2020, "2019-12-20"), (2021, "2021-02-01")]

    static func permutations<T>(_ items: [T]) -> [[T]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index -> [[T]] in
            var rest = items
            let first = rest.remove(at: index)
            return permutations(rest).map { [first] + $0 }
        }
    }

    enum Path: CaseIterable { case bulkLoaded, bulkLookUp, general, fileByFile }

    static func imported(_ order: [(Int, String)], by path: Path) throws -> [String] {
        let store = try lapsedRegistry(fillers: path == .bulkLookUp ? 60 : 0)
        // "2019年" is not the bulk path's plain four digits: the general path decides the row.
        let year = { (year: Int) in path == .general ? "\(year)年" : String(year) }
        if path == .fileByFile {
            for (registrationYear, paid) in order {
                let summary = try importFile(store, .registrations, "member_no,year,paid_on\nA,\(registrationYear),\(paid)\n")
                #expect(summary.inserted == 1)
            }
        } else {
            let body = order.map { "A,\(year($0.0)),\($0.1)\n" }.joined()
            let summary = try importFile(store, .registrations, "member_no,year,paid_on\n" + body)
            #expect(summary.inserted == 3 && summary.rejected == 0)
        }
        return try outcome(store)
    }

    @Test func everyOrderOfTheRowsGivesTheSamePeriodsAndCounts() throws {
        let expected = try Self.imported(Self.rows, by: .bulkLoaded)
        // The new period starts on the withdrawal: 2020 is registered for (paid in advance).
        #expect(expected.prefix(2) == ["2015-01-01…2020-01-01(unregistered)", "2020-01-01…()"])
        #expect(expected.contains("2020-06-30: 1/1 A true true"))
        #expect(expected.contains("2019-12-31: 1/1 A true true"))
        for path in Path.allCases {
            for order in Self.permutations(Self.rows) {
                let outcome = try Self.imported(order, by: path)
                #expect(outcome == expected, "\(path) \(order.map(\.0)): \(outcome)")
            }
        }
    }

    /// A re-join from a later year alone starts on its payment; a later file with an earlier year
    /// moves the start back to what the two registrations give, as if they had come together.
    @Test func aLaterFileWithAnEarlierYearMovesTheRejoinBack() throws {
        let store = try Self.lapsedRegistry()
        _ = try Self.importFile(store, .registrations, "member_no,year,paid_on\nA,2021,2021-02-01\n")
        #expect(try Self.outcome(store).prefix(2) == ["2015-01-01…2020-01-01(unregistered)", "2021-02-01…()"])
        #expect(try Self.outcome(store).contains("2020-06-30: 0/0 A false false"))
        _ = try Self.importFile(store, .registrations, "member_no,year,paid_on\nA,2020,2020-03-05\n")
        let outcome = try Self.outcome(store)
        #expect(outcome.prefix(2) == ["2015-01-01…2020-01-01(unregistered)", "2020-03-05…()"])
        #expect(outcome.contains("2020-06-30: 1/1 A true true"))
        // A year before the withdrawal, recorded late, does not re-join: the periods stay.
        _ = try Self.importFile(store, .registrations, "member_no,year,paid_on\nA,2019,2019-03-01\n")
        #expect(try Self.outcome(store).prefix(2) == outcome.prefix(2))
    }

    /// The roster's registration cell: its years in any order give the same registry. A roster after
    /// the withdrawal that lists the member as current opens their new period itself (from its
    /// as-of day, by the roster's reconciliation); the cell's years are recorded, and a period the
    /// roster opened is the roster's, whatever the years say.
    @Test func theRosterCellsYearsInAnyOrderGiveTheSameRejoin() throws {
        var outcomes: [[String]] = []
        for order in Self.permutations([2019, 2020, 2021]) {
            let store = try Self.lapsedRegistry()
            let cell = order.map(String.init).joined(separator: "、")
            let summary = try Self.importFile(store, .members, "会员编号,姓名,年度注册\nA,会员A,\(cell)\n")
            #expect(summary.rejected == 0, "\(summary.rejectsFile.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? "")")
            outcomes.append(try Self.outcome(store))
            let years = try store.registry.read { db in try Int.fetchAll(db, sql: "SELECT year FROM registration ORDER BY year") }
            #expect(years == [2017, 2018, 2019, 2020, 2021])
        }
        #expect(Set(outcomes.map { $0.joined(separator: "; ") }).count == 1, "\(outcomes)")
        #expect(outcomes[0].prefix(2) == ["2015-01-01…2020-01-01(unregistered)", "2021-12-31…()"], "\(outcomes[0])")

    }

    /// R1: only a lapse ends in a re-join. After a membership that ended another way, a registration
    /// for a later year is refused with its line, column and reason (both paths, both languages);
    /// the year it ended in is still accepted.
    @Test func aYearAfterAMembershipEndedIsRefused() throws {
        for fillers in [0, 60] {
            let store = try TemporaryRegistry()
            try store.addMember("R", from: "2015-01-01", until: "2019-06-30", reason: "resigned")
            try store.addMember("X", from: "2015-01-01", until: "2018-03-01", reason: "expelled")
            for index in 0..<fillers { try store.addMember("F\(index)", from: "2019-06-01") }
            let summary = try Self.importFile(store, .registrations, """
                member_no,year,paid_on
                R,2019,2019-02-01
                R,2020,2020-01-10
                X,2019年,
                R,2021年,

                """)
            #expect(summary.inserted == 1 && summary.rejected == 3)
            let rejects = try String(contentsOfFile: try #require(summary.rejectsFile), encoding: .utf8)
            #expect(rejects.contains("3,year,2020 is after the membership ended on 2019-06-30 (resigned); re-admit the member through the roster first"))
            #expect(rejects.contains("4,year,2019 is after the membership ended on 2018-03-01 (expelled)"))
            #expect(rejects.contains("5,year,2021 is after the membership ended on 2019-06-30 (resigned)"))
            let through = try store.registry.read { db in
                try Int.fetchAll(db, sql: "SELECT DISTINCT registered_through FROM membership_period p JOIN member m ON m.id = p.member_id WHERE m.member_no = 'R'")
            }
            #expect(through == [2019])
        }
        let text = RegistrationLimits.afterEnd(2020, endedOn: "2019-06-30", reason: "deceased")
        #expect(text.zh == "2020 年晚于该会员会籍终止日期 2019-06-30（去世）；请先通过会员名册重新接纳该会员")
    }

    /// The roster's registration cell on a row that ends the membership: a year after the end is
    /// refused as in the registrations file, and nothing of the row is kept; the end's year is not.
    @Test func aRosterRowThatEndsTheMembershipCannotRegisterALaterYear() throws {
        let store = try TemporaryRegistry()
        let summary = try Self.importFile(store, .members, """
            会员编号,姓名,入会日期,会员状态,退会日期,年度注册
            E1,张三,2015-01-01,退会,2019-06-30,2019
            E2,李四,2015-01-01,退会,2019-06-30,2018、2020
            E3,王五,2015-01-01,除名,2018-03-01,2019

            """, asOf: "2020-12-31")
        #expect(summary.inserted == 1 && summary.rejected == 2)
        let rejects = try String(contentsOfFile: try #require(summary.rejectsFile), encoding: .utf8)
        #expect(rejects.contains("3,年度注册,2020 is after the membership ended on 2019-06-30 (resigned); re-admit the member through the roster first"))
        #expect(rejects.contains("4,年度注册,2019 is after the membership ended on 2018-03-01 (expelled)"))
        let recorded = try store.registry.read { db in
            try String.fetchAll(db, sql: "SELECT m.member_no || ':' || r.year FROM registration r JOIN member m ON m.id = r.member_id ORDER BY 1")
        }
        #expect(recorded == ["E1:2019"])
    }

    /// A payment dated after the day the file describes is refused (both paths), the day itself is not.
    @Test func aPaymentAfterTheFilesDayIsRefused() throws {
        for fillers in [0, 60] {
            let store = try TemporaryRegistry()
            try store.addMember("P", from: "2015-01-01")
            for index in 0..<fillers { try store.addMember("F\(index)", from: "2019-06-01") }
            let summary = try Self.importFile(store, .registrations, """
                member_no,year,paid_on,amount
                P,2018,2099-01-01,200
                P,2019,2019-12-31,200
                P,2017年,2020/1/1,200

                """, asOf: "2019-12-31")
            #expect(summary.inserted == 1 && summary.rejected == 2)
            let rejects = try String(contentsOfFile: try #require(summary.rejectsFile), encoding: .utf8)
            #expect(rejects.contains("2,paid_on,payment date 2099-01-01 is after the day the file describes (--as-of 2019-12-31); check the date"))
            #expect(rejects.contains("4,paid_on,payment date 2020-01-01 is after the day the file describes (--as-of 2019-12-31)"))
        }
        let limit = RegistrationLimits.latestPayment(asOf: Self.day("2999-01-01"), today: Self.day("2026-05-01"))
        #expect(limit.day == Self.day("2026-05-01") && limit.isToday)
        #expect(RegistrationLimits.paidAfter(Self.day("2099-01-01"), limit: limit.day, isToday: true).zh
                == "缴费日期 2099-01-01 晚于今天（2026-05-01）；请核对日期")
    }
}
