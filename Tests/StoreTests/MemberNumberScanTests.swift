import Foundation
import GRDB
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

/// A re-import walks the members in member-number order beside a sorted file (`MemberNumberScan`)
/// and searches for everything else. These tests hold the walk to the searches' answers: the same
/// file in sorted, reversed and shuffled order must leave the same registry.
struct MemberNumberScanTests {
    static let header = "会员编号,姓名,性别,身份证号,电子邮箱,入会日期,退会日期,会员状态\n"

    /// A valid GB 11643 number for a man born 1980-01-01, told apart by `serial` (0...499).
    static func identityNumber(_ serial: Int) -> String {
        let body = "11010519800101" + String(format: "%03d", serial * 2 + 1)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return body + String(Array("10X98765432")[sum % 11])
    }

    static func row(_ number: String, _ serial: Int, name: String? = nil, email: String? = nil,
                    joined: String = "2015-01-01", ended: String = "", status: String = "正常") -> String {
        "\(number),\(name ?? "会员\(serial)"),男,\(identityNumber(serial)),\(email ?? "m\(serial)@example.org"),\(joined),\(ended),\(status)"
    }

    /// Sixty members M001…M060; three also without a member number.
    static let base: [String] = (1...60).map { row(String(format: "M%03d", $0), $0) }
        + (61...63).map { row("", $0) }

    /// The next month's roster, sorted by member number: unchanged rows; gaps longer than the walk
    /// steps before searching; changed names and e-mails; an emptied e-mail; a member who left; new
    /// members between the old numbers and past the last; a member renumbered, found by identity
    /// number; a new number that is a prefix of an old one; and members without a number.
    static let next: [String] = {
        var rows: [String] = []
        for n in 1...60 {
            let number = String(format: "M%03d", n)
            if n == 40 { rows.append(row("M04", 150)) }                     // new, a prefix of M040's number
            switch n {
            case 11...25: continue                                          // absent: a jump of 15
            case 3: rows.append(row(number, n, name: "改名三"))
            case 4: rows.append(row(number, n, email: ""))
            case 5: rows.append(row(number, n, ended: "2018-06-30", status: "退会"))
            case 7: rows.append(row("M007A", n))                              // renumbered, found by identity
            case 30: rows.append(row(number, n, email: "new30@example.org"))
            default: rows.append(row(number, n))
            }
            if n == 40 { rows.append(row("M040A", 140)) }                    // new, between old numbers
        }
        rows.append(row("", 61))
        rows.append(row("", 62, name: "改名六二"))
        rows += (141...145).map { row(String(format: "M2%02d", $0), $0) }   // new, past the last
        return rows
    }()

    func importRows(_ rows: [String], into store: TemporaryRegistry, asOf: String = "2018-12-31",
                    snapshot: Bool = true) throws -> ImportSummary {
        let path = store.folder.appendingPathComponent("roster-\(UUID().uuidString).csv").path
        try (Self.header + rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var options = ImportOptions(asOf: Day(iso: asOf)!)
        options.snapshot = snapshot
        options.maxLapseBasisPoints = 10_000
        return try store.registry.importFile(.members, path: path, options: options)
    }

    /// Everything the import decides, without rowids (which depend on the order new members came in).
    func state(_ store: TemporaryRegistry) throws -> [String] {
        try store.registry.read { db in
            let members = try Row.fetchAll(db, sql: """
                SELECT member_no, name, gender, id_number, email FROM member ORDER BY id_number
                """).map { "\($0)" }
            let periods = try Row.fetchAll(db, sql: """
                SELECT m.id_number, p.start_date, p.end_date, p.end_reason
                FROM membership_period p JOIN member m ON m.id = p.member_id ORDER BY 1, 2
                """).map { "\($0)" }
            // A member without a number is audited as `member #rowid`: the rowid is left out too.
            let updates = try String.fetchAll(db, sql: """
                SELECT CASE WHEN subject LIKE 'member #%' THEN 'member #' ELSE subject END
                       || ' ' || substr(detail, instr(detail, ':')) FROM audit_log
                WHERE action = 'member.update' ORDER BY 1
                """)
            return members + periods + updates
        }
    }

    @Test func sortedReversedAndShuffledFilesLeaveTheSameRegistry() throws {
        // A fixed shuffle: row i goes to place 37 i mod 54 (37 and 54 are coprime).
        var shuffled = Self.next
        for (index, row) in Self.next.enumerated() { shuffled[index * 37 % Self.next.count] = row }
        #expect(Self.next.count == 54)
        var states: [[String]] = []
        var summaries: [[Int]] = []
        for rows in [Self.next, Array(Self.next.reversed()), shuffled] {
            let store = try TemporaryRegistry()
            _ = try importRows(Self.base, into: store, asOf: "2017-12-31")
            let summary = try importRows(rows, into: store)
            summaries.append([summary.read, summary.inserted, summary.updated, summary.unchanged, summary.rejected, summary.lapsed])
            states.append(try state(store))
        }
        // 54 rows: 7 inserted (M04, M040A, M241…M245), 6 updated (M003, M004, M005, M007 as M007A,
        // M030, the 62nd), the rest unchanged; 16 lapsed (M011…M025 and the 63rd, absent).
        #expect(summaries[0] == [54, 7, 6, 41, 0, 16])
        #expect(summaries[1] == summaries[0] && summaries[2] == summaries[0])
        #expect(states[1] == states[0])
        #expect(states[2] == states[0])
        #expect(states[0].contains { $0.contains("M007A") })
    }

    /// The periods are walked beside the members while member ids rise with member numbers, and
    /// searched for otherwise: a registry first built from the reversed roster gives the same result.
    /// M050 left in 2014 and rejoined in 2016, so the walk must pass its first period for its second.
    @Test func theLatestPeriodIsFoundWhicheverOrderTheRegistryWasBuiltIn() throws {
        var first = Self.base
        first[49] = Self.row("M050", 50, joined: "2012-01-01", ended: "2014-06-30", status: "退会")
        let next = Self.next.map { $0.hasPrefix("M050,") ? Self.row("M050", 50, joined: "2016-01-01") : $0 }
        var states: [[String]] = []
        var summaries: [[Int]] = []
        for reversedBase in [false, true] {
            let store = try TemporaryRegistry()
            _ = try importRows(reversedBase ? first.reversed() : first, into: store, asOf: "2015-12-31")
            _ = try importRows([Self.row("M050", 50, joined: "2016-01-01")], into: store, asOf: "2016-12-31", snapshot: false)
            let summary = try importRows(next, into: store)
            summaries.append([summary.read, summary.inserted, summary.updated, summary.unchanged, summary.rejected, summary.lapsed])
            states.append(try state(store))
        }
        #expect(summaries[0] == [54, 7, 6, 41, 0, 16])
        #expect(summaries[1] == summaries[0])
        #expect(states[1].difference(from: states[0]).isEmpty, "\(states[1].difference(from: states[0]))")
        #expect(states[0].filter { $0.contains("2012-01-01") && $0.contains("2014-06-30") }.count == 1)
    }

    @Test func aMemberTwiceInASortedFileIsRejectedTheSecondTime() throws {
        let store = try TemporaryRegistry()
        _ = try importRows(Self.base, into: store, asOf: "2017-12-31")
        var rows = Self.base
        rows.insert(Self.row("M010", 10, name: "又一个"), at: 10)       // right after M010
        let summary = try importRows(rows, into: store)
        #expect(summary.rejected == 1 && summary.unchanged == 63 && summary.updated == 0)
        #expect(try store.registry.showMember(key: "M010", reveal: false).name == "会员10")
    }

    /// The walk reads the member's columns itself; each kind of difference must still be seen.
    @Test func aSortedReImportSeesEveryChangedColumn() throws {
        let store = try TemporaryRegistry()
        _ = try importRows(Self.base, into: store, asOf: "2017-12-31")
        var rows = Self.base
        rows[1] = Self.row("M002", 2, name: "改名二", email: "")
        let summary = try importRows(rows, into: store)
        #expect(summary.updated == 1 && summary.unchanged == 62)
        let detail = try store.registry.auditEntries().first { $0.action == "member.update" }?.detail
        #expect(detail?.hasSuffix(": name, email") == true, "\(detail ?? "")")
    }
}
