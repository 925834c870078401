import Foundation
import Hummingbird
import HummingbirdTesting
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender
import Testing
@testable import RegistrarWeb

/// Every route, signed out and for each role: what each sees and is refused.
@Suite(.serialized)
struct RouteTests {
    static let viewerPages = ["/", "/reports/monthly?month=2018-12", "/reports/annual?year=2018", "/growth?year=2018", "/board?year=2019"]
    static let staffPages = ["/members?q=M1001", "/members/M100160", "/import", "/integrity?key=M100192&on=2019-06-01",
                             "/segments?on=2019-06-01", "/segments/women.csv?on=2019-06-01", "/registration/due?year=2019"]
    static let adminPages = ["/audit", "/settings", "/users"]

    @Test func everyPageButLoginSendsASignedOutBrowserToLogin() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            for page in Self.viewerPages + Self.staffPages + Self.adminPages + ["/nowhere"] {
                let answer = try await browser.get(page)
                #expect(answer.status == .seeOther, "\(page)")
                #expect(answer.location == "/login", "\(page)")
            }
            let login = try await browser.get("/login")
            #expect(login.status == .ok)
            #expect(login.body.contains(#"name="username""#) && login.body.contains(#"name="password""#))
            #expect(login.csrf != nil)
            // A POST without a session is sent to sign in too, and changes nothing.
            let post = try await browser.post("/import/abc/confirm", form: [:])
            #expect(post.status == .seeOther)
        }
    }

    @Test func eachRoleSeesItsPagesAndIsRefusedTheOthers() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            for role in WebRole.allCases {
                let browser = Browser(client)
                let signedIn = try await browser.signIn(role.rawValue)
                #expect(signedIn.status == .seeOther && signedIn.location == "/")
                for page in Self.viewerPages {
                    #expect(try await browser.get(page).status == .ok, "\(role) \(page)")
                }
                for page in Self.staffPages {
                    let answer = try await browser.get(page)
                    if role >= .staff {
                        #expect(answer.status == .ok, "\(role) \(page)")
                    } else {
                        #expect(answer.status == .forbidden, "\(role) \(page)")
                        #expect(answer.body.contains("needs the staff role"), "\(role) \(page)")
                    }
                }
                for page in Self.adminPages {
                    #expect(try await browser.get(page).status == (role == .admin ? .ok : .forbidden), "\(role) \(page)")
                }
                // The navigation offers only what the role may open.
                let home = try await browser.get("/")
                #expect(home.body.contains(#"href="/members""#) == (role >= .staff))
                #expect(home.body.contains(#"href="/audit""#) == (role == .admin))
            }
        }
    }

    @Test func theDashboardShowsTheCountsTheCommandsGive() async throws {
        let harness = try WebHarness()
        let today = try harness.registry.count(on: Day.today())
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("viewer")
            let page = try await browser.get("/")
            #expect(page.status == .ok)
            #expect(page.body.contains(#"<td class="num">\#(NumberText.grouped(today.individual))</td>"#))
            #expect(page.body.contains(#"<td class="num">\#(NumberText.grouped(today.unit))</td>"#))
            #expect(page.body.contains("<svg"))
            #expect(page.body.contains("Board check"))
            #expect(page.body.contains("Last import"))
            // Nothing is loaded from elsewhere, and the page says so to the browser too.
            #expect(!page.body.contains("src=") && !page.body.contains(#"href="http"#) && !page.body.contains("<script")
                    && !page.body.contains("<link"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
            #expect(SecurityHeadersMiddleware.namedHeaders.map { "\($0.0)=\($0.1)" } == ["Referrer-Policy=no-referrer", "X-Frame-Options=DENY"])
            for (name, value) in SecurityHeadersMiddleware.namedHeaders { #expect(page.headers[name] == value) }
        }
    }

    @Test func theMonthlyPageIsTheMonthlyReportsHTML() async throws {
        let harness = try WebHarness()
        let report = try harness.registry.monthlyReport(month: YearMonth("2018-12")!)
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("viewer")
            let page = try await browser.get("/reports/monthly?month=2018-12")
            #expect(page.body.contains(report.htmlFragment(.en)))
            let growth = try await browser.get("/growth?year=2018")
            #expect(growth.body.contains(try harness.registry.growthReport(year: 2018).htmlFragment(.en)))
        }
    }

    @Test func aBadDateGetsAPageInThePagesLanguageSayingWhatToType() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("staff")
            let english = try await browser.get("/reports/monthly?month=2018-13")
            #expect(english.status == .badRequest)
            #expect(english.body.contains("&#39;2018-13&#39; is not a month; use YYYY-MM"))
            let chinese = try await browser.get("/integrity?key=M100192&on=2019-02-30&lang=zh")
            #expect(chinese.status == .badRequest)
            #expect(chinese.body.contains("不是日期；请用 YYYY-MM-DD"))
            // The forms and years the commands take are taken here too, and only those.
            for (on, status) in [("20190601", HTTPResponse.Status.ok), ("2019年6月1日", .ok), ("9999-12-31", .ok),
                                 ("1899-12-31", .badRequest), ("0000-01-01", .badRequest)] {
                #expect(try await browser.get("/integrity?key=M100192&on=" + FormData.percentEncode(on)).status == status, "\(on)")
            }
            #expect(try await browser.get("/reports/annual?year=9999").status == .ok)
            #expect(try await browser.get("/reports/annual?year=1899").status == .badRequest)
            #expect(try await browser.get("/reports/monthly?month=2018%2F12").status == .ok)
            let unknown = try await browser.get("/members/M999999")
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.body.contains("M999999"))
        }
    }

    @Test func theLanguageSwitchIsRememberedFromPageToPage() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("viewer")
            let english = try await browser.get("/growth?year=2018")
            #expect(english.body.contains(#"href="/growth?year=2018&amp;lang=zh""#))
            let chinese = try await browser.get("/growth?year=2018&lang=zh")
            #expect(chinese.body.contains(#"<html lang="zh-CN">"#))
            #expect(browser.cookies["registrar_lang"] == "zh")
            let next = try await browser.get("/")
            #expect(next.body.contains("概览") && next.body.contains(#"<html lang="zh-CN">"#))
            #expect(try await browser.get("/?lang=en").body.contains(#"<html lang="en">"#))
        }
    }

    @Test func anAdminChangesASettingThroughTheSameCallAsTheCommandAndTheRenewalListFollows() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let staff = Browser(client)
            try await staff.signIn("staff")
            let none = try await staff.get("/registration/due?year=2019")
            #expect(none.body.contains("No renewal is due"))
            #expect(try await staff.post("/settings", form: ["csrf_token": try await staff.sessionCSRF(), "key": "registration.required_from",
                                                             "value": "2019"]).status == .forbidden)
            let admin = Browser(client)
            try await admin.signIn("admin")
            #expect(try await admin.post("/settings", form: ["key": "registration.required_from", "value": "2019"]).status == .forbidden)
            let bad = try await admin.post("/settings", form: ["csrf_token": try await admin.sessionCSRF(), "key": "growth.goal", "value": "lots"])
            #expect(bad.status == .unprocessableContent)
            let saved = try await admin.post("/settings", form: ["csrf_token": try await admin.sessionCSRF(),
                                                                 "key": "registration.required_from", "value": "2019"])
            #expect(saved.status == .ok)
            #expect(try harness.registry.settings().registration.requiredFrom == 2019)
            let due = try harness.registry.registrationDue(year: 2019, on: Day.today())
            #expect(!due.isEmpty)
            let page = try await staff.get("/registration/due?year=2019")
            #expect(page.body.contains(": \(due.count)</h2>"))
            #expect(page.body.contains(#"href="/members/\#(due[0].memberNo ?? "")""#))
            let csv = try await staff.get("/registration/due.csv?year=2019")
            #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.body.split(whereSeparator: \.isNewline).count == due.count + 1)
        }
        let entries = try harness.registry.auditEntries()
        #expect(entries.contains { $0.action == "settings.change" && $0.actor == "web:admin" })
        #expect(entries.contains { $0.action == "registration.due" && $0.actor == "web:staff" })
    }
}
