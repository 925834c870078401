import Foundation
import GRDB
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

struct OpeningTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("registrar-open-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    @Test func aNewRegistryFileIsReadableByItsOwnerOnly() throws {
        _ = try Registry.open(path: path("new.sqlite"), mode: .createOrUpgrade)
        let permissions = try FileManager.default.attributesOfItem(atPath: path("new.sqlite"))[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test func aMissingFileIsNotCreatedByOrdinaryCommands() throws {
        #expect(throws: RegistryError.noDatabase(path: path("missing.sqlite"))) {
            try Registry.open(path: path("missing.sqlite"), mode: .existing)
        }
        #expect(!FileManager.default.fileExists(atPath: path("missing.sqlite")))
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndLeftUntouched() throws {
        let file = path("notes.sqlite")
        try Data("姓名,会员编号\n".utf8).write(to: URL(fileURLWithPath: file))
        let before = try sha256OfFile(file)
        for mode in [Registry.OpenMode.existing, .createOrUpgrade] {
            #expect(throws: RegistryError.notSQLite(path: file)) { try Registry.open(path: file, mode: mode) }
        }
        #expect(try sha256OfFile(file) == before)
    }

    @Test func anotherProgramsDatabaseIsRefusedAndLeftUntouched() throws {
        let file = path("other.sqlite")
        try DatabaseQueue(path: file).write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        let before = try sha256OfFile(file)
        #expect(throws: RegistryError.notRegistrar(path: file)) { try Registry.open(path: file, mode: .createOrUpgrade) }
        #expect(try sha256OfFile(file) == before)
    }

    @Test func aDatabaseFromANewerRegistrarIsRefusedAndLeftUntouched() throws {
        let file = path("newer.sqlite")
        let registry = try Registry.open(path: file, mode: .createOrUpgrade)
        try registry.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        try registry.writer.close()
        let before = try sha256OfFile(file)
        for mode in [Registry.OpenMode.existing, .createOrUpgrade] {
            #expect(throws: RegistryError.newerSchema(path: file)) { try Registry.open(path: file, mode: mode) }
        }
        #expect(try sha256OfFile(file) == before)
    }

    @Test func anOlderRegistryIsUpgradedInPlaceByInitOnly() throws {
        // A registry file whose migrations have not all run, as an older release would leave it.
        let file = path("older.sqlite")
        try DatabaseQueue(path: file).write { db in
            try db.execute(sql: "PRAGMA application_id = \(Registry.applicationID)")
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        }
        #expect(throws: RegistryError.olderSchema(path: file)) { try Registry.open(path: file, mode: .existing) }
        let upgraded = try Registry.open(path: file, mode: .createOrUpgrade)
        #expect(try upgraded.count(on: Day(iso: "2018-12-31")!).individual == 0)
        _ = try Registry.open(path: file, mode: .existing)
    }

    @Test func theMigratedSchemaIsExactlySchemaSQL() throws {
        let migrated = try Registry.open(path: path("migrated.sqlite"), mode: .createOrUpgrade)
        let direct = try DatabaseQueue(path: path("direct.sqlite"))
        try direct.write { db in try db.execute(sql: Schema.sql) }
        let query = "SELECT type, name, sql FROM sqlite_master WHERE tbl_name NOT LIKE 'grdb%' ORDER BY type, name"
        let fromMigrations = try migrated.read { db in try Row.fetchAll(db, sql: query) }
        let fromFile = try direct.read { db in try Row.fetchAll(db, sql: query) }
        #expect(fromMigrations == fromFile)
        #expect(fromFile.count > 20)
    }
}
