import GRDB

extension Registry {
    /// The newest `limit` audit entries from `since` (inclusive, by UTC day), newest first: a page of a
    /// log that grows by an entry for every change.
    public func recentAuditEntries(since: Day?, limit: Int) throws -> [AuditEntry] {
        try read { db in
            try AuditEntry.fetchAll(
                db,
                sql: "SELECT id, at, actor, action, subject, detail FROM audit_log WHERE at >= ? ORDER BY id DESC LIMIT ?",
                arguments: [since?.iso ?? "", limit])
        }
    }
}
