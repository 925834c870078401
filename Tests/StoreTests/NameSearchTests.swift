import Foundation
import GRDB
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

/// The member search by part of a name or the start of a member number, through the trigram index
/// (migration v7), gives exactly what SQLite's LIKE over the whole table gives.
struct NameSearchTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures")

    /// The member numbers the search finds, and those LIKE finds reading every member.
    static func both(_ registry: Registry, _ query: String) throws -> (found: [String], expected: [String]) {
        let found = try registry.searchMembers(query, offset: 0, limit: 10_000).hits.compactMap(\.memberNo)
        let escaped = Registry.likeEscaped(query)
        let expected = try registry.read { db in
            try String.fetchAll(db, sql: """
                SELECT member_no FROM member WHERE name LIKE ? ESCAPE '\\' OR member_no LIKE ? ESCAPE '\\'
                ORDER BY member_no IS NULL, member_no, id
                """, arguments: ["%" + escaped + "%", escaped + "%"]).filter { !$0.isEmpty }
        }
        return (found, expected)
    }

    @Test func theIndexFindsWhatReadingEveryMemberFinds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registrar-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A first import (the index built once at its end), then the later months (each adding its new
        // members' names after its rows, renamed members by trigger).
        let registry = try Demo.load(path: folder.appendingPathComponent("r.sqlite").path, fixtures: Self.fixtures.path,
                                     rejectsFolder: folder.path).0
        let names = try registry.read { db in try String.fetchAll(db, sql: "SELECT name FROM member ORDER BY id") }
        #expect(names.count > 250)
        var queries = ["王", "张伟", "%", "_", "\\", "b0", "B00", "m20", "M2019", "zz不存在的名字", "a%b", "\"", "\"x\""]
        for name in names.prefix(40) {
            queries.append(name)
            if name.count >= 3 { queries.append(String(name.dropFirst())) }
        }
        let numbers = try registry.read { db in try String.fetchAll(db, sql: "SELECT member_no FROM member WHERE member_no IS NOT NULL LIMIT 5") }
        for number in numbers { queries += [String(number.prefix(3)), String(number.prefix(3)).lowercased(), String(number.dropLast())] }
        for query in queries {
            let (found, expected) = try Self.both(registry, query)
            #expect(found == expected, "\(query)")
        }
        // The index is whole and in step with the member table (FTS5 compares the two, and fails if not).
        try registry.write { db in
            try db.execute(sql: "INSERT INTO member_name_fts (member_name_fts, rank) VALUES ('integrity-check', 1)")
        }
    }

    @Test func aRenamedOrRemovedMemberIsFoundByTheNewNameOnly() throws {
        let store = try TemporaryRegistry()
        try store.registry.initialize(societyName: "测试学会")
        try store.addMember("M1", from: "2015-03-01")
        try store.addMember("M2", from: "2015-03-01")
        #expect(try store.registry.searchMembers("会员M1", offset: 0, limit: 10).hits.map(\.memberNo) == ["M1"])
        try store.registry.write { db in try db.execute(sql: "UPDATE member SET name = '欧阳明月' WHERE member_no = 'M1'") }
        #expect(try store.registry.searchMembers("会员M1", offset: 0, limit: 10).hits.isEmpty)
        #expect(try store.registry.searchMembers("阳明月", offset: 0, limit: 10).hits.map(\.memberNo) == ["M1"])
        // Other columns changing leave the index alone.
        try store.registry.write { db in try db.execute(sql: "UPDATE member SET employer = '某大学' WHERE member_no = 'M1'") }
        #expect(try store.registry.searchMembers("欧阳明", offset: 0, limit: 10).hits.map(\.memberNo) == ["M1"])
        try store.registry.write { db in
            try db.execute(sql: "DELETE FROM membership_period WHERE member_id = (SELECT id FROM member WHERE member_no = 'M1')")
            try db.execute(sql: "DELETE FROM member WHERE member_no = 'M1'")
        }
        #expect(try store.registry.searchMembers("欧阳明", offset: 0, limit: 10).hits.isEmpty)
        #expect(try store.registry.searchMembers("会员M2", offset: 0, limit: 10).hits.map(\.memberNo) == ["M2"])
    }

    @Test func caseVariantsSpellEveryWayLikeMatchesUpToFourLetters() {
        #expect(NameSearch.caseVariants("b0") == ["b0", "B0"])
        #expect(NameSearch.caseVariants("会1") == ["会1"])
        #expect(NameSearch.caseVariants("abcd")?.count == 16)
        #expect(NameSearch.caseVariants("abcde") == nil)
        #expect(NameSearch.phrase("a\"b") == "\"a\"\"b\"")
    }
}
