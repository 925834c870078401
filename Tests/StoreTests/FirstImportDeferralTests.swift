import Foundation
import GRDB
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

/// A first import builds the identity-number index after its rows (`IdentityIndexDeferral`) and
/// checks the periods once, not by trigger (`OverlapTriggerDeferral`). It must
/// decide every row exactly as an import into a registry that has the index all along.
struct FirstImportDeferralTests {
    static let header = "会员编号,姓名,性别,身份证号,ORCID,入会日期,退会日期,会员状态\n"
    static func id(_ serial: Int) -> String { MemberNumberScanTests.identityNumber(serial) }

    /// Each line's case is said beside it; the line numbers are those of the file (the header is 1).
    static let rows: [String] = [
        "M001,一号,男,\(id(1)),,2015-01-01,,正常",                       // 2
        "M002,二号,男,\(id(2)),0000-0002-1825-0097,2015-01-01,,正常",    // 3
        "M003,三号,男,\(id(3)),0000-0002-1825-0097,2015-01-01,,正常",    // 4: ORCID iD taken, index still away
        "M004,四号,男,\(id(4)),,2015-01-01,2014-01-01,退会",             // 5: ends before it begins
        "M002,又二号,男,\(id(5)),,2015-01-01,,正常",                      // 6: member number again
        "M005,五号,男,\(id(6)),,2015-01-01,,正常",                        // 7
        "M010,十号,男,\(id(2)),,2015-01-01,2014-01-01,退会",             // 8: line 3's identity, bad dates:
                                                                           //    looked up, so the index is built
        "M006,六号,男,\(id(1)),,2015-01-01,,正常",                        // 9: line 2's identity
        "M007,七号,男,\(id(3)),,2015-01-01,,正常",                        // 10: line 4's identity, never stored
        "M008,八号,男,\(id(1)),,2015-01-01,2014-01-01,退会",             // 11: line 2's identity, bad dates
        "M009,九号,男,,,2015-01-01,,正常",                                 // 12: no identity number
        ",十一号,男,\(id(11)),,2015-01-01,,正常",                          // 13: no member number
        ",又十一号,男,\(id(11)),,2015-01-01,,正常",                        // 14: line 13's identity
    ]

    /// The same without line 8, so that the index is first needed by a row to be inserted (line 9).
    static let rowsBuildingOnInsert = rows.filter { !$0.hasPrefix("M010,") }

    func importRows(_ rows: [String], into store: TemporaryRegistry, dryRun: Bool = false,
                    strict: Bool = false) throws -> (ImportSummary, [String]) {
        let path = store.folder.appendingPathComponent("roster-\(UUID().uuidString).csv").path
        try (Self.header + rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var options = ImportOptions(asOf: Day(iso: "2018-12-31")!)
        options.dryRun = dryRun
        options.strict = strict
        let summary = try store.registry.importFile(.members, path: path, options: options)
        // Each rejected row's line, column and reason (the rest of the line is the row as it was).
        let rejects = try summary.rejectsFile.map { try String(contentsOfFile: $0, encoding: .utf8) }?
            .split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",", maxSplits: 3).prefix(3).joined(separator: ",") } ?? []
        return (summary, rejects)
    }

    struct Index: Equatable {
        var sql: String
        var rootPage: Int
    }

    func identityIndex(_ store: TemporaryRegistry) throws -> Index? {
        try store.registry.read { db in
            try Row.fetchOne(db, sql: "SELECT sql, rootpage FROM sqlite_master WHERE name = 'member_identity'")
                .map { Index(sql: $0["sql"], rootPage: $0["rootpage"]) }
        }
    }

    func overlapTrigger(_ store: TemporaryRegistry) throws -> String? {
        try store.registry.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'membership_period_no_overlap_insert'")
        }
    }

    @Test(arguments: [rows, rowsBuildingOnInsert])
    func aFirstImportDecidesEveryRowAsAnImportWithTheIndexWould(rows: [String]) throws {
        // The same file into an empty registry (index deferred) and into one that already holds a
        // member with neither key in the file (index in place throughout).
        let empty = try TemporaryRegistry()
        let indexedAllAlong = try TemporaryRegistry()
        try indexedAllAlong.addMember("Z999", from: "2010-01-01")
        let before = try #require(try identityIndex(empty))
        let beforeIndexed = try #require(try identityIndex(indexedAllAlong))
        let trigger = try #require(try overlapTrigger(empty))

        let (deferred, deferredRejects) = try importRows(rows, into: empty)
        let (indexed, indexedRejects) = try importRows(rows, into: indexedAllAlong)

        // Inserted: lines 2, 3, 7, 10, 12, 13.
        let counts: [Int] = [deferred.read, deferred.inserted, deferred.rejected]
        let indexedCounts: [Int] = [indexed.read, indexed.inserted, indexed.rejected]
        #expect(counts == [rows.count, 6, rows.count - 6])
        #expect(indexedCounts == counts)
        #expect(deferredRejects == indexedRejects)
        let lines: [String] = deferredRejects.map { String($0.prefix(while: { $0 != "," })) }
        let first = rows.count == Self.rows.count ? ["8": "3", "9": "2", "11": "2", "14": "13"] : ["8": "2", "10": "2", "13": "12"]
        #expect(lines == ["4", "5", "6"] + first.keys.sorted { Int($0)! < Int($1)! })
        for reject in deferredRejects {
            let line = String(reject.prefix(while: { $0 != "," }))
            if let earlier = first[line] { #expect(reject.contains("the row on line \(earlier),"), "\(reject)") }
        }
        let members = "SELECT member_no, name, id_number, orcid FROM member WHERE member_no IS NOT 'Z999' ORDER BY member_no, id_number"
        let periods = """
            SELECT m.member_no, m.id_number, p.start_date, p.end_date FROM membership_period p JOIN member m ON m.id = p.member_id
            WHERE m.member_no IS NOT 'Z999' ORDER BY 1, 2
            """
        func fetch(_ store: TemporaryRegistry, _ sql: String) throws -> [Row] {
            try store.registry.read { db in try Row.fetchAll(db, sql: sql) }
        }
        #expect(try fetch(empty, members) == fetch(indexedAllAlong, members))
        #expect(try fetch(empty, periods) == fetch(indexedAllAlong, periods))
        #expect(try fetch(empty, members).count == 6)

        // The first import dropped the index and built it again, to the same definition; the other
        // import kept its index where it was.
        let after = try identityIndex(empty)
        #expect(after?.sql == before.sql)
        #expect(try overlapTrigger(empty) == trigger)
        let afterIndexed = try identityIndex(indexedAllAlong)
        #expect(afterIndexed == beforeIndexed)
        let (integrity, plan) = try empty.registry.read { db in
            (try String.fetchAll(db, sql: "PRAGMA integrity_check"),
             try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT id FROM member WHERE id_number = 'x'").map { $0["detail"] as String })
        }
        #expect(integrity == ["ok"])
        #expect(plan.contains { $0.contains("member_identity") }, "\(plan)")
        // And it refuses a duplicate, as before.
        #expect(throws: (any Error).self) {
            try empty.registry.write { db in
                try db.execute(sql: "UPDATE member SET id_number = ? WHERE member_no = 'M005'", arguments: [Self.id(1)])
            }
        }
    }

    /// With no repeated identity, the index is built once, after the rows: its pages come after
    /// every page of the member table (written row by row, they would be among them), and it holds
    /// every member.
    @Test func aCleanFirstImportBuildsTheIndexAfterItsRows() throws {
        let store = try TemporaryRegistry()
        let rows = (1...300).map { "M\(1000 + $0),会员\($0),男,\(Self.id($0)),,2015-01-01,,正常" }
        let (summary, rejects) = try importRows(rows, into: store)
        #expect(summary.inserted == 300 && rejects.isEmpty)
        let (memberPages, indexPages, count) = try store.registry.read { db in
            (try Int.fetchAll(db, sql: "SELECT pageno FROM dbstat WHERE name = 'member'"),
             try Int.fetchAll(db, sql: "SELECT pageno FROM dbstat WHERE name = 'member_identity'"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM member INDEXED BY member_identity WHERE id_number > ''"))
        }
        #expect(memberPages.count > 5 && indexPages.count > 1)
        #expect(indexPages.min()! > memberPages.max()!, "member \(memberPages), member_identity \(indexPages)")
        #expect(count == 300)
    }

    /// A first import that is rolled back, by --dry-run or by --strict, leaves the index as it was.
    @Test func aFirstImportRolledBackLeavesTheIndexAsItWas() throws {
        let store = try TemporaryRegistry()
        let before = try #require(try identityIndex(store))
        let trigger = try #require(try overlapTrigger(store))
        _ = try importRows(Self.rows, into: store, dryRun: true)
        let afterDryRun = try identityIndex(store)
        #expect(afterDryRun == before)
        #expect(try overlapTrigger(store) == trigger)
        #expect(throws: ImportRefusal.self) { try importRows(Self.rows, into: store, strict: true) }
        let afterRefusal = try identityIndex(store)
        #expect(afterRefusal == before)
        #expect(try overlapTrigger(store) == trigger)
        #expect(try store.registry.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM member") } == 0)
    }

    /// The set that stands in for the index says "may hold" for what it holds, and for anything once
    /// it is full, so a full set has the index built rather than a duplicate let in.
    @Test func theStandInSetErrsOnlyTowardsBuildingTheIndex() throws {
        let set = FingerprintSet(slotsFor: 0)
        var inserted: [UInt64] = []
        var generator = SystemRandomNumberGenerator()
        while !set.isFull {
            let hash = generator.next() as UInt64
            set.insert(hash)
            inserted.append(hash)
        }
        #expect(set.count == 768) // three quarters of the smallest table, 1024 slots
        #expect(inserted.allSatisfy(set.contains))
        // What was never added is mostly not there (each answers yes with a chance of about one in 2^24).
        #expect((0..<1000).filter { _ in set.contains(generator.next()) }.count < 2)
        // Hashes crowding one home slot: the 256th finds no slot near enough, and the set is full.
        let crowded = FingerprintSet(slotsFor: 0)
        for remainder in UInt64(0)..<255 { crowded.insert(remainder << 30) } // top 10 bits all zero
        #expect(!crowded.isFull && crowded.count == 255)
        crowded.insert(255 << 30)
        #expect(crowded.isFull && crowded.contains(999 << 30))

        let store = try TemporaryRegistry()
        try store.registry.write { db in
            let deferral = try #require(try IdentityIndexDeferral(db, fileSize: 0))
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'member_identity'") == 0)
            for hash in UInt64(1)...767 { deferral.record(hash &* 0x9E37_79B9_7F4A_7C15) }
            #expect(!deferral.mayHold(42))
            #expect(deferral.mayHold(5 &* 0x9E37_79B9_7F4A_7C15))
            deferral.record(43)
            #expect(deferral.mayHold(42)) // full
            try deferral.build()
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'member_identity'") == 1)
        }
    }

    /// While the trigger is away nothing stops overlapping periods, so the check that puts it back
    /// must find them; periods one after another pass, and the trigger then refuses an overlap again.
    @Test func theOverlapTriggerIsPutBackOnlyOverPeriodsThatDoNotOverlap() throws {
        let store = try TemporaryRegistry()
        let member = try store.addMember("M1", from: "2010-01-01", until: "2012-12-31")
        try store.registry.write { db in
            let deferral = try #require(try OverlapTriggerDeferral(db))
            try db.execute(sql: "INSERT INTO membership_period (member_id, start_date) VALUES (?, '2013-01-01')", arguments: [member])
            try deferral.restore()
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO membership_period (member_id, start_date, end_date, end_reason) VALUES (?, '2012-06-01', '2012-07-01', 'lapsed')",
                               arguments: [member])
            }
        }
        #expect(throws: RegistryError.self) {
            try store.registry.write { db in
                let deferral = try #require(try OverlapTriggerDeferral(db))
                try db.execute(sql: "INSERT INTO membership_period (member_id, start_date, end_date, end_reason) VALUES (?, '2012-06-01', '2012-07-01', 'lapsed')",
                               arguments: [member])
                try deferral.restore()
            }
        }
        #expect(try overlapTrigger(store) != nil) // the failed transaction was rolled back, trigger and all
    }
}
