import Foundation
import GRDB
import RegistrarModel
import RegistrarInput

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
    case backup = "registry.backup"
    case registrationStatus = "registration.status"
    case registrationDue = "registration.due"
    case registrationLapse = "registration.lapse"
    case userAdd = "user.add"
    case userRemove = "user.remove"
    case userPassword = "user.password"
    case webLogin = "web.login"
    case webLoginLocked = "web.login.locked"
    case memberSearch = "member.search"
    case importRejects = "import.rejects"
}

extension Registry {
    /// Appends one entry; called inside the transaction of the operation it records, so an
    /// operation that rolls back leaves no entry, and one that commits always has one.
    ///
    /// Subject and detail pass through `Sanitized`, so nothing shaped like an identity number is
    /// ever stored in clear. `digest` is a file's SHA-256, kept apart because its hexadecimal digits
    /// could look like one.
    static func appendAudit(_ db: Database, _ action: AuditAction, subject: String? = nil, detail: String? = nil,
                            digest: String? = nil) throws {
        var detail = detail.map(Sanitized.message)
        if let digest { detail = (detail.map { $0 + ", " } ?? "") + "sha256 " + digest }
        try db.cachedStatement(sql: "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [Timestamp.now(), Actor.name, action.rawValue, subject.map(Sanitized.message), detail])
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

/// UTC timestamps in ISO 8601 with milliseconds (`2024-02-29T12:34:56.987Z`), the form every stored
/// timestamp takes.
///
/// Written out by hand from the system clock: making an `ISO8601DateFormatter` costs about half a
/// millisecond of ICU set-up, and an import that audits every changed member or case asks for a
/// timestamp per row (100,000 integrity cases took 74 s, most of it there).
public enum Timestamp {
    public static func now() -> String {
        var clock = timespec()
        clock_gettime(CLOCK_REALTIME, &clock)
        return format(seconds: Int(clock.tv_sec), nanoseconds: Int(clock.tv_nsec))
    }

    /// The timestamp of a moment given in seconds since 1970 (UTC) and the nanoseconds after it;
    /// milliseconds are truncated, as clocks are read.
    public static func format(seconds: Int, nanoseconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        let date = Day(derivedYear: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
        func digits(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return date.iso + "T" + digits(Int(parts.tm_hour), 2) + ":" + digits(Int(parts.tm_min), 2) + ":"
            + digits(Int(parts.tm_sec), 2) + "." + digits(nanoseconds / 1_000_000, 3) + "Z"
    }
}
