import Foundation
import GRDB
import Testing
@testable import RegistrarModel
@testable import RegistrarStore

/// Searches of one or two characters answered from the names in memory give exactly the pages the
/// member table gives: the same members, in the same order, with the same "more" — ASCII letters in
/// either case, members without a number, LIKE's own characters taken literally.
struct MemberNameSnapshotTests {
    static let names = ["王伟", "王芳", "李娜", "张伟", "Wang Wei", "wang li", "欧阳娜娜", "A_b", "100%", "伟", "Ab", "ab", "王"]

    @Test func shortSearchesFromMemoryGiveTheTablesPages() throws {
        let store = try TemporaryRegistry()
        try store.registry.write { db in
            for index in 0..<180 {
                let number: String? = index % 11 == 0 ? nil : (index % 3 == 0 ? "b\(1000 + index)" : "B\(1000 + index)")
                try db.execute(sql: "INSERT INTO member (member_no, name, id_number, id_type) VALUES (?, ?, ?, ?)",
                               arguments: [number, Self.names[index % Self.names.count] + (index % 4 == 0 ? "" : "\(index % 7)"),
                                           number == nil ? "ID\(index)" : nil, number == nil ? "other" : nil])
            }
        }
        let snapshot = try store.registry.memberNameSnapshot()
        #expect(snapshot.count == 180)
        let queries = ["王", "伟", "娜", "w", "W", "wa", "WA", "i", "b", "B1", "b1", "B10", "_", "%", "0%", "1", "17", "A_", "a", "欧阳", "张", "x", "i "]
        for query in queries {
            for (offset, limit) in [(0, 5), (5, 5), (0, 50), (37, 20), (170, 20)] {
                let fromTable = try store.registry.searchMembers(query, offset: offset, limit: limit)
                let fromMemory = try store.registry.searchMembers(query, offset: offset, limit: limit, names: snapshot)
                #expect(fromMemory == fromTable, "\(query) \(offset) \(limit)")
            }
        }
        // Three characters and more, and exact keys, still go the usual way.
        #expect(try store.registry.searchMembers("王伟1", offset: 0, limit: 10, names: snapshot)
                == store.registry.searchMembers("王伟1", offset: 0, limit: 10))
    }

    /// A snapshot older than the registry never shows a member who no longer matches.
    @Test func aStaleSnapshotNeverShowsAMemberWhoNoLongerMatches() throws {
        let store = try TemporaryRegistry()
        try store.addMember("M1", from: "2018-01-01")
        try store.registry.write { db in try db.execute(sql: "UPDATE member SET name = '王伟' WHERE member_no = 'M1'") }
        let snapshot = try store.registry.memberNameSnapshot()
        try store.registry.write { db in try db.execute(sql: "UPDATE member SET name = '李娜' WHERE member_no = 'M1'") }
        #expect(try store.registry.searchMembers("王", offset: 0, limit: 10, names: snapshot).hits.isEmpty)
    }
}
