import Foundation
import Hummingbird
import HummingbirdTesting
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender
import Testing
@testable import RegistrarWeb

/// Upload, preview (a dry run that changes nothing), confirm (exactly the previewed file), rejects.
@Suite(.serialized)
struct ImportRouteTests {
    static let roster = WebHarness.fixtures.appendingPathComponent("members-2019-12-31.csv")
    static let day = Day(iso: "2019-12-31")!

    @Test func aPreviewChangesNothingAndConfirmingImportsExactlyThatFile() async throws {
        let harness = try WebHarness(demo: false)
        let data = try Data(contentsOf: Self.roster)
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("staff")
            let form = try await browser.get("/import")
            #expect(form.body.contains(#"enctype="multipart/form-data""#))
            // Unit members first, as the members' unit numbers refer to them: another kind, the same two steps.
            let units = try await browser.upload("/import", fields: [
                ("csrf_token", form.csrf ?? ""), ("kind", "units"), ("as_of", "2019-12-31"),
            ], file: ("units.csv", try Data(contentsOf: WebHarness.fixtures.appendingPathComponent("units.csv"))))
            let unitsConfirm = try #require(units.body.range(of: #"/import/[0-9a-f]{64}/confirm"#, options: .regularExpression))
            #expect(try await browser.post(String(units.body[unitsConfirm]), form: ["csrf_token": form.csrf ?? ""]).status == .ok)
            let unitCount = try harness.registry.count(on: Self.day).unit
            #expect(unitCount > 0)
            let preview = try await browser.upload("/import", fields: [
                ("csrf_token", form.csrf ?? ""), ("kind", "members"), ("as_of", "2019-12-31"), ("max_lapse", "10"),
            ], file: ("members-2019-12-31.csv", data))
            #expect(preview.status == .ok)
            #expect(preview.body.contains("Nothing has been imported yet"))
            #expect(try harness.registry.count(on: Self.day).individual == 0)
            #expect(try harness.registry.recentImports(limit: 5).count == 1)
            // The two bad rows of the fixture, with line, column and reason.
            #expect(preview.body.contains("Rejected rows"))
            let confirmPath = try #require(preview.body.range(of: #"/import/[0-9a-f]{64}/confirm"#, options: .regularExpression))
            let confirm = String(preview.body[confirmPath])
            let token = confirm.split(separator: "/")[1]

            // Another staff member cannot confirm someone else's upload.
            let other = Browser(client)
            try await other.signIn("admin")
            #expect(try await other.post(confirm, form: ["csrf_token": try await other.sessionCSRF()]).status == .notFound)
            #expect(try await browser.post(confirm, form: [:]).status == .forbidden)

            let imported = try await browser.post(confirm, form: ["csrf_token": preview.csrf ?? ""])
            #expect(imported.status == .ok)
            #expect(imported.body.contains("The file is imported."))
            let count = try harness.registry.count(on: Self.day).individual
            #expect(count > 250)
            let batch = try #require(harness.registry.recentImports(limit: 1).first)
            #expect(batch.fileName == "members-2019-12-31.csv" && batch.rejected == 2)
            let sha = try FileDigest.sha256(path: Self.roster.path, displayName: "roster")
            #expect(imported.body.contains(sha))
            #expect(try harness.registry.auditEntries().contains { $0.action == "import" && $0.actor == "web:staff" })

            let again = try await browser.post(confirm, form: ["csrf_token": preview.csrf ?? ""])
            #expect(again.status == .conflict)
            #expect(try harness.registry.recentImports(limit: 5).count == 2)

            let rejects = try await browser.get("/import/\(token)/rejects.csv")
            #expect(rejects.status == .ok)
            #expect(rejects.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(rejects.body.split(whereSeparator: \.isNewline).count == 3)
            #expect(try harness.registry.auditEntries().contains { $0.action == "import.rejects" && $0.actor == "web:staff" })
        }
    }

    /// A complete roster that would end too many members is refused with advice for the form, not
    /// for the command line's flag, and nothing changes.
    @Test func aSnapshotEndingTooManyNamesTheFormsField() async throws {
        let harness = try WebHarness()
        let lines = try String(contentsOf: Self.roster, encoding: .utf8).split(whereSeparator: \.isNewline)
        let twoRows = Data((lines.prefix(3).joined(separator: "\n") + "\n").utf8)
        let before = try harness.registry.count(on: Self.day)
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("staff")
            let csrf = try await browser.sessionCSRF()
            for (language, field) in [("en", "in that field"), ("zh", "请在该栏填写")] {
                let refused = try await browser.upload("/import?lang=\(language)", fields: [
                    ("csrf_token", csrf), ("kind", "members"), ("as_of", "2019-12-31"), ("snapshot", "on"), ("max_lapse", "10"),
                ], file: ("members.csv", twoRows))
                #expect(refused.body.contains(field), "\(language)")
                #expect(!refused.body.contains("--max-lapse"), "\(language)")
            }
        }
        #expect(try harness.registry.count(on: Self.day) == before)
    }

    @Test func aWrongFileOrBadFieldGetsAPageSayingWhatToDoAndChangesNothing() async throws {
        let harness = try WebHarness(demo: false)
        let data = try Data(contentsOf: Self.roster)
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("staff")
            let csrf = try await browser.sessionCSRF()
            let badDate = try await browser.upload("/import", fields: [("csrf_token", csrf), ("kind", "members"), ("as_of", "2019-13-01")],
                                                   file: ("members.csv", data))
            #expect(badDate.status == .badRequest)
            #expect(badDate.body.contains("&#39;2019-13-01&#39; in &#39;the date the file describes&#39; is not a date"))
            let noFile = try await browser.upload("/import", fields: [("csrf_token", csrf), ("kind", "members"), ("as_of", "2019-12-31")],
                                                  file: nil)
            #expect(noFile.status == .badRequest)
            let notARoster = try await browser.upload("/import?lang=zh", fields: [("csrf_token", csrf), ("kind", "members"), ("as_of", "2019-12-31")],
                                                      file: ("photo.csv", Data("just,some\nwords,here\n".utf8)))
            #expect(notARoster.status == .unprocessableContent)
            #expect(notARoster.body.contains("photo.csv"))
            let wrongKind = try await browser.upload("/import", fields: [("csrf_token", csrf), ("kind", "board-seats"), ("as_of", "2019-12-31")],
                                                     file: ("members.csv", data))
            #expect(wrongKind.status == .badRequest)
            #expect(try harness.registry.count(on: Self.day).individual == 0)
            #expect(try harness.registry.recentImports(limit: 5).isEmpty)
        }
        // No upload is left behind from a refused one.
        let left = try FileManager.default.contentsOfDirectory(atPath: harness.path + ".uploads")
        #expect(left.isEmpty)
    }

    /// Two tabs confirming the same preview at once (or a double click) both passed the "imported
    /// already?" check before either import finished, and the file was imported twice: two batches.
    @Test func twoConfirmationsOfOnePreviewAtOnceImportItOnce() async throws {
        let harness = try WebHarness(demo: false)
        let data = try Data(contentsOf: Self.roster)
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("staff")
            let csrf = try await browser.sessionCSRF()
            let preview = try await browser.upload("/import", fields: [("csrf_token", csrf), ("kind", "members"), ("as_of", "2019-12-31")],
                                                   file: ("members.csv", data))
            let range = try #require(preview.body.range(of: #"/import/[0-9a-f]{64}/confirm"#, options: .regularExpression))
            let confirm = String(preview.body[range])
            async let first = browser.post(confirm, form: ["csrf_token": csrf])
            async let second = browser.post(confirm, form: ["csrf_token": csrf])
            let statuses = try await [first.status, second.status]
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 1)
            #expect(try harness.registry.recentImports(limit: 5).count == 1)
            // Once imported, a third confirmation is refused as before.
            #expect(try await browser.post(confirm, form: ["csrf_token": csrf]).status == .conflict)
        }
    }

    /// A file named with more than 85 Chinese characters (past a folder entry's 255 bytes), or named
    /// `upload.part`, got "Something went wrong on the server" instead of its preview.
    @Test func aLongChineseFileNameOrThePartFilesNameIsPreviewed() async throws {
        let harness = try WebHarness(demo: false)
        let data = try Data(contentsOf: Self.roster)
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("staff")
            let csrf = try await browser.sessionCSRF()
            for name in [String(repeating: "会员名册", count: 30) + ".csv", "upload.part"] {
                let preview = try await browser.upload("/import", fields: [("csrf_token", csrf), ("kind", "members"), ("as_of", "2019-12-31")],
                                                       file: (name, data))
                #expect(preview.status == .ok)
                #expect(preview.body.contains("Nothing has been imported yet"))
            }
            #expect(try harness.registry.count(on: Self.day).individual == 0)
        }
    }

    @Test func aViewerCannotUpload() async throws {
        let harness = try WebHarness(demo: false)
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("viewer")
            let answer = try await browser.upload("/import", fields: [("csrf_token", try await browser.sessionCSRF()), ("kind", "members")],
                                                  file: ("m.csv", Data("a\n".utf8)))
            #expect(answer.status == .forbidden)
        }
    }
}
