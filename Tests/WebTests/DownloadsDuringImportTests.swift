import Foundation
import Hummingbird
import HummingbirdTesting
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender
import Testing
@testable import RegistrarWeb

/// The two downloads that show members' data, a segment's CSV and an upload's rejects file, while an
/// import holds the registry: answered at once, and audited with the web user's name when it commits.
struct DownloadsDuringImportTests {
    @Test func aSegmentExportAndARejectsDownloadDuringAnImportAreAnsweredAtOnceAndAuditedWhenItCommits() async throws {
        let harness = try WebHarness()
        let roster = try Data(contentsOf: WebHarness.fixtures.appendingPathComponent("members-2019-12-31.csv"))
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("staff")
            let form = try await browser.get("/import")
            let preview = try await browser.upload("/import", fields: [
                ("csrf_token", form.csrf ?? ""), ("kind", "members"), ("as_of", "2019-12-31"), ("max_lapse", "100"),
            ], file: ("members-2019-12-31.csv", roster))
            #expect(preview.status == .ok)
            let confirm = try #require(preview.body.range(of: #"/import/[0-9a-f]{64}/confirm"#, options: .regularExpression))
            let token = preview.body[confirm].split(separator: "/")[1]
            let before = try harness.registry.auditEntries().count

            let lock = try MemberPageDuringImportTests.WriteLock(harness.path)
            let segment = try await browser.get("/segments/women.csv?on=2019-06-01")
            #expect(segment.status == .ok)
            #expect(segment.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(segment.body.split(whereSeparator: \.isNewline).count > 1)
            let rejects = try await browser.get("/import/\(token)/rejects.csv")
            #expect(rejects.status == .ok)
            #expect(rejects.body.split(whereSeparator: \.isNewline).count == 3)
            #expect(harness.web.auditJournal.waitingCount == 2)
            #expect(try harness.registry.auditEntries().count == before)
            try lock.release()

            #expect(try harness.web.auditJournal.move(wait: true))
            let entries = try harness.registry.auditEntries().dropFirst(before)
            #expect(entries.map(\.action) == ["segment.export", "import.rejects"])
            #expect(entries.allSatisfy { $0.actor == "web:staff" })
            #expect(entries.first?.subject == "women")
            #expect(entries.last?.subject == "members-2019-12-31.csv")
        }
    }
}
