import Foundation
import Hummingbird
import HummingbirdTesting
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender
import Testing
@testable import RegistrarWeb

/// Sessions, CSRF, lock-out, masking and the audit trail of the web view.
@Suite(.serialized)
struct SecurityTests {
    @Test func theSessionCookieIsHttpOnlyAndSameSiteStrict() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            let answer = try await browser.signIn("viewer")
            let cookie = answer.headers[values: .setCookie].first { $0.hasPrefix("registrar_session=") }
            #expect(cookie?.contains("HttpOnly") == true)
            #expect(cookie?.contains("SameSite=Strict") == true)
        }
    }

    @Test func aSessionExpiresAfterEightHoursWithoutUseAndNotBefore() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("viewer")
            harness.clock.advance(8 * 3600 - 60)
            #expect(try await browser.get("/").status == .ok)
            // Each request restarts the idle time.
            harness.clock.advance(8 * 3600 - 60)
            #expect(try await browser.get("/").status == .ok)
            harness.clock.advance(8 * 3600)
            let expired = try await browser.get("/")
            #expect(expired.status == .seeOther)
            #expect(expired.location == "/login?expired=1")
            let login = try await browser.get(expired.location ?? "/login")
            #expect(login.body.contains("Your session has expired"))
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test func aPostWithoutItsCSRFTokenIsRefusedAndChangesNothing() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            // The sign-in form's own token.
            _ = try await browser.get("/login")
            let noToken = try await browser.post("/login", form: ["username": "staff", "password": WebHarness.password])
            #expect(noToken.status == .forbidden)
            #expect(noToken.body.contains("security token"))
            #expect(browser.cookies["registrar_session"] == nil)

            try await browser.signIn("staff")
            let wrong = try await browser.post("/logout", form: ["csrf_token": String(repeating: "0", count: 64)])
            #expect(wrong.status == .forbidden)
            #expect(try await browser.get("/").status == .ok)

            let before = try harness.registry.count(on: Day(iso: "2019-12-31")!)
            let roster = try Data(contentsOf: WebHarness.fixtures.appendingPathComponent("members-2019-12-31.csv"))
            let upload = try await browser.upload("/import", fields: [("kind", "members"), ("as_of", "2019-12-31")],
                                                  file: ("members.csv", roster))
            #expect(upload.status == .forbidden)
            #expect(try harness.registry.count(on: Day(iso: "2019-12-31")!) == before)
            #expect(try harness.registry.recentImports(limit: 20).count == Demo.steps.count)

            let out = try await browser.post("/logout", form: ["csrf_token": try await browser.sessionCSRF()])
            #expect(out.status == .seeOther)
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test func fiveFailedSignInsInARowLockTheAccountForFifteenMinutes() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            for _ in 1...4 {
                #expect(try await browser.signIn("staff", password: "wrong password!").status == .unauthorized)
            }
            // A good sign-in starts the count again.
            #expect(try await browser.signIn("staff").status == .seeOther)
            let other = Browser(client)
            for _ in 1...4 {
                #expect(try await other.signIn("staff", password: "wrong password!").status == .unauthorized)
            }
            let fifth = try await other.signIn("staff", password: "wrong password!")
            #expect(fifth.status == .tooManyRequests)
            #expect(fifth.body.contains("locked until"))
            // Locked: even the right password is refused.
            #expect(try await other.signIn("staff").status == .tooManyRequests)
            harness.clock.advance(15 * 60 - 1)
            #expect(try await other.signIn("staff").status == .tooManyRequests)
            harness.clock.advance(1)
            #expect(try await other.signIn("staff").status == .seeOther)
            let audit = try harness.registry.auditEntries().filter { $0.action == "web.login.locked" }
            #expect(audit.count == 1 && audit.first?.actor == "web:staff")
        }
    }

    /// A name no account has is locked after five failures as an account is, for as long, and the
    /// decoy check is made at the accounts' cost: neither the lock nor the time tells which names exist.
    @Test func anUnknownNameIsLockedAsAnAccountIs() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            for _ in 1...4 {
                #expect(try await browser.signIn("nobody", password: "wrong password!").status == .unauthorized)
            }
            let fifth = try await browser.signIn("nobody", password: "wrong password!")
            #expect(fifth.status == .tooManyRequests)
            #expect(fifth.body.contains("locked until"))
            #expect(try await browser.signIn("nobody", password: "wrong password!").status == .tooManyRequests)
            harness.clock.advance(15 * 60)
            #expect(try await browser.signIn("nobody", password: "wrong password!").status == .unauthorized)
            // Another name is not locked by this one's failures.
            #expect(try await browser.signIn("somebody", password: "wrong password!").status == .unauthorized)
        }
        #expect(try harness.registry.signInCheck(name: "nobody", now: 0) == .unknown(hashCost: 4))
        #expect(SignInCheck.bcryptCost(WebPasswords.hash("a password here", cost: 5)) == 5)
        #expect(SignInCheck.bcryptCost("not a hash") == nil)
    }

    /// A name with a NUL in it is no account's, though SQLite reads a bound text only up to its
    /// first NUL: `staff\0` with staff's password used to sign in as staff.
    @Test func aNameWithANulInItIsNoAccountsName() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            for name in ["staff\u{0}", "staff\u{0}anything", "\u{0}"] {
                let page = try await Browser(client).signIn(name)
                #expect(page.status == .unauthorized)
            }
            let trimmed = try await Browser(client).signIn(" staff ")
            #expect(trimmed.status == .seeOther)
        }
        #expect(try harness.registry.signInCheck(name: "staff\u{0}", now: 0) == .unknown(hashCost: 4))
        #expect(try harness.registry.auditEntries().filter { $0.action == "web.login" }.map(\.subject) == ["staff"])
    }

    /// Wrong passwords the registry cannot count (a read-only file, a full disk; here a trigger
    /// refuses the write) are answered and locked as an unknown name's are: 401 four times, then 429,
    /// the right password too. Before, each answered "cannot be written" and none locked.
    @Test func failuresTheRegistryCannotCountAreCountedAsAnUnknownNamesAre() async throws {
        let harness = try WebHarness()
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [harness.path, "CREATE TRIGGER refuse_counts BEFORE UPDATE ON web_user BEGIN SELECT RAISE(ABORT, 'disk full'); END"]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        try await harness.test { client in
            for name in ["staff", "nobody"] {
                let browser = Browser(client)
                var statuses: [HTTPResponse.Status] = []
                for _ in 1...6 { statuses.append(try await browser.signIn(name, password: "wrong password!").status) }
                #expect(statuses == Array(repeating: .unauthorized, count: 4) + [.tooManyRequests, .tooManyRequests], "\(name)")
            }
            let right = try await Browser(client).signIn("staff")
            #expect(right.status == .tooManyRequests)
            harness.clock.advance(15 * 60)
            let later = try await Browser(client).signIn("staff")
            #expect(later.status == .seeOther)
        }
    }

    /// Failures recorded while the name is locked (sign-ins sent together) neither count nor move
    /// the lock, as for an account (`Registry.recordSignIn`).
    @Test func failuresOfAnUnknownNameWhileItIsLockedDoNotMoveTheLock() async {
        let locks = UnknownNameLocks()
        for _ in 1...4 { #expect(await locks.fail("ghost", now: 100) == nil) }
        #expect(await locks.fail("ghost", now: 100) == 100 + 15 * 60)
        for second in 1...10 { #expect(await locks.fail("ghost", now: 100 + second) == 100 + 15 * 60) }
        #expect(await locks.lockedUntil("ghost", now: 100 + 15 * 60) == nil)
        #expect(await locks.fail("ghost", now: 100 + 15 * 60) == nil)
    }

    @Test func unknownNamesAreForgottenBeyondTheirCapacityButLocksAreKept() async {
        let locks = UnknownNameLocks(capacity: 3)
        for _ in 1...5 { _ = await locks.fail("a", now: 100) }
        #expect(await locks.lockedUntil("a", now: 100) == 100 + 15 * 60)
        for name in ["b", "c", "d", "e"] { _ = await locks.fail(name, now: 100) }
        #expect(await locks.lockedUntil("a", now: 101) == 100 + 15 * 60)
    }

    @Test func identityNumbersAreMaskedAndOnlyAnAdminRevealsOneWhichIsAudited() async throws {
        let harness = try WebHarness()
        let profile = try harness.registry.showMember(key: "M100160", reveal: false)
        let number = try #require(profile.idNumber)
        try await harness.test { client in
            let staff = Browser(client)
            try await staff.signIn("staff")
            let page = try await staff.get("/members/M100160")
            #expect(page.status == .ok)
            #expect(page.body.contains(Masking.identityNumber(number)))
            #expect(!page.body.contains(number))
            #expect(!page.body.contains("/members/M100160/reveal"))
            let refused = try await staff.post("/members/M100160/reveal", form: ["csrf_token": try await staff.sessionCSRF()])
            #expect(refused.status == .forbidden)
            #expect(!refused.body.contains(number))

            let admin = Browser(client)
            try await admin.signIn("admin")
            let adminPage = try await admin.get("/members/M100160")
            #expect(!adminPage.body.contains(number))
            #expect(adminPage.body.contains("/members/M100160/reveal"))
            #expect(try await admin.post("/members/M100160/reveal", form: [:]).status == .forbidden)
            let revealed = try await admin.post("/members/M100160/reveal", form: ["csrf_token": try await admin.sessionCSRF()])
            #expect(revealed.status == .ok)
            #expect(revealed.body.contains(number))
        }
        let entries = try harness.registry.auditEntries()
        #expect(entries.filter { $0.action == "member.reveal" }.map(\.actor) == ["web:admin"])
        #expect(entries.contains { $0.action == "member.show" && $0.actor == "web:staff" && $0.subject == "M100160" })
        #expect(!entries.contains { ($0.subject ?? "").contains(number) || ($0.detail ?? "").contains(number) })
    }

    @Test func aSearchByIdentityNumberFindsTheMemberAndIsAuditedMasked() async throws {
        let harness = try WebHarness()
        let profile = try harness.registry.showMember(key: "M100160", reveal: false)
        let number = try #require(profile.idNumber)
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("staff")
            let page = try await browser.get("/members?q=" + number)
            #expect(page.body.contains(#"href="/members/M100160""#))
            #expect(!page.body.contains(">" + number + "<"))
            let byName = try await browser.get("/members?q=" + FormData.percentEncode(String(profile.name.prefix(1))))
            #expect(byName.body.contains(profile.name))
        }
        let searches = try harness.registry.auditEntries().filter { $0.action == "member.search" }
        #expect(searches.first?.actor == "web:staff")
        #expect(!searches.contains { ($0.subject ?? "").contains(number) })
    }

    @Test func aRemovedAccountsSessionIsRefusedAtItsNextRequest() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("viewer")
            #expect(try await browser.get("/").status == .ok)
            try harness.registry.removeWebUser(name: "viewer")
            #expect(try await browser.get("/").status == .seeOther)
        }
    }
}
