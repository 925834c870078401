import Foundation
import GRDB
import Testing
@testable import RegistrarModel
@testable import RegistrarStore

/// A key typed by a person finds the member whatever the input method made of it: full-width digits
/// and letters, a full-width `Ｘ`, the ideographic space. `member show`, the search, the integrity
/// look-ups and `registration status` all read keys through `Registry.memberID(_:typed:)`.
struct TypedKeyTests {
    @Test func fullWidthKeysFindTheMemberEverywhere() throws {
        let store = try TemporaryRegistry()
        let id = try store.addMember("M100192", from: "2018-01-01")
        try store.registry.write { db in
            try db.execute(sql: "UPDATE member SET id_number = '11010519491231002X', id_type = 'resident' WHERE id = ?", arguments: [id])
        }
        let day = try #require(Day(iso: "2019-01-01"))
        for typed in ["Ｍ１００１９２", "\u{3000}M100192\u{3000}", "１１０１０５１９４９１２３１００２Ｘ", "11010519491231002x"] {
            #expect(try store.registry.showMember(key: typed, reveal: false).memberNo == "M100192", "\(typed)")
            #expect(try store.registry.searchMembers(typed, offset: 0, limit: 10).hits.count == 1, "\(typed)")
            #expect(try store.registry.registrationStatus(key: typed, on: day).memberNo == "M100192", "\(typed)")
        }
        let audit = try store.registry.auditEntries()
        #expect(!audit.contains { ($0.detail ?? "").contains("11010519491231002X") || ($0.subject ?? "").contains("11010519491231002X") })
    }
}
