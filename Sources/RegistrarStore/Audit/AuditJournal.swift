import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif
import RegistrarModel
import RegistrarInput

/// Where the web view's audit entries go when the registry cannot take them at once: a small SQLite
/// file beside the registry (`<registry>.web-audit`, mode 0600), written durably before the page
/// that made the entry is sent, and moved into `audit_log` as soon as the registry can be written.
///
/// Why: an import holds the registry's one write lock for its whole transaction, and an audit entry
/// written in the look-up's own transaction made every member page wait for the import to commit.
/// Now the look-up is a WAL read, and its entry is written to the registry at once when nothing else
/// writes (no waiting: SQLite answers "busy" at once), else to this journal.
///
/// Nothing is lost and nothing is written twice:
/// - an entry is committed (synchronous = FULL) in the registry or in the journal before the page
///   is shown, so a server that stops, however it stops, has every entry in one of the two files;
/// - the move is one registry transaction that appends the entries and records, in the registry's
///   `web_audit_journal` table, the last journal entry moved for this journal's identity; only then
///   are they deleted from the journal. A stop between the two leaves entries in the journal that
///   the mark says are moved already: the next move skips them. The identity is made with the file,
///   so a journal deleted and made again never has its entries taken for moved ones.
/// - the next `registrar serve`, or `registrar audit`, moves what an earlier run left.
///
/// Entries keep the time and user of their look-up; `audit_log` ids follow the order they were
/// moved in, which for entries held in the journal is a little after the look-up.
public final class AuditJournal: @unchecked Sendable {
    public let path: String
    private let registry: DatabaseQueue
    /// The mover's own connection to the registry. A move of thousands of entries after an import
    /// waits for its commit's fsync; on `registry`'s queue that held up every look at data_version,
    /// and so every dashboard. Its commits do change what `dataVersion` sees, once per move, which
    /// happens only after something else wrote (an import, mostly) and costs one dashboard.
    private let moverRegistry: DatabaseQueue
    private let journal: DatabaseQueue
    private let identity: String
    /// Orders entries: while any wait in the journal, new ones join them, so they reach the
    /// registry in the order they were made.
    private let lock = NSCondition()
    private var waiting: Int
    private var stopping = false
    private var mover: Thread?
    /// Group commit: each `record` takes a ticket; one caller at a time commits every entry queued
    /// so far in one transaction (one fsync), and the others wait until their ticket is durable.
    /// Fifty pages audited at once during an import cost one journal commit, not fifty in a row.
    private var queued: [(ticket: Int, entries: [PendingAudit])] = []
    private var issued = 0
    private var durableThrough = 0
    private var committing = false
    private var failed: [Int: any Error] = [:]
    /// Held while entries are written (a batch of `record`'s, or a `move`): one writer at a time, so
    /// `waiting` is exact when a batch decides between the registry and the journal.
    private let writing = NSLock()

    /// The journal of the registry at `registryPath`, made if there is none.
    public init(registryPath: String) throws {
        let file = registryPath + ".web-audit"
        path = file
        do {
            try Self.makePrivateFile(file)
            var configuration = Configuration()
            configuration.busyMode = .timeout(300)
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            let journal = try DatabaseQueue(path: file, configuration: configuration)
            self.journal = journal
            identity = try journal.write { db -> String in
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS journal_identity (identity TEXT NOT NULL);
                    CREATE TABLE IF NOT EXISTS entry (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, subject TEXT, detail TEXT);
                    """)
                if let identity = try String.fetchOne(db, sql: "SELECT identity FROM journal_identity") { return identity }
                let identity = (0..<2).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }.joined(separator: "-")
                try db.execute(sql: "INSERT INTO journal_identity (identity) VALUES (?)", arguments: [identity])
                return identity
            }
            waiting = try journal.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entry") ?? 0 }
            // The registry, never waited for: busy means an import (or a command) is writing.
            var registryConfiguration = Registry.configuration()
            registryConfiguration.busyMode = .immediateError
            registry = try DatabaseQueue(path: registryPath, configuration: registryConfiguration)
            moverRegistry = try DatabaseQueue(path: registryPath, configuration: registryConfiguration)
        } catch let error as DatabaseError {
            throw RegistryError.failure(path: file, code: error.resultCode.rawValue, message: error.message)
        }
    }

    deinit { stop() }

    /// Entries held in the journal, not yet in the registry.
    public var waitingCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return waiting
    }

    /// SQLite's `data_version` seen from the connection that writes the entries: it moves when any
    /// other connection commits, and not for the entries themselves, so a figure kept until it moves
    /// is not thrown away by every audited page.
    public func dataVersion() throws -> Int {
        // Not under `lock`: a look at the version never waits for entries being made durable.
        do {
            return try registry.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch let error as DatabaseError {
            throw RegistryError.failure(path: path, code: error.resultCode.rawValue, message: error.message)
        }
    }

    /// Makes `entries` durable: in the registry if it is free and nothing waits in the journal,
    /// else in the journal (and the mover is woken). Returns once they are committed, together with
    /// whatever other pages recorded meanwhile.
    func record(_ entries: [PendingAudit]) throws {
        guard !entries.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        issued += 1
        let ticket = issued
        queued.append((ticket, entries))
        while durableThrough < ticket {
            guard !committing else { lock.wait(); continue }
            committing = true
            let batch = queued
            queued = []
            lock.unlock()
            writing.lock()
            let result = Result { try commit(batch.flatMap(\.entries)) }
            writing.unlock()
            lock.lock()
            committing = false
            if case .failure(let error) = result {
                for (queuedTicket, _) in batch { failed[queuedTicket] = error }
            }
            durableThrough = max(durableThrough, batch.last?.ticket ?? ticket)
            lock.broadcast()
        }
        if let error = failed.removeValue(forKey: ticket) { throw error }
    }

    /// One batch of `record`, under `writing`.
    private func commit(_ entries: [PendingAudit]) throws {
        lock.lock()
        let journalHoldsSome = waiting > 0
        lock.unlock()
        if !journalHoldsSome {
            do {
                try registry.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        for entry in entries { try Registry.appendAudit(db, entry) }
                        return .commit
                    }
                }
                return
            } catch is DatabaseError {
                // Busy: an import is writing. (Or the registry refused for another reason, a full disk
                // say: the journal keeps them all the same.)
            }
        }
        do {
            try journal.write { db in
                for entry in entries {
                    try db.execute(sql: "INSERT INTO entry (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [entry.at, entry.actor, entry.action, entry.subject, entry.detail])
                }
            }
        } catch let error as DatabaseError {
            throw RegistryError.failure(path: path, code: error.resultCode.rawValue, message: error.message)
        }
        lock.lock()
        waiting += entries.count
        lock.broadcast()
        lock.unlock()
    }

    /// Moves what waits in the journal into the registry, unless the registry is being written
    /// (`wait` false) or until it is free (`wait` true, as long as a command would wait). Returns
    /// whether the journal is empty.
    @discardableResult
    public func move(wait: Bool = false) throws -> Bool {
        while true {
            writing.lock()
            let round: MoveRound
            do {
                round = try moveRound()
            } catch {
                writing.unlock()
                throw error
            }
            writing.unlock()
            switch round {
            case .emptied: return true
            case .moved: continue
            case .busy:
                guard wait else { return false }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    private enum MoveRound { case emptied, moved, busy }

    /// One batch of `move`, under `writing`.
    private func moveRound() throws -> MoveRound {
        do {
            let entries: [(id: Int64, entry: PendingAudit)]
            do {
                entries = try journal.read { db in
                    try Row.fetchAll(db, sql: "SELECT id, at, actor, action, subject, detail FROM entry ORDER BY id LIMIT 5000").map {
                        row -> (id: Int64, entry: PendingAudit) in
                        (row["id"], PendingAudit(at: row["at"], actor: row["actor"], action: row["action"],
                                                 subject: row["subject"], detail: row["detail"]))
                    }
                }
            } catch let error as DatabaseError {
                throw RegistryError.failure(path: path, code: error.resultCode.rawValue, message: error.message)
            }
            guard let last = entries.last?.id else {
                lock.lock()
                waiting = 0
                lock.unlock()
                return .emptied
            }
            do {
                try moverRegistry.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        try Self.append(entries, of: identity, to: db)
                        return .commit
                    }
                }
            } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_BUSY
                        || error.resultCode.primaryResultCode == .SQLITE_LOCKED {
                return .busy
            } catch let error as DatabaseError {
                throw RegistryError.failure(path: path, code: error.resultCode.rawValue, message: error.message)
            }
            do {
                try journal.write { db in try db.execute(sql: "DELETE FROM entry WHERE id <= ?", arguments: [last]) }
                let left = try journal.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entry") ?? 0 }
                lock.lock()
                waiting = left
                lock.unlock()
            } catch let error as DatabaseError {
                throw RegistryError.failure(path: path, code: error.resultCode.rawValue, message: error.message)
            }
            return .moved
        }
    }

    /// Appends to `db`'s audit log the entries of the journal `identity` that its `web_audit_journal`
    /// mark says are not there yet, and moves the mark past them: in the caller's transaction, so the
    /// entries and the mark are committed together.
    static func append(_ entries: [(id: Int64, entry: PendingAudit)], of identity: String, to db: Database) throws {
        guard let last = entries.map(\.id).max() else { return }
        let moved = try Int64.fetchOne(db, sql: "SELECT last_entry FROM web_audit_journal WHERE journal = ?",
                                       arguments: [identity]) ?? 0
        for (id, entry) in entries.sorted(by: { $0.id < $1.id }) where id > moved { try Registry.appendAudit(db, entry) }
        try db.execute(sql: """
            INSERT INTO web_audit_journal (journal, last_entry) VALUES (?1, ?2)
            ON CONFLICT (journal) DO UPDATE SET last_entry = max(last_entry, ?2)
            """, arguments: [identity, last])
    }

    /// What waits in the journal beside the registry at `registryPath`, with the journal's identity;
    /// nil if it has none. Reads only: the journal is neither made nor changed.
    static func waiting(registryPath: String) throws -> (identity: String, entries: [(id: Int64, entry: PendingAudit)])? {
        let file = registryPath + ".web-audit"
        guard FileManager.default.fileExists(atPath: file) else { return nil }
        do {
            let journal = try DatabaseQueue(path: file)
            defer { try? journal.close() }
            return try journal.read { db in
                guard try db.tableExists("journal_identity"), try db.tableExists("entry"),
                      let identity = try String.fetchOne(db, sql: "SELECT identity FROM journal_identity") else { return nil }
                let entries = try Row.fetchAll(db, sql: "SELECT id, at, actor, action, subject, detail FROM entry ORDER BY id").map {
                    row -> (id: Int64, entry: PendingAudit) in
                    (row["id"], PendingAudit(at: row["at"], actor: row["actor"], action: row["action"],
                                             subject: row["subject"], detail: row["detail"]))
                }
                return (identity, entries)
            }
        } catch let error as DatabaseError {
            throw RegistryError.failure(path: file, code: error.resultCode.rawValue, message: error.message)
        }
    }

    /// Keeps moving entries on a thread of its own while the server runs: at once when the registry
    /// is free, else a twentieth of a second later.
    public func startMoving() {
        lock.lock()
        defer { lock.unlock() }
        guard mover == nil else { return }
        let thread = Thread { [weak self] in
            while let self, self.moveOnce() {}
        }
        thread.name = "registrar.audit-journal"
        mover = thread
        thread.start()
    }

    /// One round of the mover; false once stopped.
    private func moveOnce() -> Bool {
        lock.lock()
        while waiting == 0 && !stopping { _ = lock.wait(until: Date().addingTimeInterval(1)) }
        let stopped = stopping
        lock.unlock()
        if stopped { return false }
        // Errors other than busy (a full disk, say) leave the entries in the journal for the next round.
        if (try? move(wait: false)) != true { Thread.sleep(forTimeInterval: 0.05) }
        return true
    }

    /// Stops the mover (entries still waiting stay in the journal for the next run).
    public func stop() {
        lock.lock()
        stopping = true
        lock.broadcast()
        lock.unlock()
    }

    /// `registrar audit`: moves what a web view left in the journal of the registry at `registryPath`,
    /// if it has one and the registry is free; returns how many entries still wait there.
    public static func moveLeftovers(registryPath: String) throws -> Int {
        guard FileManager.default.fileExists(atPath: registryPath + ".web-audit") else { return 0 }
        let journal = try AuditJournal(registryPath: registryPath)
        defer { journal.stop() }
        try journal.move(wait: false)
        return journal.waitingCount
    }

    /// Creates the journal readable and writable by its owner only; refuses a symbolic link there.
    private static func makePrivateFile(_ path: String) throws {
        var status = stat()
        if lstat(path, &status) == 0 {
            guard (status.st_mode & mode_t(S_IFMT)) == mode_t(S_IFREG) else {
                throw RegistryError.cannotCreate(path: path, reason: "it is not a regular file")
            }
            return
        }
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw RegistryError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        close(descriptor)
    }
}
