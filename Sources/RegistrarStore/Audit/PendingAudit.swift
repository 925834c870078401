import GRDB
import RegistrarModel
import RegistrarInput

/// One audit entry made by a look-up, stamped with its time and the person acting when the look-up
/// ran, and written afterwards: in the same transaction by the commands, or through an
/// `AuditJournal` by the web view (so a page read during an import does not wait for it).
public struct PendingAudit: Sendable, Equatable {
    public let at: String
    public let actor: String
    public let action: String
    public let subject: String?
    public let detail: String?

    /// Subject and detail pass through `Sanitized` here, as `appendAudit` does.
    init(_ action: AuditAction, subject: String? = nil, detail: String? = nil) {
        at = Timestamp.now()
        actor = Actor.name
        self.action = action.rawValue
        self.subject = subject.map(Sanitized.message)
        self.detail = detail.map(Sanitized.message)
    }

    init(at: String, actor: String, action: String, subject: String?, detail: String?) {
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
    }
}

extension Registry {
    /// Appends an entry stamped when its look-up ran.
    static func appendAudit(_ db: Database, _ entry: PendingAudit) throws {
        try db.cachedStatement(sql: "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [entry.at, entry.actor, entry.action, entry.subject, entry.detail])
    }

    /// A look-up whose showing must be audited (`entries` collects what to record).
    ///
    /// Without a journal (the commands) the look-up and its entries are one write transaction, as
    /// before. With one (`recordingAudits(in:)`, the web view) the look-up is a plain WAL read, which
    /// never waits for an import writing, and its entries are durable in the journal, or in the
    /// registry itself when it is free, before this returns: nothing is shown that is not recorded.
    func auditedRead<T>(_ body: (Database, inout [PendingAudit]) throws -> T) throws -> T {
        var entries: [PendingAudit] = []
        guard let journal = auditJournal else {
            return try write { db in
                let result = try body(db, &entries)
                for entry in entries { try Registry.appendAudit(db, entry) }
                return result
            }
        }
        let result = try read { db in try body(db, &entries) }
        try journal.record(entries)
        return result
    }

    /// This registry, its audited look-ups recorded through `journal` (see `auditedRead`).
    public func recordingAudits(in journal: AuditJournal) -> Registry {
        var copy = self
        copy.auditJournal = journal
        return copy
    }
}
