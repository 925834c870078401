import Foundation
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

/// The dashboard's figures, kept until the registry changes or the day does.
///
/// The version is SQLite's `data_version` as the audit journal's connection sees it: it moves exactly
/// when some other connection (an import, a command, a change made on a page) has committed, and not
/// for the audit entries pages write through that connection. So a kept dashboard is always the one
/// `dashboard(today:)` would compute now, fifty browsers reloading it during an import do not each
/// scan a million periods, and looking up a member does not throw the figures away.
final class DashboardCache: @unchecked Sendable {
    private let registry: Registry
    private let journal: AuditJournal
    private let lock = NSLock()
    private var kept: (day: Day, version: Int, dashboard: Dashboard)?

    init(path: String, journal: AuditJournal) throws {
        registry = try Registry.open(path: path, mode: .existing)
        self.journal = journal
    }

    /// Runs on a registry thread (`Blocking`); one computation at a time, the others wait for it.
    func dashboard(today: Day) throws -> Dashboard {
        lock.lock()
        defer { lock.unlock() }
        let version = try journal.dataVersion()
        if let kept, kept.day == today, kept.version == version { return kept.dashboard }
        let dashboard = try registry.dashboard(today: today)
        // Read again: a commit while the figures were computed leaves them unkept.
        if try journal.dataVersion() == version { kept = (today, version, dashboard) }
        return dashboard
    }
}
