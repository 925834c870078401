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
///
/// `keepFresh` also computes them ahead of the pages: at start, and again as soon as a commit or a
/// new day makes the kept figures old, so a reader rarely waits for the scan of a million periods;
/// one who comes while it runs waits for that computation, never gets older figures.
final class DashboardCache: @unchecked Sendable {
    private let registry: Registry
    private let journal: AuditJournal
    private let lock = NSLock()
    private var kept: (day: Day, version: Int, dashboard: Dashboard)?
    private let state = NSLock()
    private var loop: RefreshLoop?

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

    /// Whether figures for `today` are kept for the registry as it is now.
    func isFresh(today: Day) throws -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard let kept, kept.day == today else { return false }
        return try kept.version == journal.dataVersion()
    }

    /// Looks every `interval` seconds, on a thread of its own, whether the kept figures are still the
    /// registry's, and computes them again when they are not. A look is one `PRAGMA data_version`.
    /// A failure is left for the page to report: the page computes and shows it in the reader's language.
    func keepFresh(every interval: Double = 0.25, today: @escaping @Sendable () -> Day = { Day.today() }) {
        let loop = RefreshLoop(name: "registrar.web.dashboard", every: interval) { [weak self] in
            guard let self else { return false }
            _ = try? self.dashboard(today: today())
            return true
        }
        state.lock()
        self.loop = loop
        state.unlock()
    }

    /// Ends the `keepFresh` thread; `waiting` returns only once it has ended.
    func stop(waiting: Bool = false) {
        state.lock()
        let loop = self.loop
        state.unlock()
        loop?.stop(waiting: waiting)
    }
}
