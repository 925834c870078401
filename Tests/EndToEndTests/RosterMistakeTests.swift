import Foundation
import Testing

/// What the adversarial pass found in the roster imports: a roster of the wrong kind, and a moved
/// join date that rewrote history without an audit entry.
struct RosterMistakeTests {
    static let fixtures = repositoryRoot.appendingPathComponent("fixtures")

    @Test func aMemberRosterImportedAsUnitsIsRefusedAndRenamesNothing() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        #expect(try scratch.run(["import", "units", Self.fixtures.appendingPathComponent("units.csv").path,
                                 "--as-of", "2015-12-31", "--db", scratch.db]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: scratch.db))
        let roster = scratch.path("m.csv")
        try "unit_no,name,member_no,gender,birth_date,id_number\nU0001,张三,M1,男,1980-01-01,\n"
            .write(toFile: roster, atomically: true, encoding: .utf8)
        let english = try scratch.run(["import", "units", roster, "--as-of", "2019-12-31", "--db", scratch.db])
        #expect(english.status != 0)
        #expect(english.stderr.contains("m.csv"), "\(english.stderr)")
        #expect(english.stderr.contains("an individual roster (member_no, gender, birth_date); import it with registrar import members"),
                "\(english.stderr)")
        let chinese = try scratch.run(["import", "units", roster, "--as-of", "2019-12-31", "--db", scratch.db, "--lang", "zh"])
        #expect(chinese.stderr.contains("含有个人会员名册的列"), "\(chinese.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.db)) == before)
        // The bundled member roster, whose 会员编号 and 单位会员编号 both name a unit field here: the
        // kind is named, not the doubled column.
        let fixture = try scratch.run(["import", "units", Self.fixtures.appendingPathComponent("members-2019-12-31.csv").path,
                                       "--as-of", "2019-12-31", "--db", scratch.db])
        #expect(fixture.status != 0 && fixture.stderr.contains("import it with registrar import members"), "\(fixture.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.db)) == before)
        // And the reverse: a unit roster given to the member import.
        let units = try scratch.run(["import", "members", Self.fixtures.appendingPathComponent("units.csv").path,
                                     "--as-of", "2015-12-31", "--db", scratch.db])
        #expect(units.status != 0)
        #expect(units.stderr.contains("a unit roster"), "\(units.stderr)")
    }

    @Test func aMovedJoinDateIsAudited() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        let first = scratch.path("a.csv"), moved = scratch.path("b.csv")
        try "member_no,name,join_date\nP1,张三,2016-01-01\n".write(toFile: first, atomically: true, encoding: .utf8)
        try "member_no,name,join_date\nP1,张三,2017-02-01\n".write(toFile: moved, atomically: true, encoding: .utf8)
        #expect(try scratch.run(["import", "members", first, "--as-of", "2019-12-31", "--db", scratch.db]).status == 0)
        #expect(!(try scratch.run(["audit", "--db", scratch.db]).stdout.contains("join_date")))
        let updated = try scratch.json(["import", "members", moved, "--as-of", "2020-12-31", "--db", scratch.db])
        #expect(updated["updated"] as? Int == 1)
        let audit = try scratch.run(["audit", "--db", scratch.db])
        #expect(audit.stdout.contains("P1"), "\(audit.stdout)")
        #expect(audit.stdout.contains("join_date"), "\(audit.stdout)")
    }
}
