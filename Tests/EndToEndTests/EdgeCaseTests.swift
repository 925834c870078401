import Foundation
import Testing

struct EdgeCaseTests {
    func registry() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        return scratch
    }

    func write(_ text: String, _ name: String, in scratch: Scratch) throws -> String {
        let path = scratch.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func anEmptyFileIsAOneLineError() throws {
        let scratch = try registry()
        let outcome = try scratch.run(["import", "members", try write("", "empty.csv", in: scratch), "--db", scratch.db])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("empty.csv") && outcome.stderr.contains("empty"))
    }

    @Test func aHeaderOnlyFileImportsNothing() throws {
        let scratch = try registry()
        let summary = try scratch.json(["import", "members", try write("会员编号,姓名\n", "header.csv", in: scratch), "--db", scratch.db])
        #expect(summary["read"] as? Int == 0 && summary["inserted"] as? Int == 0)
    }

    @Test func aMapFileNamesColumnsTheBuiltInTablesDoNotKnow() throws {
        let scratch = try registry()
        let roster = try write("编号,名字,加入时间,备用\nX1,张三,2018-01-05,甲\n", "odd.csv", in: scratch)
        let withoutMap = try scratch.run(["import", "members", roster, "--db", scratch.db])
        #expect(withoutMap.status == 1 && withoutMap.stderr.contains("--map"))
        let map = try write("header,field\n编号,member_no\n名字,name\n加入时间,join_date\n", "map.csv", in: scratch)
        let summary = try scratch.json(["import", "members", roster, "--map", map, "--as-of", "2018-12-31", "--db", scratch.db])
        #expect(summary["inserted"] as? Int == 1)
        #expect(summary["unknown_columns"] as? [String] == ["备用"])
        let count = try scratch.json(["count", "--as-of", "2018-01-05", "--db", scratch.db])
        #expect(count["individual"] as? Int == 1)
    }

    @Test func anExplicitEncodingOverridesDetection() throws {
        let scratch = try registry()
        let path = scratch.path("gbk.csv")
        // "会员编号,姓名\nG1,张三\n" in GB18030.
        let bytes: [UInt8] = [0xBB, 0xE1, 0xD4, 0xB1, 0xB1, 0xE0, 0xBA, 0xC5, 0x2C, 0xD0, 0xD5, 0xC3, 0xFB, 0x0A,
                              0x47, 0x31, 0x2C, 0xD5, 0xC5, 0xC8, 0xFD, 0x0A]
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let refused = try scratch.run(["import", "members", path, "--encoding", "utf-8", "--db", scratch.db])
        #expect(refused.status == 1 && refused.stderr.contains("gb18030"))
        let summary = try scratch.json(["import", "members", path, "--encoding", "gb18030", "--db", scratch.db])
        #expect(summary["inserted"] as? Int == 1)
        let member = try scratch.json(["member", "show", "G1", "--db", scratch.db])
        #expect(member["name"] as? String == "张三")
    }

    @Test func revealShowsTheIdentityNumberAndIsAudited() throws {
        let scratch = try registry()
        let roster = try write("会员编号,姓名,身份证号\nM1,张三,11010519491231002X\n", "r.csv", in: scratch)
        try scratch.run(["import", "members", roster, "--db", scratch.db])
        let masked = try scratch.run(["member", "show", "M1", "--db", scratch.db])
        #expect(masked.stdout.contains("110105********002X") && !masked.stdout.contains("11010519491231002X"))
        let revealed = try scratch.run(["member", "show", "M1", "--reveal", "--db", scratch.db])
        #expect(revealed.stdout.contains("11010519491231002X"))
        let audit = try scratch.run(["audit", "--db", scratch.db, "--format", "csv"])
        #expect(audit.stdout.contains("member.reveal") && !audit.stdout.contains("19491231"))
    }

    @Test func chineseTablesLineUpByDisplayWidth() throws {
        let scratch = try registry()
        let outcome = try scratch.run(["count", "--as-of", "2018-12-31", "--db", scratch.db, "--lang", "zh"])
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        func width(_ text: String) -> Int {
            text.unicodeScalars.reduce(0) { $0 + (($1.value >= 0x4E00 && $1.value <= 0x9FFF) ? 2 : 1) }
        }
        #expect(width(lines[0]) == width(lines[1]) && width(lines[1]) == width(lines[2]))
    }
}
