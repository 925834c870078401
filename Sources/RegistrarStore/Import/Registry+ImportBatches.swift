import GRDB
import RegistrarModel
import RegistrarInput

/// One finished import as the registry recorded it (导入批次).
public struct ImportBatch: Sendable, Equatable {
    public var id: Int64
    public var kind: String
    public var fileName: String
    public var asOf: String
    public var mode: String
    public var read: Int
    public var inserted: Int
    public var updated: Int
    public var unchanged: Int
    public var rejected: Int
    public var lapsed: Int
    public var finishedAt: String?
}

extension Registry {
    /// The latest imports, newest first.
    public func recentImports(limit: Int) throws -> [ImportBatch] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM import_batch ORDER BY id DESC LIMIT ?", arguments: [limit]).map {
                ImportBatch(id: $0["id"], kind: $0["kind"], fileName: $0["file_name"], asOf: $0["as_of"], mode: $0["mode"],
                            read: $0["read_count"], inserted: $0["inserted_count"], updated: $0["updated_count"],
                            unchanged: $0["unchanged_count"], rejected: $0["rejected_count"], lapsed: $0["lapsed_count"],
                            finishedAt: $0["finished_at"])
            }
        }
    }

    /// A rejects file (which repeats rows as they were, identity numbers included) handed out by the web view;
    /// recorded as the member pages are (`auditedRead`), so the download does not wait for a running import.
    public func recordRejectsDownload(file: String) throws {
        try auditedRead { _, audit in audit.append(PendingAudit(.importRejects, subject: file, detail: "rejects file downloaded")) }
    }
}
