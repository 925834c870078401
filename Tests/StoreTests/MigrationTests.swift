import Foundation
import GRDB
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

/// Upgrading a registry made by an earlier release: every row kept, every rule still enforced.
struct MigrationTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures")

    /// Every table's rows in rowid order (or key order for a table without rowid), as text.
    static func contents(_ db: Database) throws -> [String: [Row]] {
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'grdb%'
                AND name NOT LIKE 'member\\_name\\_fts%' ESCAPE '\\'
            """)
        var result: [String: [Row]] = [:]
        for table in tables {
            result[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2")
        }
        return result
    }

    @Test func aVersion1RegistryHoldingTheFixturesIsUpgradedWithEveryRowKept() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registrar-migration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v1.sqlite").path

        // A registry as the first release left it, loaded with the whole demo society.
        let old = try DatabaseQueue(path: path, configuration: Registry.configuration())
        try Migrations.migrator.migrate(old, upTo: "v1-schema")
        let v1 = Registry(path: path, writer: old)
        for step in Demo.steps {
            var options = ImportOptions(asOf: Day(iso: step.asOf)!)
            options.snapshot = step.snapshot
            options.rejectsPath = folder.appendingPathComponent("\(step.kind)-rejects.csv").path
            _ = try v1.importFile(step.kind, path: Self.fixtures.appendingPathComponent(step.file).path, options: options)
        }
        let before = try old.read(Self.contents)
        #expect((before["member"]?.count ?? 0) > 250)
        #expect((before["service_record"]?.count ?? 0) > 0)
        #expect((before["integrity_case"]?.count ?? 0) > 0)
        #expect((before["board_attendance"]?.count ?? 0) > 0)
        try old.close()

        #expect(throws: RegistryError.olderSchema(path: path)) { try Registry.open(path: path, mode: .existing) }
        let upgraded = try Registry.open(path: path, mode: .createOrUpgrade)
        #expect(upgraded.appliedMigrations == ["v2-enumeration-checks", "v3-identity-index", "v4-registration", "v5-web-users",
                                                "v6-registration-speed", "v7-web-search", "v8-period-span-columns",
                                                "v9-name-index-without-sizes"])
        #expect(try Registry.open(path: path, mode: .existing).appliedMigrations.isEmpty)
        let after = try upgraded.writer.read(Self.contents)
        // v4 adds the registration table and the society's registration settings: every earlier row
        // is kept, column for column, the new table starts empty and the settings at their defaults.
        let kept = try upgraded.writer.read { db in
            try Dictionary(uniqueKeysWithValues: before.map { table, rows in
                let columns = rows.first.map { Array($0.columnNames).joined(separator: ", ") } ?? "*"
                return (table, try Row.fetchAll(db, sql: "SELECT \(columns) FROM \(table) ORDER BY 1, 2"))
            })
        }
        #expect(kept == before)
        #expect(Set(after.keys).subtracting(before.keys) == ["registration", "web_user", "web_audit_journal"])
        #expect(after["registration"] == [] && after["web_user"] == [] && after["web_audit_journal"] == [])
        // v7 builds the name index from the members the registry already holds.
        let someone = try #require(before["member"]?.map { $0["name"] as String }.first { $0.count >= 3 })
        #expect(try upgraded.searchMembers(someone, offset: 0, limit: 10).hits.contains { $0.name == someone })
        try upgraded.writer.write { db in
            try db.execute(sql: "INSERT INTO member_name_fts (member_name_fts, rank) VALUES ('integrity-check', 1)")
        }
        #expect(try upgraded.settings().registration == RegistrationRule())
        try upgraded.writer.read { db in
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            // Other tables still refer to the rebuilt ones by name, not to the renamed-aside copies.
            let stale = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE sql LIKE '%\\_v1%' ESCAPE '\\' OR sql LIKE '%\\_v2%' ESCAPE '\\'
                    OR sql LIKE '%\\_v3%' ESCAPE '\\' OR sql LIKE '%\\_v7%' ESCAPE '\\'
                """)
            #expect(stale.isEmpty)
        }
        #expect(try upgraded.count(on: Day(iso: "2019-12-31")!).individual == 258)

        // The rebuilt tables enforce what they did: enumerations, the ORCID iD, the identity number,
        // non-overlapping periods.
        try upgraded.writer.write { db in
            let someone = try Int64.fetchOne(db, sql: "SELECT member_id FROM membership_period WHERE end_date IS NULL LIMIT 1")!
            let identified = try Row.fetchOne(db, sql: "SELECT id, id_number, id_type FROM member WHERE id_number IS NOT NULL LIMIT 1")!
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: """
                    UPDATE member SET id_number = ?, id_type = ?
                    WHERE id = (SELECT id FROM member WHERE id <> ? AND id_type = ? LIMIT 1)
                    """,
                               arguments: [identified["id_number"], identified["id_type"], identified["id"], identified["id_type"]])
            }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE member SET grade = 'gold' WHERE id = ?", arguments: [someone]) }
            try db.execute(sql: "UPDATE member SET orcid = '0000-0002-1825-0097' WHERE id = ?", arguments: [someone])
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "UPDATE member SET orcid = '0000-0002-1825-0097' WHERE id = ?", arguments: [someone + 1])
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO membership_period (member_id, start_date) VALUES (?, '2000-01-01')", arguments: [someone])
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO service_record (member_id, served_on, type, channel) VALUES (?, '2019-01-01', 'party', 'online')",
                               arguments: [someone])
            }
        }
    }

    /// A registry of the release before v6, holding registrations with gaps and members with none,
    /// gets every period's registration span derived by the migration, exactly as the importers
    /// derive them, and counts as it did before.
    @Test func aVersion5RegistryGetsItsRegistrationSpansDerived() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registrar-migration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v5.sqlite").path
        let old = try DatabaseQueue(path: path, configuration: Registry.configuration())
        try Migrations.migrator.migrate(old, upTo: "v5-web-users")
        let patterns: [(periods: [(String, String?)], years: [Int])] = [
            ([("2015-01-01", nil)], []), ([("2015-01-01", nil)], [2017, 2018, 2019]), ([("2015-01-01", nil)], [2016, 2018, 2019]),
            ([("2015-01-01", "2017-06-30"), ("2018-01-01", nil)], [2015, 2016, 2018]), ([("2016-01-01", nil)], [2019, 2017]),
        ]
        try old.write { db in
            try db.execute(sql: "UPDATE society SET registration_required_from = 2017")
            for (index, pattern) in patterns.enumerated() {
                try db.execute(sql: "INSERT INTO member (member_no, name) VALUES (?, '会员')", arguments: ["V\(index)"])
                let id = db.lastInsertedRowID
                for (start, end) in pattern.periods {
                    try db.execute(sql: "INSERT INTO membership_period (member_id, start_date, end_date, end_reason) VALUES (?, ?, ?, ?)",
                                   arguments: [id, start, end, end == nil ? nil : "resigned"])
                }
                for year in pattern.years {
                    try db.execute(sql: "INSERT INTO registration (member_id, year, recorded_on) VALUES (?, ?, '2019-12-31')",
                                   arguments: [id, year])
                }
            }
        }
        let days = ["2017-03-31", "2017-12-31", "2018-03-31", "2018-12-31", "2019-03-31", "2019-12-31", "2020-03-31", "2020-04-01"]
        try old.close()

        let upgraded = try Registry.open(path: path, mode: .createOrUpgrade)
        #expect(upgraded.appliedMigrations == ["v6-registration-speed", "v7-web-search", "v8-period-span-columns",
                                                "v9-name-index-without-sizes"])
        let spans = "SELECT member_id, start_date, registered_from, registered_through FROM membership_period ORDER BY 1, 2"
        let migrated = try upgraded.writer.read { db in try Row.fetchAll(db, sql: spans) }
        #expect(migrated.map { "\($0[0] as Int) \(($0[2] as Int?).map(String.init) ?? "-")…\(($0[3] as Int?).map(String.init) ?? "-")" }
                == ["1 0…0", "2 2017…2019", "3 2018…2019", "4 2018…2018", "4 2018…2018", "5 2019…2019"])
        let derived = try upgraded.writer.write { db in
            try RegistrationSpans.refreshAll(db)
            return try Row.fetchAll(db, sql: spans)
        }
        #expect(derived == migrated)
        // The same counts as with no span derived, when the registration table answers every period.
        let counts = try days.map { try upgraded.count(on: Day(iso: $0)!) }
        try upgraded.writer.write { db in try db.execute(sql: "UPDATE membership_period SET registered_from = NULL, registered_through = NULL") }
        #expect(try days.map { try upgraded.count(on: Day(iso: $0)!) } == counts)
        #expect(counts.map(\.individual) != counts.map(\.individualOnRoll))
        let checks = try upgraded.writer.read { db in
            (try String.fetchAll(db, sql: "PRAGMA integrity_check"), try Row.fetchAll(db, sql: "PRAGMA foreign_key_check"))
        }
        #expect(checks.0 == ["ok"] && checks.1.isEmpty)
    }

    /// A registry of the release before v8 gets its periods rebuilt with the span beside the dates:
    /// every period kept column for column, the same counts, the overlap rule still enforced.
    @Test func aVersion7RegistryKeepsEveryPeriodWithTheSpanBesideTheDates() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registrar-migration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v7.sqlite").path
        let old = try DatabaseQueue(path: path, configuration: Registry.configuration())
        try Migrations.migrator.migrate(old, upTo: "v7-web-search")
        try old.write { db in
            try db.execute(sql: "UPDATE society SET registration_required_from = 2017")
            for index in 1...40 {
                try db.execute(sql: "INSERT INTO member (member_no, name) VALUES (?, '会员')", arguments: ["V\(index)"])
                let id = db.lastInsertedRowID
                try db.execute(sql: "INSERT INTO membership_period (member_id, start_date, end_date, end_reason) VALUES (?, ?, ?, ?)",
                               arguments: [id, "201\(index % 8)-0\(1 + index % 9)-01", index % 3 == 0 ? "2019-06-30" : nil,
                                           index % 3 == 0 ? "resigned" : nil])
                for year in [2017, 2018, 2019] where (index + year) % 4 != 0 {
                    try db.execute(sql: "INSERT INTO registration (member_id, year, recorded_on) VALUES (?, ?, '2019-12-31')",
                                   arguments: [id, year])
                }
            }
            try RegistrationSpans.refreshAll(db)
        }
        let columns = "id, member_id, start_date, end_date, end_reason, batch_id, ended_batch_id, registered_from, registered_through"
        let before = try old.read { db in try Row.fetchAll(db, sql: "SELECT \(columns) FROM membership_period ORDER BY id") }
        try old.close()
        let days = ["2017-03-31", "2018-12-31", "2019-03-31", "2019-06-30", "2019-12-31", "2020-04-01"].compactMap(Day.init(iso:))
        let oldCounts = try days.map { day in try DatabaseQueue(path: path).read { db in try Registry.count(db, on: day) } }

        let upgraded = try Registry.open(path: path, mode: .createOrUpgrade)
        #expect(upgraded.appliedMigrations == ["v8-period-span-columns", "v9-name-index-without-sizes"])
        try upgraded.writer.read { db in
            #expect(try Row.fetchAll(db, sql: "SELECT \(columns) FROM membership_period ORDER BY id") == before)
            let order = try Row.fetchAll(db, sql: "PRAGMA table_info(membership_period)").map { $0["name"] as String }
            #expect(order.prefix(6) == ["id", "member_id", "start_date", "end_date", "registered_from", "registered_through"])
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE sql LIKE '%\\_v7%' ESCAPE '\\'").isEmpty)
        }
        #expect(try days.map { try upgraded.count(on: $0) } == oldCounts)
        #expect(oldCounts.map(\.individual) != oldCounts.map(\.individualOnRoll))
        try upgraded.writer.write { db in
            let open = try #require(try Int64.fetchOne(db, sql: "SELECT member_id FROM membership_period WHERE end_date IS NULL LIMIT 1"))
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO membership_period (member_id, start_date) VALUES (?, '2000-01-01')", arguments: [open])
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO membership_period (member_id, start_date, end_date, end_reason) VALUES (?, '2000-01-01', '2030-01-01', 'resigned')",
                               arguments: [open])
            }
        }
    }

    /// `registrar demo` replaces its own registry even when an earlier release made it, and still
    /// refuses, untouched, a registry of the same older release that is not the demo's.
    @Test func theDemoReplacesItsOwnOlderRegistryButNoOtherOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registrar-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func olderRegistry(named name: String) throws -> String {
            let path = folder.appendingPathComponent("\(UUID().uuidString).sqlite").path
            let queue = try DatabaseQueue(path: path, configuration: Registry.configuration())
            try Migrations.migrator.migrate(queue, upTo: "v1-schema")
            try queue.write { db in try db.execute(sql: "UPDATE society SET name = ?", arguments: [name]) }
            try queue.close()
            return path
        }
        let demo = try olderRegistry(named: Demo.societyName)
        let (registry, _) = try Demo.load(path: demo, fixtures: Self.fixtures.path, rejectsFolder: folder.path)
        #expect(try registry.count(on: Day(iso: "2019-12-31")!).individual == 258)

        let someoneElses = try olderRegistry(named: "中国某某学会")
        let before = try Data(contentsOf: URL(fileURLWithPath: someoneElses))
        #expect(throws: RegistryError.alreadyExists(path: someoneElses)) {
            try Demo.load(path: someoneElses, fixtures: Self.fixtures.path, rejectsFolder: folder.path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: someoneElses)) == before)
    }
}
