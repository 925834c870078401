import Dispatch
import Foundation
import HummingbirdBcrypt
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

/// bcrypt for sign-ins, on a queue of its own that leaves a core to the pages.
///
/// A check is a quarter of a second of CPU on purpose. Run side by side with the pages, fifty staff
/// signing in at once took both cores of this kind of machine for nine seconds, and a member page
/// waited up to nine (`registrar-bench web`). Now at most one check fewer than the cores runs at a
/// time (one, on two cores): sign-ins queue behind each other, costing no thread while they wait,
/// and a member page waits at most a tenth of a second.
enum PasswordChecks {
    private static let queue: OperationQueue = {
        let queue = OperationQueue()
        queue.name = "registrar.web.password-checks"
        queue.maxConcurrentOperationCount = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)
        return queue
    }()
    private static let decoys = DecoyHashes()

    static func verify(_ password: String, against hash: String) async -> Bool {
        await withCheckedContinuation { continuation in
            queue.addOperation { continuation.resume(returning: Bcrypt.verify(password, hash: hash)) }
        }
    }

    /// A check as slow as one against an account whose hash has `cost` (the default cost when there
    /// are no accounts), for a name that has none: a wrong name takes as long as a wrong password.
    static func decoy(_ password: String, cost: UInt8?) async {
        let cost = cost ?? WebPasswords.cost
        _ = await withCheckedContinuation { continuation in
            queue.addOperation { continuation.resume(returning: Bcrypt.verify(password, hash: decoys.hash(cost: cost))) }
        }
    }

    /// Makes the decoy hash for `cost` now, on the checks' queue, so the first unknown name after a
    /// start is not slower than the rest (its making took as long as a check).
    static func prepareDecoy(cost: UInt8?) {
        let cost = cost ?? WebPasswords.cost
        queue.addOperation { _ = decoys.hash(cost: cost) }
    }

    /// One decoy hash per cost, made the first time it is needed (on the checks' queue).
    private final class DecoyHashes: @unchecked Sendable {
        private let lock = NSLock()
        private var made: [UInt8: String] = [:]

        func hash(cost: UInt8) -> String {
            lock.lock()
            defer { lock.unlock() }
            if let hash = made[cost] { return hash }
            let hash = Bcrypt.hash("registrar decoy password", cost: cost)
            made[cost] = hash
            return hash
        }
    }
}

/// Failed sign-ins as names no account has, counted as the registry counts an account's: the fifth in
/// a row locks the name for `Registry.loginLockSeconds`. Without it a real account was locked and an
/// unknown name never was, so the lock told which names exist. Kept in memory (a restart forgets it),
/// for at most `capacity` names.
actor UnknownNameLocks {
    private var failures: [String: (count: Int, lockedUntil: Int?)] = [:]
    private let capacity: Int

    init(capacity: Int = 10_000) { self.capacity = capacity }

    /// The name as counted: no account's name is longer than 64 characters, so the first 65 tell
    /// every name apart that matters, and a name of 60 KiB is not kept whole.
    private static func key(_ name: String) -> String { String(name.prefix(65)) }

    /// The end of the name's lock, if it is locked at `now`.
    func lockedUntil(_ name: String, now: Int) -> Int? {
        guard let until = failures[Self.key(name)]?.lockedUntil, until > now else { return nil }
        return until
    }

    /// Counts a failure at `now`; returns the end of the lock when this one locks the name.
    /// `counted` is the failures in a row the registry already holds for the name's account, when
    /// this one could not be added there: the lock falls at the fifth of both together.
    func fail(_ name: String, now: Int, counted: Int = 0) -> Int? {
        let name = Self.key(name)
        var entry = failures[name] ?? (0, nil)
        if let until = entry.lockedUntil {
            // Locked since this attempt began (sent beside others): refused, not counted, and the
            // lock not moved, as for an account. A lock that has run out starts again.
            if until > now { return until }
            entry = (0, nil)
        }
        entry.count += 1
        if entry.count + max(0, counted) >= Registry.loginFailuresBeforeLock {
            entry = (0, now + Registry.loginLockSeconds)
        }
        if failures[name] == nil && failures.count >= capacity { forgetSome(now: now) }
        failures[name] = entry
        return entry.lockedUntil
    }

    /// Room for new names: names whose lock has run out or who are not locked go first, then any.
    private func forgetSome(now: Int) {
        failures = failures.filter { ($0.value.lockedUntil ?? 0) > now }
        if failures.count >= capacity { failures.removeAll(keepingCapacity: true) }
    }
}
