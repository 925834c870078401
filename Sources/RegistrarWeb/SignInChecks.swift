import Dispatch
import Foundation
import HummingbirdBcrypt
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

/// bcrypt for sign-ins, one check at a time on a queue of its own.
///
/// A check is a quarter of a second of CPU on purpose. Run side by side with the pages, fifty staff
/// signing in at nine o'clock took both cores for six seconds, and every page waited up to ten. One
/// at a time, sign-ins queue behind each other (costing no thread while they wait) and pages keep
/// the other core.
enum PasswordChecks {
    private static let queue = DispatchQueue(label: "registrar.web.password-checks")
    private static let decoys = DecoyHashes()

    static func verify(_ password: String, against hash: String) async -> Bool {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Bcrypt.verify(password, hash: hash)) }
        }
    }

    /// A check as slow as one against an account whose hash has `cost` (the default cost when there
    /// are no accounts), for a name that has none: a wrong name takes as long as a wrong password.
    static func decoy(_ password: String, cost: UInt8?) async {
        let cost = cost ?? WebPasswords.cost
        _ = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Bcrypt.verify(password, hash: decoys.hash(cost: cost))) }
        }
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

    /// The end of the name's lock, if it is locked at `now`.
    func lockedUntil(_ name: String, now: Int) -> Int? {
        guard let until = failures[name]?.lockedUntil, until > now else { return nil }
        return until
    }

    /// Counts a failure at `now`; returns the end of the lock when this one locks the name.
    func fail(_ name: String, now: Int) -> Int? {
        var entry = failures[name] ?? (0, nil)
        if let until = entry.lockedUntil, until <= now { entry = (0, nil) } // a lock that has run out starts again
        entry.count += 1
        if entry.count >= Registry.loginFailuresBeforeLock {
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
