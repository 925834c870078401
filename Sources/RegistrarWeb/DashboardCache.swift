import Foundation
import RegistrarKit

/// The dashboard's figures, kept until the registry changes or the day does.
///
/// Its own connection only reads, so SQLite's `data_version` on it moves exactly when some other
/// connection (an import, a command, another page's audit entry) has committed: a kept dashboard is
/// always the one `dashboard(today:)` would compute now, and fifty browsers reloading it during an
/// import do not each scan a million periods.
final class DashboardCache: @unchecked Sendable {
    private let registry: Registry
    private let lock = NSLock()
    private var kept: (day: Day, version: Int, dashboard: Dashboard)?

    init(path: String) throws {
        registry = try Registry.open(path: path, mode: .existing)
    }

    /// Runs on a registry thread (`Blocking`); one computation at a time, the others wait for it.
    func dashboard(today: Day) throws -> Dashboard {
        lock.lock()
        defer { lock.unlock() }
        let version = try registry.dataVersion()
        if let kept, kept.day == today, kept.version == version { return kept.dashboard }
        let dashboard = try registry.dashboard(today: today)
        // Read again: a commit while the figures were computed leaves them unkept.
        if try registry.dataVersion() == version { kept = (today, version, dashboard) }
        return dashboard
    }
}
