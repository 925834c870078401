import Foundation
import GRDB

/// 审计日志条目: one append-only record of who did what to or with the registry, and when.
public struct AuditEntry: Sendable, Codable, Equatable, FetchableRecord {
    public var id: Int64
    public var at: String
    public var actor: String
    public var action: String
    public var subject: String?
    public var detail: String?
}

/// What an audit entry records; the raw values are stable, scripts filter on them.
public enum AuditAction: String, Sendable {
    case initialize = "init"
    case upgrade
    case importFile = "import"
    case memberUpdate = "member.update"
    case unitUpdate = "unit.update"
    case memberShow = "member.show"
    case memberReveal = "member.reveal"
    case integrityLookup = "integrity.lookup"
    case integrityCheck = "integrity.check"
    case integrityReveal = "integrity.reveal"
    case integrityChange = "integrity.change"
    case settingsChange = "settings.change"
    case segmentExport = "segment.export"
}

extension Registry {
    /// Appends one entry; called inside the transaction of the operation it records, so an
    /// operation that rolls back leaves no entry, and one that commits always has one.
    static func appendAudit(_ db: Database, _ action: AuditAction, subject: String? = nil, detail: String? = nil) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [Timestamp.now(), Actor.current, action.rawValue, subject, detail])
    }

    /// The audit log from `since` (inclusive, by UTC day) onwards, oldest first.
    public func auditEntries(since: Day? = nil) throws -> [AuditEntry] {
        try read { db in
            try AuditEntry.fetchAll(
                db,
                sql: "SELECT id, at, actor, action, subject, detail FROM audit_log WHERE at >= ? ORDER BY id",
                arguments: [since?.iso ?? ""])
        }
    }
}

/// UTC timestamps in ISO 8601 with milliseconds, the form every stored timestamp takes.
enum Timestamp {
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
