import Foundation
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

/// The web view's accounts in the registry: hashes only, the lock rule, every change audited.
struct WebUserTests {
    static let hash = "$2b$04$abcdefghijklmnopqrstuuGmC8b0nJ6vXo2mPvN8s0aT1m0cD4fS."

    @Test func usersAreAddedListedAndRemovedWithEachChangeAudited() throws {
        let temporary = try TemporaryRegistry()
        let registry = temporary.registry
        try registry.addWebUser(name: "li.wei", role: .staff, passwordHash: Self.hash)
        #expect(throws: WebUserError.self) { try registry.addWebUser(name: "li.wei", role: .admin, passwordHash: Self.hash) }
        #expect(throws: WebUserError.self) { try registry.addWebUser(name: "bad name", role: .admin, passwordHash: Self.hash) }
        #expect(try registry.webUsers().map(\.name) == ["li.wei"])
        #expect(try registry.webUser(named: "li.wei")?.role == .staff)
        try registry.setWebUserPassword(name: "li.wei", passwordHash: Self.hash)
        try registry.removeWebUser(name: "li.wei")
        #expect(throws: WebUserError.self) { try registry.removeWebUser(name: "li.wei") }
        #expect(try registry.webUsers().isEmpty)
        let actions = try registry.auditEntries().map(\.action)
        #expect(actions == ["user.add", "user.password", "user.remove"])
    }

    @Test func thePasswordColumnRefusesAnythingButABcryptHash() throws {
        let temporary = try TemporaryRegistry()
        #expect(throws: (any Error).self) { try temporary.registry.addWebUser(name: "x", role: .viewer, passwordHash: "secret") }
    }

    /// Attempts checked before the lock (their `signInCheck` said verify) but recorded after it, as
    /// a burst of sign-ins sent together is: refused as locked, the right password too, and the
    /// lock neither lifted nor moved.
    @Test func anAttemptCheckedBeforeTheLockIsRefusedWhenItIsRecordedAfter() throws {
        let temporary = try TemporaryRegistry()
        let registry = temporary.registry
        try registry.addWebUser(name: "wang", role: .staff, passwordHash: Self.hash)
        let start = 1_900_000_000
        let burst = try (0..<8).map { _ in try registry.signInCheck(name: "wang", now: start) }
        #expect(burst.allSatisfy { $0 == .verify(hash: Self.hash) })
        var outcomes: [LoginOutcome] = []
        for _ in 0..<7 { outcomes.append(try registry.recordSignIn(name: "wang", succeeded: false, now: start)) }
        let until = Timestamp.format(seconds: start + Registry.loginLockSeconds, nanoseconds: 0)
        #expect(outcomes == Array(repeating: .refused, count: 4) + Array(repeating: .locked(until: until), count: 3))
        #expect(try registry.recordSignIn(name: "wang", succeeded: true, now: start) == .locked(until: until))
        #expect(try registry.webUser(named: "wang")?.lockedUntil == until)
        #expect(try registry.auditEntries().filter { $0.action == "web.login" }.isEmpty)
        #expect(try registry.auditEntries().filter { $0.action == "web.login.locked" }.count == 1)
    }

    @Test func theFifthFailureInARowLocksAndTheLockEnds() throws {
        let temporary = try TemporaryRegistry()
        let registry = temporary.registry
        try registry.addWebUser(name: "wang", role: .viewer, passwordHash: Self.hash)
        let start = 2_000_000_000
        for attempt in 1...4 {
            #expect(try registry.attemptLogin(name: "wang", now: start + attempt) { _ in false } == .refused)
        }
        guard case .locked = try registry.attemptLogin(name: "wang", now: start + 5, verify: { _ in false }) else {
            Issue.record("the fifth failure did not lock")
            return
        }
        guard case .locked = try registry.attemptLogin(name: "wang", now: start + 5 + 899, verify: { _ in true }) else {
            Issue.record("a locked account let the right password in")
            return
        }
        guard case .signedIn(let user) = try registry.attemptLogin(name: "wang", now: start + 5 + 900, verify: { _ in true }) else {
            Issue.record("the lock did not end after 15 minutes")
            return
        }
        #expect(user.failedLogins == 0)
        #expect(try registry.attemptLogin(name: "nobody", now: start) { _ in true } == .refused)
    }
}
