import Foundation
import Hummingbird
import HummingbirdTesting
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender
import Testing
@testable import RegistrarWeb

/// What a hostile or careless user sent the routes, and what they must answer: a page, never a
/// stopped server, a hang, or an identity number.
struct HostileRequestTests {
    @Test func aSearchPageNumberAsLargeAsAnIntegerGoesIsAnEmptyPageNotAStoppedServer() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("staff")
            for page in ["9223372036854775807", "4611686018427387904", "184467440737095516", "99999999999999999999", "-9223372036854775808"] {
                let answer = try await browser.get("/members?q=M&page=" + page)
                #expect(answer.status == .ok, "page \(page)")
                #expect(answer.body.contains("<h1"))
            }
            let last = try await browser.get("/members?q=M&page=9223372036854775807")
            #expect(last.body.contains("Page 100000000"))
            #expect(!last.body.contains("page=100000001"))
            #expect(try await browser.get("/").status == .ok) // still serving
        }
    }

    /// A NUL (or any control character) typed into a key or a date came back raw inside the refusal
    /// page, where the commands show it escaped.
    @Test func aControlCharacterInAKeyOrADateIsShownEscapedOnTheRefusalPage() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            for path in ["/integrity?key=%00", "/segments?on=%00", "/segments?on=2019-06-01%1B", "/growth?year=20%0018"] {
                let answer = try await browser.get(path)
                #expect(answer.status.code >= 400 && answer.status.code < 500, "\(path): \(answer.status)")
                #expect(!answer.body.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "\(path)")
                #expect(answer.body.contains("\\u{"), "\(path)")
            }
        }
    }

    /// A member number that is not plain ASCII (会员001, `A 1`, `B/2`) is percent-encoded in the search
    /// results' link, and the member page looked the encoded text up: "no member" for every such member.
    @Test func aMemberNumberInChineseOrWithASpaceOrSlashOpensFromItsSearchResult() async throws {
        let harness = try WebHarness(demo: false)
        let roster = harness.folder.appendingPathComponent("odd.csv")
        try Data("member_no,name,id_type,id_number,join_date\n会员001,中文号,,,2020-01-01\nA 1,空格号,,,2020-01-01\nB/2,斜杠号,,,2020-01-01\nE%5,百分号,,,2020-01-01\n".utf8)
            .write(to: roster)
        let summary = try harness.registry.importFile(.members, path: roster.path, options: ImportOptions(asOf: Day(iso: "2020-12-31")!))
        #expect(summary.inserted == 4)
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            for (number, name) in [("会员001", "中文号"), ("A 1", "空格号"), ("B/2", "斜杠号"), ("E%5", "百分号")] {
                let results = try await browser.get("/members?q=" + FormData.percentEncode(name))
                let link = "/members/" + FormData.percentEncode(number)
                #expect(results.body.contains(#"href="\#(link)""#), "\(number)")
                let page = try await browser.get(link)
                #expect(page.status == .ok, "\(number): \(page.status)")
                #expect(page.body.contains("<h1>\(name)"), "\(number)")
                let reveal = try await browser.post(link + "/reveal", form: ["csrf_token": page.csrf ?? ""])
                #expect(reveal.status == .ok, "\(number) reveal: \(reveal.status)")
            }
        }
    }

    @Test func aDayBeforeTheFirstMemberIsAnEmptyReportOnEveryPageNotAStoppedServer() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            for path in ["/segments?on=1900-01-01", "/segments/women.csv?on=1900-01-01", "/reports/monthly?month=1900-01",
                         "/reports/annual?year=1900", "/growth?year=1900", "/board?year=1900", "/registration/due?year=1900",
                         "/registration/due.csv?year=1900", "/integrity?key=M100101&on=1900-01-01", "/audit?since=1900-01-01"] {
                let answer = try await browser.get(path)
                #expect(answer.status == .ok || answer.status == .badRequest, "\(path): \(answer.status)")
            }
            let segments = try await browser.get("/segments?on=1900-01-01&lang=en")
            #expect(segments.status == .ok)
            #expect(segments.body.contains("0.00"))
            #expect(try await browser.get("/").status == .ok) // still serving
        }
    }

    @Test func aFormPastItsLimitIsRefusedWithAPageSayingSoNotAServerError() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let huge = "username=" + String(repeating: "u", count: 100_000) + "&password=x&csrf_token=x"
            let signIn = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                  body: ByteBuffer(string: huge))
            #expect(signIn.status == .contentTooLarge)
            #expect(String(buffer: signIn.body).contains("The form is too large"))
            let browser = Browser(client)
            try await browser.signIn("admin")
            let token = try await browser.sessionCSRF()
            let settings = try await browser.post("/settings", form: ["csrf_token": token, "key": "board.young_age",
                                                                      "value": String(repeating: "9", count: 100_000)])
            #expect(settings.status == .contentTooLarge)
            #expect(settings.body.contains("The form is too large"))
            let chinese = try await browser.post("/settings?lang=zh", form: ["csrf_token": token, "filler": String(repeating: "x", count: 70_000)])
            #expect(chinese.body.contains("表单过大"))
            #expect(try harness.registry.auditEntries().filter { $0.action == "settings.change" }.isEmpty)
        }
    }

    @Test func anUploadWithMorePartsThanTheFormSendsIsRefusedAtOnceWithAPage() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("staff")
            let token = try await browser.get("/import").csrf ?? ""
            let fields = [("csrf_token", token), ("kind", "members")] + (0..<5_000).map { ("f\($0)", "v") }
            let answer = try await browser.upload("/import", fields: fields, file: ("a.csv", Data("member_no,name\r\n".utf8)))
            #expect(answer.status == .badRequest)
            #expect(answer.body.contains("more fields than the import form sends"))
            // Just inside: the form's own fields and a few more still reach the file check.
            let few = [("csrf_token", token), ("kind", "members"), ("as_of", "2019-12-31")] + (0..<10).map { ("f\($0)", "v") }
            let fine = try await browser.upload("/import", fields: few, file: ("a.csv", Data("member_no,name\r\n".utf8)))
            #expect(!fine.body.contains("more fields than the import form sends"))
        }
    }
}
