import Foundation
import GRDB
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

/// A roster imports to the same registry, the same counts and the same rejects whatever the order of
/// its rows (issue 18): the merge reads them in member-number order (`RecordOrder`), and tells the
/// rejected ones in file order with the file's own line numbers.
struct RowOrderTests {
    static let header = "会员编号,姓名,性别,身份证号,邮箱,入会日期,退会日期,会员状态"
    static func id(_ serial: Int) -> String { MemberNumberScanTests.identityNumber(serial) }

    /// Month one: members M001…M080, some ended, and rows that are rejected.
    static func firstMonth() -> [String] {
        var rows: [String] = []
        for serial in 1...80 {
            let number = String(format: "M%03d", serial)
            switch serial % 10 {
            case 3: rows.append("\(number),会员\(serial),男,\(id(serial)),m\(serial)@example.org,2015-01-01,2017-06-30,退会")
            case 7: rows.append("\(number),会员\(serial),男,\(id(serial)),m\(serial)@example.org,2016-03-01,,正常")
            default: rows.append("\(number),会员\(serial),男,\(id(serial)),m\(serial)@example.org,2015-01-01,,正常")
            }
        }
        rows += [
            "M201,坏日期,男,\(id(201)),,2015-13-01,,正常",                   // not a date
            "M202,坏证件,男,\(id(202).dropLast())0,,2015-01-01,,正常",       // wrong check character (unless 0)
            "M203,倒序,男,\(id(203)),,2016-01-01,2015-01-01,退会",           // ends before it begins
            ",无编号,男,\(id(204)),,2015-01-01,,正常",                        // matched by identity number only
            "M205,,男,\(id(205)),,2015-01-01,,正常",                         // no name
        ]
        return rows
    }

    /// Month two: 10 changed, 8 new (two after the last number, some before the first), 6 absent,
    /// re-joins of ended members, an ending, and rejected rows, one naming a member already there.
    static func secondMonth() -> [String] {
        var rows: [String] = []
        for serial in 1...80 where serial % 13 != 5 { // absent: 5, 18, 31, 44, 57, 70
            let number = String(format: "M%03d", serial)
            let email = serial % 8 == 1 ? "new\(serial)@example.org" : "m\(serial)@example.org"
            switch serial % 10 {
            case 3 where serial < 40: // re-joins after their 2017 end
                rows.append("\(number),会员\(serial),男,\(id(serial)),\(email),2018-09-01,,正常")
            case 3: rows.append("\(number),会员\(serial),男,\(id(serial)),\(email),2015-01-01,2017-06-30,退会")
            case 7: rows.append("\(number),会员\(serial),男,\(id(serial)),\(email),2016-03-01,\(serial == 77 ? "2018-11-30" : ""),\(serial == 77 ? "退会" : "正常")")
            default: rows.append("\(number),会员\(serial),男,\(id(serial)),\(email),2015-01-01,,正常")
            }
        }
        for serial in [81, 82, 83, 84, 85, 86] { rows.append(String(format: "M%03d", serial) + ",新会员\(serial),男,\(id(serial)),,2018-10-01,,正常") }
        rows.append("A001,前面的,男,\(id(90)),,2018-10-01,,正常")
        rows.append("000123,数字编号,男,\(id(91)),,2018-10-01,,正常")
        rows += [
            "M201,坏日期,男,\(id(201)),,2015-13-01,,正常",
            "M012,会员12,男,\(id(12)),m12@example.org,2015-01-01,,未知状态", // an existing member, a bad status: present, not lapsed
            ",无编号,男,\(id(204)),,2015-01-01,,正常",
            "M206,又一个,男,\(id(1)),,2015-01-01,,正常",                   // M001's identity number
        ]
        return rows
    }

    /// The rows in a fixed pseudo-random order.
    static func shuffled(_ rows: [String], seed: UInt64) -> [String] {
        var rows = rows
        var state = seed
        for index in stride(from: rows.count - 1, to: 0, by: -1) {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            rows.swapAt(index, Int((state >> 33) % UInt64(index + 1)))
        }
        return rows
    }

    struct Outcome: Equatable {
        var summary: [Int]
        /// Each rejected row as it was, with its column and reason, line numbers taken out.
        var rejects: [String]
        /// Every member, every period (by member number), every audited change.
        var registry: [String]
    }

    /// Imports `rows` (written in the order given) and says what the registry and the rejects hold.
    func importRows(_ rows: [String], into store: TemporaryRegistry, asOf: String, snapshot: Bool = false,
                    file: String) throws -> Outcome {
        let path = store.folder.appendingPathComponent(file).path
        try (Self.header + "\n" + rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var options = ImportOptions(asOf: Day(iso: asOf)!)
        options.snapshot = snapshot
        let summary = try store.registry.importFile(.members, path: path, options: options)
        let rejectLines = try summary.rejectsFile.map { try String(contentsOfFile: $0, encoding: .utf8) }?
            .split(separator: "\r\n").dropFirst().map(String.init) ?? []
        // The line each reject names holds the row it repeats, and the rejects come in file order.
        let fileLines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var lastLine = 0
        for reject in rejectLines {
            let line = try #require(Int(reject.prefix { $0 != "," }))
            #expect(line > lastLine, "rejects in file order: \(reject)")
            lastLine = line
            #expect(reject.hasSuffix("," + fileLines[line - 1]), "line \(line) is the row rejected: \(reject)")
        }
        // The web preview's sample is the first rejected rows by line, as the file holds them.
        let lines = rejectLines.compactMap { Int($0.prefix { $0 != "," }) }
        #expect(summary.firstRejections.map(\.line) == Array(lines.prefix(ImportSummary.rejectionSampleSize)))
        let rejects = rejectLines.map { reject in
            reject.split(separator: ",", maxSplits: 1).dropFirst().joined()
                .replacingOccurrences(of: #"line \d+"#, with: "line #", options: .regularExpression)
        }.sorted()
        let registry = try store.registry.read { db in
            try String.fetchAll(db, sql: """
                SELECT 'member ' || quote(member_no) || ' ' || name || ' ' || ifnull(id_number, '-') || ' ' || ifnull(email, '-')
                    || ' created ' || created_batch || ' updated ' || updated_batch FROM member
                UNION ALL
                SELECT 'period ' || quote(m.member_no) || ' ' || ifnull(m.id_number, '-') || ' ' || p.start_date || '…'
                    || ifnull(p.end_date, 'open') || ' ' || ifnull(p.end_reason, '-') || ' batch ' || p.batch_id || '/' || ifnull(p.ended_batch_id, '-')
                FROM membership_period p JOIN member m ON m.id = p.member_id
                UNION ALL
                SELECT 'audit ' || action || ' ' || subject || ' ' || ifnull(detail, '') FROM audit_log
                WHERE action <> 'import'
                ORDER BY 1
                """)
        }
        return Outcome(summary: [summary.read, summary.inserted, summary.updated, summary.unchanged, summary.rejected, summary.lapsed],
                       rejects: rejects, registry: registry)
    }

    func writeRoster(_ rows: [String], in store: TemporaryRegistry) throws -> String {
        let path = store.folder.appendingPathComponent("roster-\(UUID().uuidString).csv").path
        try (Self.header + "\n" + rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aShuffledRosterImportsAsTheSortedOneDoes() throws {
        let sorted = try TemporaryRegistry(), mixed = try TemporaryRegistry()
        // In member-number order (as a member system exports by default), so these are read as they are.
        func byNumber(_ rows: [String]) -> [String] {
            rows.enumerated().sorted { a, b in
                let (x, y) = (a.element.prefix { $0 != "," }, b.element.prefix { $0 != "," })
                return x == y ? a.offset < b.offset : Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
            }.map(\.element)
        }
        let first = byNumber(Self.firstMonth()), second = byNumber(Self.secondMonth())
        let sortedFile = try TemporaryRegistry()
        #expect(RecordOrder.of(path: try writeRoster(first, in: sortedFile), column: 0) == nil, "read in file order")
        #expect(RecordOrder.of(path: try writeRoster(Self.shuffled(first, seed: 7), in: sortedFile), column: 0) != nil, "reordered")

        let fresh = try importRows(first, into: sorted, asOf: "2018-06-30", file: "m1.csv")
        let freshShuffled = try importRows(Self.shuffled(first, seed: 7), into: mixed, asOf: "2018-06-30", file: "m1.csv")
        #expect(fresh == freshShuffled)
        #expect(fresh.summary == [85, 81, 0, 0, 4, 0])

        let again = try importRows(first, into: sorted, asOf: "2018-06-30", file: "m1-again.csv")
        let againShuffled = try importRows(Self.shuffled(first, seed: 11), into: mixed, asOf: "2018-06-30", file: "m1-again.csv")
        #expect(again == againShuffled)
        #expect(again.summary == [85, 0, 0, 81, 4, 0])
        #expect(again.registry.filter { $0.hasPrefix("member") || $0.hasPrefix("period") }
                == fresh.registry.filter { $0.hasPrefix("member") || $0.hasPrefix("period") })

        let month = try importRows(second, into: sorted, asOf: "2018-12-31", snapshot: true, file: "m2.csv")
        let monthShuffled = try importRows(Self.shuffled(second, seed: 13), into: mixed, asOf: "2018-12-31", snapshot: true, file: "m2.csv")
        #expect(month == monthShuffled)
        // 8 new; 10 changed e-mails, 3 re-joins and one ending updated; 6 absent lapsed (none of them ended before).
        #expect(month.summary[1] == 8 && month.summary[5] == 6, "\(month.summary)")
        #expect(month.registry.contains { $0.hasPrefix("period 'M013'") && $0.contains("2018-09-01…open") })
        #expect(month.registry.contains { $0.hasPrefix("period 'M077'") && $0.contains("2016-03-01…2018-11-30 resigned") })
        #expect(month.registry.contains { $0.hasPrefix("period 'M012'") && $0.contains("…open") })

        let monthAgain = try importRows(second, into: sorted, asOf: "2018-12-31", snapshot: true, file: "m2-again.csv")
        let monthAgainShuffled = try importRows(Self.shuffled(second, seed: 17), into: mixed, asOf: "2018-12-31", snapshot: true, file: "m2-again.csv")
        #expect(monthAgain == monthAgainShuffled)
        #expect(monthAgain.summary[1] == 0 && monthAgain.summary[2] == 0 && monthAgain.summary[5] == 0, "\(monthAgain.summary)")
    }

    /// A roster in member-number order for its first rows and not after (read as it is, then the rest
    /// in order, the walks starting again) imports as the sorted one does, month one and month two.
    @Test func aRosterInOrderPartWayImportsAsTheSortedOneDoes() throws {
        let sorted = try TemporaryRegistry(), partly = try TemporaryRegistry()
        func byNumber(_ rows: [String]) -> [String] {
            rows.enumerated().sorted { a, b in
                let (x, y) = (a.element.prefix { $0 != "," }, b.element.prefix { $0 != "," })
                return x == y ? a.offset < b.offset : Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
            }.map(\.element)
        }
        func partlySorted(_ rows: [String], seed: UInt64) -> [String] {
            let half = rows.count / 2
            return Array(rows[..<half]) + Self.shuffled(Array(rows[half...]), seed: seed)
        }
        let first = byNumber(Self.firstMonth()), second = byNumber(Self.secondMonth())
        #expect(try importRows(first, into: sorted, asOf: "2018-06-30", file: "m1.csv")
                == importRows(partlySorted(first, seed: 3), into: partly, asOf: "2018-06-30", file: "m1.csv"))
        #expect(try importRows(first, into: sorted, asOf: "2018-06-30", file: "m1-again.csv")
                == importRows(partlySorted(first, seed: 5), into: partly, asOf: "2018-06-30", file: "m1-again.csv"))
        let month = try importRows(second, into: sorted, asOf: "2018-12-31", snapshot: true, file: "m2.csv")
        #expect(try month == importRows(partlySorted(second, seed: 9), into: partly, asOf: "2018-12-31", snapshot: true, file: "m2.csv"))
        #expect(month.summary[1] == 8 && month.summary[5] == 6, "\(month.summary)")
    }

    /// A shuffled roster with a line break inside a quoted field, CRLF line ends, blank lines and no
    /// line break at the end: the rejects still name the file's lines.
    @Test func shuffledRowsKeepTheirLinesThroughQuotedLineBreaks() throws {
        let store = try TemporaryRegistry()
        let rows = [
            "M009,\"九\r\n号\",男,\(Self.id(9)),,2015-01-01,,正常",
            "",
            "M003,三号,男,\(Self.id(3)),,2015-13-01,,正常",
            "M001,一号,男,\(Self.id(1)),,2015-01-01,,正常",
            "\"M005\",\"五,号\",男,\(Self.id(5)),,2015-01-01,,正常",
            "M002,二号,男,\(Self.id(2)),,2015-01-01,,坏状态",
        ]
        let path = store.folder.appendingPathComponent("crlf.csv").path
        try (Self.header + "\r\n" + rows.joined(separator: "\r\n")).write(toFile: path, atomically: true, encoding: .utf8)
        let summary = try store.registry.importFile(.members, path: path, options: ImportOptions(asOf: Day(iso: "2018-12-31")!))
        #expect([summary.read, summary.inserted, summary.rejected] as [Int] == [5, 3, 2])
        let rejects = try String(contentsOfFile: try #require(summary.rejectsFile), encoding: .utf8)
            .split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
        #expect(rejects == ["5,入会日期", "8,会员状态"])
        let names = try store.registry.read { db in try String.fetchAll(db, sql: "SELECT name FROM member ORDER BY member_no") }
        #expect(names == ["一号", "五,号", "九\r\n号"])
    }

    /// Two rows for one member, in files whose order is not member-number order exactly: by identity
    /// number with no member number (decided after every numbered row), by a number in full-width
    /// letters (decided as stored, in ASCII), by numbers alike in their first 12 bytes, by numbers
    /// exported in numeric order (2 before 10; stored text puts 10 first). The row kept is the first in
    /// member-number order, whatever the file's order; the other is rejected naming it. In an empty
    /// registry and in one with members.
    static let twoRowsForOneMember: [(rows: [String], kept: [String], rejected: [String])] = [
        (["M005,五号,男,\(id(5)),,2015-01-01,,正常", "M001,一号,男,\(id(1)),,2015-01-01,,正常", ",无编号,男,\(id(1)),,2015-01-01,,正常"],
         ["M001 一号", "M005 五号"], ["4 line 3"]),
        ([",无编号,男,\(id(1)),,2015-01-01,,正常", "M005,五号,男,\(id(5)),,2015-01-01,,正常", "M001,一号,男,\(id(1)),,2015-01-01,,正常"],
         ["M001 一号", "M005 五号"], ["2 line 4"]),
        (["M009,九号,男,\(id(9)),,2015-01-01,,正常", "M005,五号,男,\(id(5)),,2015-01-01,,正常",
          "Ｍ001,张一,男,\(id(1)),,2015-01-01,,正常", "M001,张二,男,\(id(1)),,2015-01-01,,正常"],
         ["M001 张一", "M005 五号", "M009 九号"], ["5 line 4"]),
        (["Q001,丘,男,\(id(7)),,2015-01-01,,正常", "P0000000000002,二号,男,\(id(2)),,2015-01-01,,正常",
          "P0000000000001,一号,男,\(id(2)),,2015-01-01,,正常"],
         ["P0000000000001 一号", "Q001 丘"], ["3 line 4"]),
        (["1,一号,男,\(id(1)),,2015-01-01,,正常", "2,二号,男,\(id(2)),,2015-01-01,,正常", "10,十号,男,\(id(2)),,2015-01-01,,正常"],
         ["1 一号", "10 十号"], ["3 line 4"]),
        (["10,十号,男,\(id(2)),,2015-01-01,,正常", "2,二号,男,\(id(2)),,2015-01-01,,正常", "1,一号,男,\(id(1)),,2015-01-01,,正常"],
         ["1 一号", "10 十号"], ["3 line 2"]),
    ]

    @Test(arguments: 0..<6, [false, true])
    func ofTwoRowsForOneMemberTheFirstInMemberNumberOrderIsKept(_ index: Int, registryHasMembers: Bool) throws {
        let (rows, kept, rejected) = Self.twoRowsForOneMember[index]
        let store = try TemporaryRegistry()
        let options = ImportOptions(asOf: Day(iso: "2018-12-31")!)
        if registryHasMembers {
            let path = try writeRoster(["Z999,另一位,男,\(Self.id(99)),,2015-01-01,,正常"], in: store)
            _ = try store.registry.importFile(.members, path: path, options: options)
        }
        let summary = try store.registry.importFile(.members, path: try writeRoster(rows, in: store), options: options)
        let members = try store.registry.read { db in
            try Row.fetchAll(db, sql: "SELECT member_no, name FROM member WHERE member_no IS NOT 'Z999' ORDER BY member_no")
                .map { "\($0["member_no"] as String? ?? "-") \($0["name"] as String)" }
        }
        #expect(members == kept)
        let rejects = try String(contentsOfFile: try #require(summary.rejectsFile), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst()
            .map { line in
                "\(line.prefix { $0 != "," }) " + (line.firstRange(of: "the row on line ").map { "line " + line[$0.upperBound...].prefix { $0.isNumber } } ?? String(line))
            }
        #expect(rejects == rejected)
    }

    /// Rows that fight over a key the registry holds once (an ORCID iD, an identity number moving from
    /// one member to another) or that give no member number: the same registry in either order of the
    /// rows, as member-number order decides it. A row without a number leaves the member's number. A row
    /// is matched to the registry as it was when the import began: a member number or identity number
    /// an earlier row took from a member still names that member, so the row giving it is a second row
    /// for the member (the unnumbered row of the third case; the last two cases, where one row renumbered
    /// the member and the other made a new one, which depended on the order).
    static let keyConflicts: [(base: [String], rows: [String], members: [String])] = [
        ([], ["M2,二号,,0000-0002-1825-0097,2015-01-01", "M1,一号,,0000-0002-1825-0097,2015-01-01"],
         ["M1 一号 - 0000-0002-1825-0097"]),
        (["M1,一号,\(id(1)),,2015-01-01", "M2,二号,\(id(2)),,2015-01-01"],
         ["M2,二号,\(id(1)),,2015-01-01", "M1,一号,\(id(3)),,2015-01-01"],
         ["M1 一号 \(id(3)) -", "M2 二号 \(id(2)) -"]),
        (["M1,一号,\(id(1)),,2010-01-01"],
         [",无编号,\(id(1)),,2016-05-01", "M1,一号,\(id(2)),,2010-01-01"],
         ["M1 一号 \(id(2)) -"]),
        (["M1,一号,\(id(1)),,2010-01-01"], [",无编号,\(id(1)),,2010-01-01"], ["M1 无编号 \(id(1)) -"]),
        (["M1,一号,\(id(1)),,2010-01-01"],
         ["M2,二号,\(id(1)),,2010-01-01", "M1,一号,\(id(3)),,2010-01-01"],
         ["M1 一号 \(id(3)) -"]),
        (["M2,二号,\(id(1)),,2010-01-01"],
         ["M2,二号,\(id(5)),,2010-01-01", "M1,一号,\(id(1)),,2010-01-01"],
         ["M1 一号 \(id(1)) -"]),
        // A number, identity number or ORCID iD an earlier row freed is not free for a row out of
        // member-number order: it is refused as it was when the import began.
        (["M001,甲,\(id(1)),,2010-01-01", "M002,乙,\(id(2)),,2010-01-01"],
         ["M003,乙,\(id(2)),,2010-01-01", "M002,甲,\(id(1)),,2010-01-01"],
         ["M001 甲 \(id(1)) -", "M003 乙 \(id(2)) -"]),
        (["M001,甲,\(id(1)),,2010-01-01", "M002,乙,\(id(2)),,2010-01-01"],
         ["M002,乙,\(id(3)),,2010-01-01", "M001,甲,\(id(2)),,2010-01-01"],
         ["M001 甲 \(id(1)) -", "M002 乙 \(id(3)) -"]),
        (["M001,甲,\(id(1)),0000-0000-0000-001X,2010-01-01", "M002,乙,\(id(2)),0000-0000-0000-0028,2010-01-01"],
         ["M002,乙,\(id(2)),0000-0000-0000-0036,2010-01-01", "M001,甲,\(id(1)),0000-0000-0000-0028,2010-01-01"],
         ["M001 甲 \(id(1)) 0000-0000-0000-001X", "M002 乙 \(id(2)) 0000-0000-0000-0036"]),
        (["M001,甲,\(id(1)),,2010-01-01", "M002,乙,\(id(2)),0000-0000-0000-0028,2010-01-01"],
         ["M002,乙,\(id(2)),0000-0000-0000-0036,2010-01-01", "M003,丙,\(id(3)),0000-0000-0000-0028,2010-01-01"],
         ["M001 甲 \(id(1)) -", "M002 乙 \(id(2)) 0000-0000-0000-0036"]),
    ]

    @Test(arguments: 0..<10, [false, true])
    func rowsFightingOverAKeyGiveOneRegistryInEitherOrder(_ index: Int, reversed: Bool) throws {
        let (base, rows, members) = Self.keyConflicts[index]
        let store = try TemporaryRegistry()
        let options = ImportOptions(asOf: Day(iso: "2018-12-31")!)
        func roster(_ rows: [String]) throws -> String {
            let path = store.folder.appendingPathComponent("roster-\(UUID().uuidString).csv").path
            try (["会员编号,姓名,身份证号,orcid,入会日期"] + rows).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        if !base.isEmpty { _ = try store.registry.importFile(.members, path: try roster(base), options: options) }
        _ = try store.registry.importFile(.members, path: try roster(reversed ? rows.reversed() : rows), options: options)
        let found = try store.registry.read { db in
            try Row.fetchAll(db, sql: "SELECT member_no, name, id_number, orcid FROM member ORDER BY member_no IS NULL, member_no")
                .map { "\($0["member_no"] as String? ?? "-") \($0["name"] as String) \($0["id_number"] as String? ?? "-") \($0["orcid"] as String? ?? "-")" }
        }
        #expect(found == members)
    }

    /// A roster replaced while its import runs, before the import reads it again in exact order (two
    /// rows for one member, out of order): refused, not the new file imported under the old one's digest.
    @Test func aRosterReplacedBeforeItIsReadAgainIsRefused() throws {
        let store = try TemporaryRegistry()
        var rows = (1...3000).map { "M\(String(format: "%05d", $0)),会员\($0),男,\($0 == 1 ? Self.id(1) : ""),,2015-01-01,,正常" }
        rows = Self.shuffled(rows, seed: 5) + ["Z00001,又一位,男,\(Self.id(1)),,2015-01-01,,正常"]
        let path = try writeRoster(rows, in: store)
        let other = try writeRoster(Array(rows.prefix(100)), in: store)
        var replaced = false
        let refused = #expect(throws: InputError.self) {
            _ = try store.registry.importFile(.members, path: path, options: ImportOptions(asOf: Day(iso: "2018-12-31")!)) { progress in
                if !replaced, progress.rows > 0 {
                    replaced = true
                    #expect(rename(other, path) == 0)
                }
            }
        }
        #expect(replaced)
        #expect(refused?.message(.en).contains("the file changed while it was being read") == true, "\(String(describing: refused))")
        #expect(try store.registry.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM member") } == 0)
    }
}

extension RowOrderTests {
    /// The row giving a key an earlier row (in member-number order) took from a member is rejected,
    /// naming that row and the key, in either order of the file.
    @Test(arguments: [false, true])
    func aRowGivingAKeyAnEarlierRowTookIsRejectedNamingThatRow(reversed: Bool) throws {
        let store = try TemporaryRegistry()
        let options = ImportOptions(asOf: Day(iso: "2018-12-31")!)
        let header = "会员编号,姓名,身份证号,orcid,入会日期"
        func roster(_ rows: [String]) throws -> String {
            let path = store.folder.appendingPathComponent("roster-\(UUID().uuidString).csv").path
            try ([header] + rows).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        _ = try store.registry.importFile(.members, path: try roster(["M1,一号,\(Self.id(1)),,2010-01-01"]), options: options)
        // Line 2 renumbers the member found by its identity number; line 3 gives the member's old number.
        let rows = ["M1,一号,\(Self.id(3)),,2010-01-01", "M2,二号,\(Self.id(1)),,2010-01-01"]
        let summary = try store.registry.importFile(.members, path: try roster(reversed ? rows.reversed() : rows), options: options)
        #expect(summary.rejected == 1 && summary.updated == 1 && summary.inserted == 0)
        let rejects = try String(contentsOfFile: try #require(summary.rejectsFile), encoding: .utf8)
        let keptLine = reversed ? 3 : 2
        #expect(rejects.contains("when the import began, this identity number was that of the member the row on line \(keptLine) updates"), "\(rejects)")
    }
}

extension RowOrderTests {
    /// A snapshot does not end the membership of a member whose row was refused for a key another
    /// member holds: the row names the member, as a row rejected for a bad date does.
    @Test(arguments: [false, true])
    func aRowRefusedForATakenKeyKeepsItsMemberInASnapshot(takenIdentity: Bool) throws {
        let store = try TemporaryRegistry()
        let header = "会员编号,姓名,身份证号,orcid,入会日期"
        func roster(_ rows: [String]) throws -> String {
            let path = store.folder.appendingPathComponent("roster-\(UUID().uuidString).csv").path
            try ([header] + rows).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        _ = try store.registry.importFile(.members, path: try roster([
            "M001,甲,\(Self.id(1)),0000-0000-0000-001X,2010-01-01", "M002,乙,\(Self.id(2)),0000-0000-0000-0028,2010-01-01",
        ]), options: ImportOptions(asOf: Day(iso: "2015-12-31")!))
        var options = ImportOptions(asOf: Day(iso: "2016-12-31")!)
        options.snapshot = true
        options.maxLapseBasisPoints = 10_000
        let first = takenIdentity ? "M001,甲,\(Self.id(2)),0000-0000-0000-001X,2010-01-01" : "M001,甲,\(Self.id(1)),0000-0000-0000-0028,2010-01-01"
        let summary = try store.registry.importFile(.members, path: try roster([first, "M002,乙,\(Self.id(2)),0000-0000-0000-0028,2010-01-01"]), options: options)
        #expect(summary.rejected == 1 && summary.lapsed == 0, "\(summary)")
    }
}
