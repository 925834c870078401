import Foundation
import Testing
@testable import RegistrarKit

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
