import CRegistrar
import Foundation
import GRDB
import RegistrarModel
import RegistrarInput

/// 会员库: the registry of one society, in one SQLite file.
///
/// Owns the database connection, opens it safely, runs the migrator, and exposes what the
/// commands need by name (`count(on:)`, `member(key:)`); commands never see SQL.
public struct Registry: Sendable {
    public let path: String
    let writer: DatabaseQueue
    /// The migrations this opening applied, oldest first: all of them for a new file, the newer ones
    /// for a registry an older release made, none for a current one.
    public private(set) var appliedMigrations: [String] = []
    /// Where audited look-ups record their entries when they must not wait for the write lock (the
    /// web view); nil for the commands, which audit in the look-up's transaction (`auditedRead`).
    var auditJournal: AuditJournal?

    /// Whether this opening brought a registry made by an earlier release up to the current schema.
    public var wasUpgraded: Bool { appliedMigrations.first.map { $0 != Migrations.first } ?? false }

    init(path: String, writer: DatabaseQueue) {
        self.path = path
        self.writer = writer
    }

    public enum OpenMode: Sendable {
        /// `init`: create a new file or upgrade an older one in place.
        case createOrUpgrade
        /// Every other command: the file must exist and be at the current schema.
        case existing
        /// A command that only reads: the file must exist and be current, and is never written, so
        /// it can be read on a read-only mount or from a copy someone may not change.
        case readOnly
    }

    /// Registry `application_id`, 'REGR', set by schema.sql, which tells our files from others'.
    static let applicationID: Int32 = 1_380_271_954

    /// Opens the registry at `path`, refusing, and leaving untouched, any file that is not ours to change.
    public static func open(path: String, mode: OpenMode) throws -> Registry {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            throw RegistryError.cannotCreate(path: path, reason: "it is a folder")
        }
        if !exists {
            guard mode == .createOrUpgrade else { throw RegistryError.noDatabase(path: path) }
            try createPrivateFile(at: path)
        } else {
            try inspect(path: path, mode: mode)
        }
        if mode == .readOnly { return try openReadOnly(path: path) }
        var registry: Registry
        do {
            let writer = try DatabaseQueue(path: path, configuration: configuration())
            let migrator = Migrations.migrator
            let before = try writer.read { db in try migrator.appliedIdentifiers(db) }
            try migrator.migrate(writer)
            registry = Registry(path: path, writer: writer)
            registry.appliedMigrations = migrator.migrations.filter { !before.contains($0) }
        } catch let error as DatabaseError {
            // A file that can be read but not written (or whose folder cannot hold its -wal and -shm).
            if error.resultCode.primaryResultCode == .SQLITE_CANTOPEN,
               access(path, W_OK) != 0 || access(OutputFile.folder(of: path), W_OK) != 0 {
                throw RegistryError.readOnly(path: path)
            }
            throw RegistryError.failure(path: path, code: error.resultCode.rawValue, message: error.message)
        }
        return registry
    }

    /// A read-only connection. On a read-only mount SQLite cannot make the `-shm` a WAL-mode file
    /// needs; when no `-wal` holds changes, the file is then read as immutable, which needs neither.
    private static func openReadOnly(path: String) throws -> Registry {
        do {
            return Registry(path: path, writer: try readOnlyQueue(path: path))
        } catch let error as DatabaseError {
            throw RegistryError.failure(path: path, code: error.resultCode.rawValue, message: error.message)
        }
    }

    static func readOnlyQueue(path: String, rolledBack: Bool = false) throws -> DatabaseQueue {
        do {
            let queue = try DatabaseQueue(path: path, configuration: readOnlyConfiguration())
            try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return queue
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_READONLY_ROLLBACK && !rolledBack {
            // A first import killed part-way (`FirstLoadJournal`) left its rollback journal, which a
            // read-only connection may not play back: a connection that may write (and waits for
            // others as every one does) puts the registry back as it was, as any SQLite program
            // opening it would, and back in WAL mode; it is then read as asked.
            do {
                let recovering = try DatabaseQueue(path: path, configuration: configuration())
                try recovering.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
                try recovering.close()
            } catch let failure as DatabaseError where [.SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_IOERR, .SQLITE_PERM]
                        .contains(failure.resultCode.primaryResultCode) {
                throw RegistryError.interruptedImport(path: path)
            }
            return try readOnlyQueue(path: path, rolledBack: true)
        } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_CANTOPEN {
            let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size]) as? Int ?? 0
            guard wal == 0 else { throw RegistryError.unreadableJournal(path: path) }
            let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
            var allowed = CharacterSet.urlPathAllowed
            allowed.remove(charactersIn: "?#%")
            let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
            return try DatabaseQueue(path: "file:" + encoded + "?immutable=1", configuration: readOnlyConfiguration())
        }
    }

    /// SQLite's allocation statistics cost a process-wide mutex on every allocation it makes, a few
    /// per cent of an import, and nothing here reads them. Off before SQLite first initialises
    /// (afterwards SQLite refuses the change, which is harmless). With them, once per process, the
    /// C library's mmap threshold is fixed (`registrar_malloc_fixed_mmap_threshold`), so large blocks
    /// an import frees go back to the system.
    static let oneTimeSettings: Void = {
        _ = registrar_sqlite_disable_memory_statistics()
        _ = registrar_sqlite_enable_uri_filenames()
        _ = registrar_malloc_fixed_mmap_threshold()
    }()

    /// Every connection the registry opens is configured here, so SQLite's one-time settings come first.
    static func configuration() -> Configuration {
        oneTimeSettings
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Two registrar processes on one file wait for each other instead of failing at once: long
        // enough for a million-row import to finish first.
        configuration.busyMode = .timeout(busyWait)
        configuration.prepareDatabase { db in try setWAL(db) }
        return configuration
    }

    /// How long a connection waits for another that holds the registry: long enough for a
    /// million-row import to finish first.
    static let busyWait: TimeInterval = 300

    /// Puts the connection in WAL mode. While a first import holds the file with a rollback journal
    /// (`FirstLoadJournal`), SQLite refuses the switch at once, busy, without its busy handler: it is
    /// tried again until the import ends, for as long as any connection waits for another (`busyWait`).
    static func setWAL(_ db: Database) throws {
        let deadline = Date().addingTimeInterval(busyWait)
        while true {
            do {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                return
            } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_BUSY && Date() < deadline {
                usleep(20_000)
            }
        }
    }

    /// A connection that only looks: before a file is known to be ours, or to read it unchanged.
    static func readOnlyConfiguration() -> Configuration {
        oneTimeSettings
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyWait)
        return configuration
    }

    /// New registry files hold personal information: readable and writable by their owner only.
    private static func createPrivateFile(at path: String) throws {
        let descriptor = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard descriptor >= 0 else {
            throw RegistryError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        close(descriptor)
    }

    /// Looks at an existing file through a read-only connection before anything may write to it.
    static func inspect(path: String, mode: OpenMode) throws {
        guard let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int else {
            throw RegistryError.cannotCreate(path: path, reason: "it cannot be read")
        }
        if size == 0 { return } // an empty file is a new SQLite database
        do {
            let reader = try readOnlyQueue(path: path)
            defer { try? reader.close() }
            try reader.read { db in
                let applicationID = try Int32(Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0)
                let objectCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if objectCount == 0 && applicationID == 0 { return }
                guard applicationID == Registry.applicationID else {
                    throw RegistryError.notRegistrar(path: path)
                }
                let migrator = Migrations.migrator
                if try migrator.hasBeenSuperseded(db) {
                    throw RegistryError.newerSchema(path: path)
                }
                if mode != .createOrUpgrade, try !migrator.hasCompletedMigrations(db) {
                    throw RegistryError.olderSchema(path: path)
                }
            }
        } catch let error as RegistryError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw RegistryError.notSQLite(path: path)
        } catch let error as DatabaseError {
            throw RegistryError.failure(path: path, code: error.resultCode.rawValue, message: error.message)
        }
    }

    /// Runs `body` in one write transaction, turning SQLite's refusals into one-line errors.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try translatingRefusals { try writer.write(body) }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try translatingRefusals { try writer.read(body) }
    }

    /// SQLite's refusals, from GRDB or from the import's own statements, as `RegistryError`s naming the file.
    private func translatingRefusals<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as StepFailure {
            throw RegistryError.failure(path: path, code: failure.code, message: failure.message)
        } catch let error as DatabaseError {
            throw RegistryError.failure(path: path, code: error.resultCode.rawValue, message: error.message)
        }
    }
}
