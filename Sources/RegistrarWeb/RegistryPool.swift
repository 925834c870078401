import Foundation
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

/// A few connections to one registry file, so pages read side by side (SQLite's WAL lets readers go on
/// while an import writes) instead of queueing behind one connection; imports have one of their own.
final class RegistryPool: Sendable {
    let path: String
    private let readers: [Registry]
    /// Imports run here, one at a time, so a long import never holds a connection pages need.
    let importer: Registry
    /// Sign-ins that change an account (a failure counted, a lock set or lifted) write here, never
    /// waiting: while an import holds the registry, a failure is counted in memory instead and a right
    /// password signs in leaving the count (`Routes+Auth`). On a page's connection such a write held up
    /// every page taken in turn onto it until the import committed.
    let signIns: Registry
    private let next = Counter()

    /// Pages' audited look-ups read without waiting for an import and record through `journal`.
    init(path: String, connections: Int = 4, journal: AuditJournal) throws {
        self.path = path
        readers = try (0..<max(1, connections)).map { _ in
            try Registry.open(path: path, mode: .existing).recordingAudits(in: journal)
        }
        importer = try Registry.open(path: path, mode: .existing)
        signIns = try Registry.open(path: path, mode: .existing).recordingAudits(in: journal).answeringBusyAtOnce()
    }

    /// A connection for a page, taken in turn.
    var registry: Registry { readers[next.increment() % readers.count] }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value &+= 1
        return value & Int.max
    }
}
