import Foundation
import Hummingbird
import HummingbirdTesting
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender
import Testing
@testable import RegistrarWeb

/// Pages that show members' data while an import holds the registry: shown at once, audited with
/// the web user's name as soon as the import commits; and the member page's registrations.
struct MemberPageDuringImportTests {
    /// Another connection holding the registry's write lock, as an import does for its whole
    /// transaction: a `sqlite3` process inside `BEGIN IMMEDIATE` until released.
    final class WriteLock: @unchecked Sendable {
        private let process = Process()
        private let input = Pipe()

        init(_ path: String) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            process.arguments = [path]
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 'locked';\n".utf8))
            var said = Data()
            while !String(decoding: said, as: UTF8.self).contains("locked") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                said.append(chunk)
            }
        }

        func release() throws {
            input.fileHandleForWriting.write(Data("COMMIT;\n.quit\n".utf8))
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
    }

    /// Staff sign in while an import holds the registry: the sign-in is a read, and its audit entry
    /// waits in the journal until the import commits.
    @Test func staffSignInWhileAnImportHoldsTheRegistry() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let lock = try WriteLock(harness.path)
            let browser = Browser(client)
            #expect(try await browser.signIn("staff").status == .seeOther)
            #expect(try await browser.get("/").status == .ok)
            #expect(harness.web.auditJournal.waitingCount == 1)
            try lock.release()
            #expect(try harness.web.auditJournal.move(wait: true))
            #expect(try harness.registry.auditEntries().contains { $0.action == "web.login" && $0.actor == "web:staff" })
        }
    }

    /// A wrong password while an import holds the registry waits to count the failure, on a
    /// connection of its own: the pages, taken in turn over the readers, are answered meanwhile
    /// (before, one wrong password held up every page sent to its reader until the import committed).
    @Test func aWrongPasswordDuringAnImportHoldsUpNoPage() async throws {
        let harness = try WebHarness()
        let memberNo = try #require(try harness.registry.demoMemberNumbers().first)
        try await harness.test { client in
            let staff = Browser(client)
            try await staff.signIn("staff")
            let lock = ReleaseOnce(try WriteLock(harness.path))
            // Only so that a failing run ends: were a page held up, the lock goes after a minute.
            let watchdog = Task {
                try await Task.sleep(for: .seconds(60))
                try lock.release(byWatchdog: true)
            }
            let failing = Task { try await Browser(client).signIn("viewer", password: "wrong password!") }
            try await Task.sleep(for: .milliseconds(300))
            for _ in 0..<6 {
                #expect(try await staff.get("/members/" + memberNo).status == .ok)
            }
            // The failure is answered during the import (counted in memory, not waiting for the registry).
            #expect(try await failing.value.status == .unauthorized)
            #expect(try lock.release(byWatchdog: false), "the pages were answered only once the lock was gone")
            watchdog.cancel()
            #expect(try harness.registry.webUser(named: "viewer")?.failedLogins == 0)
        }
    }

    /// While an import holds the registry a real name's failures are counted in memory together
    /// with those the registry holds, so the lock still falls at the fifth and no answer waits for
    /// the import (which told real names from unknown ones by the time); a right password signs in,
    /// leaving the count.
    @Test func signInsDuringAnImportLockAtTheFifthFailureAndNeverWait() async throws {
        let harness = try WebHarness()
        _ = try harness.registry.attemptLogin(name: "viewer", now: Int(Date().timeIntervalSince1970)) { _ in false }
        _ = try harness.registry.attemptLogin(name: "viewer", now: Int(Date().timeIntervalSince1970)) { _ in false }
        #expect(try harness.registry.webUser(named: "viewer")?.failedLogins == 2)
        try await harness.test { client in
            let lock = ReleaseOnce(try WriteLock(harness.path))
            let watchdog = Task {
                try await Task.sleep(for: .seconds(60))
                try lock.release(byWatchdog: true)
            }
            #expect(try await Browser(client).signIn("staff").status == .seeOther)
            // Two failures already in the registry, two more in memory: the next is the fifth.
            #expect(try await Browser(client).signIn("viewer", password: "wrong password!").status == .unauthorized)
            #expect(try await Browser(client).signIn("viewer", password: "wrong password!").status == .unauthorized)
            let fifth = try await Browser(client).signIn("viewer", password: "wrong password!")
            #expect(fifth.status == .tooManyRequests)
            #expect(try await Browser(client).signIn("viewer").status == .tooManyRequests)
            #expect(try lock.release(byWatchdog: false), "a sign-in waited for the lock")
            watchdog.cancel()
        }
        // Another account with failures: the right password during an import signs in, the count kept.
        let other = try WebHarness()
        _ = try other.registry.attemptLogin(name: "staff", now: Int(Date().timeIntervalSince1970)) { _ in false }
        try await other.test { client in
            let lock = ReleaseOnce(try WriteLock(other.path))
            #expect(try await Browser(client).signIn("staff").status == .seeOther)
            try lock.release(byWatchdog: false)
        }
        #expect(try other.registry.webUser(named: "staff")?.failedLogins == 1)
    }

    /// `WriteLock.release` once, by the test or by its watchdog; true for the one that released it.
    final class ReleaseOnce: @unchecked Sendable {
        private let lock = NSLock()
        private let writeLock: WriteLock
        private var released = false

        init(_ writeLock: WriteLock) { self.writeLock = writeLock }

        @discardableResult
        func release(byWatchdog: Bool) throws -> Bool {
            lock.lock()
            defer { lock.unlock() }
            guard !released else { return false }
            released = true
            try writeLock.release()
            return true
        }
    }

    @Test func memberPagesDuringAnImportAreShownAtOnceAndAuditedWhenItCommits() async throws {
        let harness = try WebHarness()
        let memberNo = try #require(try harness.registry.demoMemberNumbers().first)
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("staff")
            let lock = try WriteLock(harness.path)
            let page = try await browser.get("/members/" + memberNo)
            #expect(page.status == .ok)
            #expect(page.body.contains(memberNo))
            let search = try await browser.get("/members?q=" + FormData.percentEncode(String(memberNo.prefix(4))))
            #expect(search.status == .ok)
            let integrity = try await browser.get("/integrity?key=" + FormData.percentEncode(memberNo))
            #expect(integrity.status == .ok)
            // Held in the journal: member.show, registration.status, integrity.check, member.search, integrity.check.
            #expect(harness.web.auditJournal.waitingCount == 5)
            #expect(try harness.registry.auditEntries().filter { $0.actor == "web:staff" && $0.action != "web.login" }.isEmpty)
            try lock.release()
            #expect(try harness.web.auditJournal.move(wait: true))
            let entries = try harness.registry.auditEntries().filter { $0.actor == "web:staff" && $0.action != "web.login" }
            #expect(entries.map(\.action) == ["member.show", "registration.status", "integrity.check", "member.search", "integrity.check"])
            #expect(entries.filter { $0.action != "member.search" }.allSatisfy { $0.subject == memberNo })
        }
    }

    @Test func aMemberPageShowsTheRegistrationsInBothLanguages() async throws {
        let harness = try WebHarness()
        let memberNo = try #require(try harness.registry.demoMemberNumbers().first)
        let status = try harness.registry.registrationStatus(key: memberNo, on: Day.today())
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("staff")
            let page = try await browser.get("/members/" + memberNo + "?lang=en")
            #expect(page.body.contains("<h2>Annual registration</h2>"))
            for year in Set(status.recordedYears).union(status.joinedYears) {
                #expect(page.body.contains("<th scope=\"row\">\(year)</th>"))
            }
            let chinese = try await browser.get("/members/" + memberNo + "?lang=zh")
            #expect(chinese.body.contains("<h2>年度注册</h2>"))
        }
    }
}

extension Registry {
    /// The first few member numbers of the demo registry (found by a search, which is audited as the OS user).
    func demoMemberNumbers() throws -> [String] {
        try searchMembers("M", offset: 0, limit: 5).hits.compactMap(\.memberNo)
    }
}
