import Foundation
import GRDB
import RegistrarModel
import RegistrarInput

/// What SQLite's own checks found in a registry file.
public struct RegistryCheck: Sendable, Equatable, Encodable {
    /// SQLite's integrity and foreign-key findings, one line each (at most the first 20).
    public var problems: [String]
    public var isHealthy: Bool { problems.isEmpty }

    enum CodingKeys: String, CodingKey { case ok, problems }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(isHealthy, forKey: .ok)
        try container.encode(problems, forKey: .problems)
    }
}

/// A consistent copy of the registry, written by `registrar backup`.
public struct RegistryBackup: Sendable, Equatable, Encodable {
    public var path: String
    public var bytes: Int
}

extension Registry {
    /// Runs `PRAGMA integrity_check` and `PRAGMA foreign_key_check` on the file at `path` through a
    /// read-only connection, without the checks `open` makes first: a damaged file is what this is for.
    public static func check(path: String) throws -> RegistryCheck {
        guard FileManager.default.fileExists(atPath: path) else { throw RegistryError.noDatabase(path: path) }
        do {
            let reader = try readOnlyQueue(path: path)
            defer { try? reader.close() }
            return try reader.read { db in
                var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check(20)").filter { $0 != "ok" }
                if problems.isEmpty {
                    let rows = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
                    problems += rows.prefix(20).map { row in
                        "foreign key: row \(row[1] as Int64? ?? 0) of \(row[0] as String? ?? "?") names a missing row of \(row[2] as String? ?? "?")"
                    }
                }
                return RegistryCheck(problems: problems.map(Sanitized.message))
            }
        } catch let error as DatabaseError {
            let code = error.resultCode.rawValue & 0xFF
            guard code == 11 || code == 26 else {
                throw RegistryError.failure(path: path, code: error.resultCode.rawValue, message: error.message)
            }
            return RegistryCheck(problems: [Sanitized.message(error.message ?? "database disk image is malformed")])
        }
    }

    /// Copies the live registry to `path` with `VACUUM INTO` (a consistent snapshot, even while
    /// another process imports), adds the audit entries still waiting in the web view's journal,
    /// checks the copy with `integrity_check`, and only then puts it in place, readable by its owner only.
    ///
    /// The journal is read just before the snapshot and again just after, and the copy takes what
    /// either read holds that its `web_audit_journal` mark says it lacks: an entry moved into the
    /// registry between the two reads is in one of them, and one moved before the snapshot is in the
    /// copy already. So no entry made before the backup began is lost, and none is there twice; a
    /// restored copy beside the old journal skips what it has, by the same mark.
    public func backup(to path: String) throws -> RegistryBackup {
        let output = try OutputFile(path: path, protecting: .init(registry: self.path))
        try output.produce { temporary in
            let waitingBefore = try AuditJournal.waiting(registryPath: self.path)
            do {
                try writer.writeWithoutTransaction { db in
                    try db.execute(sql: "VACUUM INTO ?", arguments: [temporary])
                }
            } catch let error as DatabaseError {
                throw RegistryError.failure(path: self.path, code: error.resultCode.rawValue, message: error.message)
            }
            let waitingAfter = try AuditJournal.waiting(registryPath: self.path)
            try Self.addJournalEntries([waitingBefore, waitingAfter].compactMap { $0 }, toCopy: temporary)
            let copy = try Registry.check(path: temporary)
            guard copy.isHealthy else {
                throw RegistryError.sqlite(path: path, message: "the copy failed its integrity check (\(copy.problems[0]))")
            }
            // Audited before the copy is put in place: a backup that cannot be recorded (another
            // command holding the registry past the wait) leaves no file either.
            try write { db in
                try Registry.appendAudit(db, .backup, subject: (path as NSString).lastPathComponent)
            }
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int
        return RegistryBackup(path: path, bytes: size ?? 0)
    }

    /// Appends to the copy at `copy` the journal entries it lacks, one transaction for them all.
    private static func addJournalEntries(_ reads: [(identity: String, entries: [(id: Int64, entry: PendingAudit)])],
                                          toCopy copy: String) throws {
        var byJournal: [String: [Int64: PendingAudit]] = [:]
        for read in reads {
            for (id, entry) in read.entries { byJournal[read.identity, default: [:]][id] = entry }
        }
        guard byJournal.values.contains(where: { !$0.isEmpty }) else { return }
        do {
            let queue = try DatabaseQueue(path: copy)
            try queue.write { db in
                for (identity, entries) in byJournal.sorted(by: { $0.key < $1.key }) {
                    try AuditJournal.append(entries.map { (id: $0.key, entry: $0.value) }, of: identity, to: db)
                }
            }
            try queue.close()
        } catch let error as DatabaseError {
            throw RegistryError.failure(path: copy, code: error.resultCode.rawValue, message: error.message)
        }
    }
}
