import Foundation
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

/// The members' names for searches of one or two characters (`MemberNameSnapshot`), kept while the
/// registry does not change: the version is SQLite's `data_version` as the audit journal's connection
/// sees it, as for the dashboard. A search uses the snapshot only when it is the registry's as it is
/// now; otherwise it searches the table (slower, never older), and the snapshot is read again in the
/// background within a quarter of a second of the change.
final class MemberNameCache: @unchecked Sendable {
    private let registry: Registry
    private let journal: AuditJournal
    private let lock = NSLock()
    private var kept: (version: Int, names: MemberNameSnapshot)?
    private let state = NSLock()
    private var loop: RefreshLoop?

    init(path: String, journal: AuditJournal) throws {
        registry = try Registry.open(path: path, mode: .existing)
        self.journal = journal
    }

    /// The snapshot, if it is of the registry as it is now.
    func fresh() -> MemberNameSnapshot? {
        lock.lock()
        let kept = kept
        lock.unlock()
        guard let kept, let version = try? journal.dataVersion(), version == kept.version else { return nil }
        return kept.names
    }

    /// Reads the names again if the registry changed since the snapshot (or there is none).
    func refresh() throws {
        let version = try journal.dataVersion()
        lock.lock()
        let current = kept?.version == version
        lock.unlock()
        guard !current else { return }
        let names = try registry.memberNameSnapshot()
        // A commit while the names were read leaves them unkept; the next look reads them again.
        guard try journal.dataVersion() == version else { return }
        lock.lock()
        kept = (version, names)
        lock.unlock()
    }

    /// Refreshes every `interval` seconds on a thread of its own until `stop`. A failure (a full
    /// disk, say) leaves the search on the table until the next look.
    func keepFresh(every interval: Double = 0.25) {
        let loop = RefreshLoop(name: "registrar.web.member-names", every: interval) { [weak self] in
            guard let self else { return false }
            try? self.refresh()
            return true
        }
        state.lock()
        self.loop = loop
        state.unlock()
    }

    func stop() {
        state.lock()
        let loop = self.loop
        state.unlock()
        loop?.stop()
    }
}
