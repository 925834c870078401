import Foundation
import GRDB
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

/// Roster imports through the library, on a temporary registry.
struct ImportTests {
    let store: TemporaryRegistry
    init() throws { store = try TemporaryRegistry() }

    static let header = "会员编号,姓名,性别,身份证号,入会日期,退会日期,会员状态\n"

    func file(_ rows: [String], header: String = ImportTests.header) throws -> String {
        let path = store.folder.appendingPathComponent("roster-\(UUID().uuidString).csv").path
        try (header + rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func importFile(_ path: String, asOf: String = "2018-12-31", _ configure: (inout ImportOptions) -> Void = { _ in }) throws -> ImportSummary {
        var options = ImportOptions(asOf: Day(iso: asOf)!)
        configure(&options)
        return try store.registry.importFile(.members, path: path, options: options)
    }

    func count(_ day: String) throws -> Int { try store.registry.count(on: Day(iso: day)!).individual }

    func tableCounts() throws -> [Int] {
        try store.registry.read { db in
            try ["member", "membership_period", "audit_log", "import_batch"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")! }
        }
    }

    static let rows = [
        "M1,张三,女,11010519491231002X,2015-01-01,,正常",
        "M2,李四,男,110105198001010016,2016/3/5,,正常",
        "M3,王五,,,2017年1月2日,2018-06-30,退会",
    ]

    @Test func aRosterImportsAndCountsFollowThePeriods() throws {
        let summary = try importFile(try file(Self.rows))
        #expect(summary.inserted == 3 && summary.rejected == 0 && summary.read == 3)
        #expect(try count("2016-12-31") == 2)
        #expect(try count("2017-12-31") == 3)
        #expect(try count("2018-12-31") == 2)
    }

    @Test func theBatchRecordsTheFilesDigestTakenOnTheSideAndTheAuditNamesIt() throws {
        let path = try file(Self.rows)
        let summary = try importFile(path)
        let expected = try FileDigest.sha256(path: path, displayName: "roster.csv")
        let (recorded, audited) = try store.registry.read { db in
            (try String.fetchOne(db, sql: "SELECT sha256 FROM import_batch WHERE id = ?", arguments: [summary.batch])!,
             try String.fetchOne(db, sql: "SELECT detail FROM audit_log WHERE action = 'import' ORDER BY id DESC LIMIT 1") ?? "")
        }
        #expect(recorded == expected && recorded != BackgroundDigest.placeholder)
        #expect(audited.contains("sha256 \(expected)"))
    }

    @Test func importingTheSameFileTwiceChangesNothingTheSecondTime() throws {
        let path = try file(Self.rows)
        _ = try importFile(path) { $0.snapshot = true }
        let before = try tableCounts()
        let again = try importFile(path) { $0.snapshot = true }
        #expect(again.unchanged == 3 && again.inserted == 0 && again.updated == 0 && again.lapsed == 0)
        let after = try tableCounts()
        #expect(after[0] == before[0] && after[1] == before[1])
        #expect(after[2] == before[2] + 1) // the import's own audit entry, nothing else
    }

    @Test func aChangedColumnUpdatesTheMemberAndIsAuditedByName() throws {
        _ = try importFile(try file(Self.rows))
        var changed = Self.rows
        changed[1] = "M2,李四海,男,110105198001010016,2016/3/5,,正常"
        let summary = try importFile(try file(changed))
        #expect(summary.updated == 1 && summary.unchanged == 2)
        let update = try store.registry.auditEntries().first { $0.action == "member.update" }
        #expect(update?.subject == "M2")
        #expect(update?.detail?.contains("name") == true)
        #expect(update?.detail?.contains("李四海") == false)
    }

    /// Exactly the columns that differ are written and audited: a value changed, a value emptied, an
    /// empty one filled and an integer column changed, with the untouched columns not named.
    @Test func exactlyTheColumnsThatDifferAreAudited() throws {
        let header = "会员编号,姓名,性别,身份证号,电子邮箱,手机,基层一线,入会日期\n"
        _ = try importFile(try file([
            "M1,张三,女,11010519491231002X,zhang@example.org,,是,2015-01-01",
            "M2,李四,男,110105198001010016,li@example.org,13800000000,否,2016-03-05",
        ], header: header))
        let summary = try importFile(try file([
            "M1,张三,女,11010519491231002X,zhang@example.org,,是,2015-01-01",
            "M2,李四海,男,110105198001010016,,13900000000,是,2016-03-05",
        ], header: header))
        #expect(summary.updated == 1 && summary.unchanged == 1)
        let update = try store.registry.auditEntries().first { $0.action == "member.update" }
        #expect(update?.subject == "M2")
        #expect(update?.detail?.hasSuffix(": name, email, phone, grassroots") == true, "\(update?.detail ?? "")")
        let row = try store.registry.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT name, email, phone, grassroots FROM member WHERE member_no = 'M2'")
        }
        #expect(row?["name"] == "李四海")
        #expect(row?["email"] == nil as String?)
        #expect(row?["phone"] == "13900000000")
        #expect(row?["grassroots"] == 1 as Int64)
    }

    @Test func badRowsAreRejectedWithLineAndReasonAndTheRestImports() throws {
        let path = try file(Self.rows + [
            "M4,赵六,男,110105198001010018,2017-01-01,,正常",   // wrong check character (line 5)
            "M5,钱七,男,,2017-02-30,,正常",                     // impossible date (line 6)
            ",孙八,男,,2017-01-01,,正常",                        // no key (line 7)
            "M1,张三,女,11010519491231002X,2015-01-01,,正常",   // duplicate (line 8)
            "M6,周九,男,,2017-01-01,正常",                      // too few fields (line 9)
        ])
        let summary = try importFile(path)
        #expect(summary.inserted == 3 && summary.rejected == 5)
        // It repeats the rows, identity numbers and all, so only its owner may read it.
        let permissions = try FileManager.default.attributesOfItem(atPath: try #require(summary.rejectsFile))[.posixPermissions]
        #expect((permissions as? NSNumber)?.intValue == 0o600)
        let rejects = try String(contentsOfFile: try #require(summary.rejectsFile), encoding: .utf8)
        let lines = rejects.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines[1].hasPrefix("5,身份证号,") && lines[1].contains("check character"))
        #expect(!lines[1].contains("110105198001010018,2017") || lines[1].contains("110105********0018"))
        #expect(lines[2].hasPrefix("6,入会日期,"))
        #expect(lines[3].hasPrefix("7,,"))
        #expect(lines[4].hasPrefix("8,,") && lines[4].contains("line 2"))
        #expect(lines[5].hasPrefix("9,,") && lines[5].contains("6 fields"))
    }

    /// Into an empty registry rows are inserted first and looked up only when a key is taken; into a
    /// registry that holds anyone, every row is looked up first. Both must decide every row alike.
    @Test func anEmptyRegistryDecidesEveryRowAsAnOccupiedOneDoes() throws {
        let header = "会员编号,姓名,性别,身份证号,ORCID,入会日期,退会日期,会员状态\n"
        let rows = [
            "M1,张三,女,11010519491231002X,,2015-01-01,,正常",
            "M2,李四,男,110105198001010016,0000-0002-1825-0097,2016-03-05,,正常",
            "M1,张三,女,11010519491231002X,,2015-01-01,,正常",           // the same member number again
            "M9,李四,男,110105198001010016,,2016-03-05,,正常",           // the same identity number, another number
            "M3,王五,男,,0000-0002-1825-0097,2017-01-02,,正常",          // an ORCID iD already taken
            "M4,赵六,女,,,2017-01-02,2016-01-01,退会",                   // leaves before joining
            "M5,钱七,女,,,2020-01-01,,正常",                             // joins after the as-of date
            "M6,孙八,男,,0000-0001-5109-3700,2017-05-05,2018-06-30,退会",
        ]
        func run(_ registry: TemporaryRegistry) throws -> (summary: [Int], rejects: String, members: [[String?]]) {
            let path = registry.folder.appendingPathComponent("same.csv").path
            try (header + rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            let summary = try registry.registry.importFile(.members, path: path, options: ImportOptions(asOf: Day(iso: "2018-12-31")!))
            let rejects = try summary.rejectsFile.map { try String(contentsOfFile: $0, encoding: .utf8) } ?? ""
            let members = try registry.registry.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT m.member_no, m.name, m.id_number, m.orcid, p.start_date, p.end_date, p.end_reason
                    FROM member m LEFT JOIN membership_period p ON p.member_id = m.id
                    WHERE m.member_no <> 'Z0' ORDER BY m.member_no, p.start_date
                    """).map { row in (0..<7).map { row[$0] as String? } }
            }
            return ([summary.read, summary.inserted, summary.updated, summary.unchanged, summary.rejected], rejects, members)
        }
        let occupied = try TemporaryRegistry()
        try occupied.addMember("Z0", from: "2010-01-01")
        let fromEmpty = try run(store)
        let fromOccupied = try run(occupied)
        #expect(fromEmpty.summary == [8, 4, 0, 0, 4])
        #expect(fromEmpty.summary == fromOccupied.summary)
        #expect(fromEmpty.rejects == fromOccupied.rejects)
        #expect(fromEmpty.members == fromOccupied.members)
        #expect(fromEmpty.rejects.contains("line 2") && fromEmpty.rejects.contains("line 3") && fromEmpty.rejects.contains("ORCID"))
    }

    @Test func strictRefusesTheWholeFileWhenAnyRowIsBad() throws {
        _ = try importFile(try file(Self.rows))
        let before = try tableCounts()
        let path = try file(Self.rows + ["M7,吴十,男,,2017-13-01,,正常"])
        let error = #expect(throws: ImportRefusal.self) { try importFile(path) { $0.strict = true } }
        #expect(error?.problem.en.contains("line 5") == true || error?.problem.en.contains(":5") == true)
        #expect(try tableCounts() == before)
    }

    @Test func aDryRunReportsButChangesNothing() throws {
        let before = try tableCounts()
        let summary = try importFile(try file(Self.rows)) { $0.dryRun = true }
        #expect(summary.inserted == 3 && summary.dryRun)
        #expect(try tableCounts() == before)
    }

    @Test func aSnapshotEndsAbsentMembersOnItsDate() throws {
        _ = try importFile(try file(Self.rows), asOf: "2017-12-31")
        let summary = try importFile(try file([Self.rows[0], Self.rows[2]]), asOf: "2018-12-31") {
            $0.snapshot = true
            $0.maxLapseBasisPoints = 5000
        }
        #expect(summary.lapsed == 1)
        #expect(try count("2018-12-30") == 2)
        #expect(try count("2018-12-31") == 1)
        let profile = try store.registry.showMember(key: "M2", reveal: false)
        #expect(profile.periods.last?.endReason == "absent_from_roster")
        // The lapse sets the no-overlap update trigger aside, and puts it back: it still refuses.
        let refusal = #expect(throws: RegistryError.self) {
            try store.registry.write { db in
                let ids = try Int64.fetchAll(db, sql: """
                    SELECT p.id FROM membership_period p JOIN member m ON m.id = p.member_id WHERE m.member_no = 'M1'
                    """)
                try db.execute(sql: "INSERT INTO membership_period (member_id, start_date, end_date, end_reason) SELECT member_id, '2010-01-01', '2010-12-31', 'resigned' FROM membership_period WHERE id = ?", arguments: [ids[0]])
                try db.execute(sql: "UPDATE membership_period SET end_date = '2099-12-31' WHERE id = (SELECT max(id) FROM membership_period)")
            }
        }
        #expect("\(String(describing: refusal))".contains("must not overlap"))
    }

    /// A key typed with spaces around it (tab, ideographic space) finds the member; one with spaces
    /// inside does not.
    @Test func aKeyIsFoundWithSpacesAroundIt() throws {
        _ = try importFile(try file(Self.rows), asOf: "2017-12-31")
        for key in ["M2", " M2", "M2\t", "\u{3000}M2\u{3000}"] {
            #expect(try store.registry.showMember(key: key, reveal: false).memberNo == "M2", "\(key.debugDescription)")
        }
        #expect(throws: (any Error).self) { try store.registry.showMember(key: "M 2", reveal: false) }
    }

    @Test func aSnapshotThatWouldEndTooManyIsRefusedAndChangesNothing() throws {
        _ = try importFile(try file(Self.rows), asOf: "2017-12-31")
        let before = try tableCounts()
        let error = #expect(throws: ImportRefusal.self) {
            try importFile(try file([Self.rows[0]]), asOf: "2018-12-31") { $0.snapshot = true }
        }
        #expect(error?.problem.en.contains("would end 1 of 2") == true)
        #expect(try tableCounts() == before)
    }

    @Test func aRejectedRowKeepsItsMemberFromLapsingInASnapshot() throws {
        _ = try importFile(try file(Self.rows), asOf: "2017-12-31")
        let summary = try importFile(try file([Self.rows[0], "M2,李四,男,110105198001010016,2016-02-30,,正常"]), asOf: "2018-12-31") {
            $0.snapshot = true
        }
        #expect(summary.rejected == 1 && summary.lapsed == 0)
    }

    @Test func aRejoinAfterLeavingOpensASecondPeriod() throws {
        _ = try importFile(try file(Self.rows), asOf: "2018-12-31")
        _ = try importFile(try file(["M3,王五,,,2019-03-01,,正常"]), asOf: "2019-12-31")
        let profile = try store.registry.showMember(key: "M3", reveal: false)
        #expect(profile.periods.map(\.start) == ["2017-01-02", "2019-03-01"])
        #expect(try count("2018-12-31") == 2)
        #expect(try count("2019-12-31") == 3)
    }

    @Test func aMemberIsMatchedByIdentityNumberWhenTheMemberNumberChanged() throws {
        _ = try importFile(try file(Self.rows))
        let summary = try importFile(try file(["N1,张三,女,11010519491231002x,2015-01-01,,正常"]))
        #expect(summary.updated == 1 && summary.inserted == 0)
        #expect(try store.registry.showMember(key: "N1", reveal: false).idNumber == "11010519491231002X")
    }

    @Test func gb18030RostersImport() throws {
        let text = ImportTests.header.replacingOccurrences(of: "\n", with: "\r\n") + Self.rows.joined(separator: "\r\n") + "\r\n"
        let path = store.folder.appendingPathComponent("gbk.csv").path
        try Data(text.data(using: String.Encoding(rawValue: 0x8000_0632))!  /* kCFStringEncodingGB_18030_2000 */)
            .write(to: URL(fileURLWithPath: path))
        let summary = try importFile(path)
        #expect(summary.encoding == "gb18030" && summary.inserted == 3)
        #expect(try store.registry.showMember(key: "M2", reveal: false).name == "李四")
    }

    /// A GB18030 file whose first MiB happens to be plain ASCII: the first attempt reads it as UTF-8
    /// until the first Chinese character, then the whole file is read again as GB18030.
    func lateGB18030File(badRowFirst: Bool = false) throws -> (path: String, rows: Int, chineseLine: Int) {
        // A long column the import ignores fills the first MiB with a few thousand rows.
        let padding = String(repeating: "padding ", count: 50)
        var lines = ["member_no,name,gender,id_number,join_date,end_date,status,note"]
        if badRowFirst { lines.append("X1,Bad Date,M,,2017-02-30,,,") }
        var index = 0
        var bytes = lines.reduce(0) { $0 + $1.utf8.count + 2 }
        while bytes < RawFile.chunkSize + 10_000 {
            index += 1
            lines.append("A\(index),Member \(index),M,,2015-01-01,,,\(padding)")
            bytes += lines.last!.utf8.count + 2
        }
        lines.append("M2,李四,男,110105198001010016,2016-03-05,,正常,")
        let text = lines.joined(separator: "\r\n") + "\r\n"
        let path = store.folder.appendingPathComponent("late-gbk-\(UUID().uuidString).csv").path
        try Data(text.data(using: String.Encoding(rawValue: 0x8000_0632))!  /* kCFStringEncodingGB_18030_2000 */)
            .write(to: URL(fileURLWithPath: path))
        return (path, index + 1 + (badRowFirst ? 1 : 0), lines.count)
    }

    @Test func aGB18030FileWhoseFirstMiBIsASCIIIsReadAgainAsGB18030() throws {
        let (path, rows, _) = try lateGB18030File()
        let summary = try importFile(path)
        #expect(summary.encoding == "gb18030")
        #expect(summary.read == rows && summary.inserted == rows && summary.rejected == 0)
        #expect(try store.registry.showMember(key: "M2", reveal: false).name == "李四")
        #expect(try tableCounts()[3] == 1) // one batch: the UTF-8 attempt left nothing behind
    }

    /// Again, into a registry that has the members: the first attempt is walking the members
    /// (`MemberNumberScan`) when it meets the first GB18030 byte, and the second starts afresh.
    @Test func aLateGB18030FileImportsAgainUnchanged() throws {
        let (path, rows, _) = try lateGB18030File()
        _ = try importFile(path)
        let before = try tableCounts()
        let again = try importFile(path)
        #expect(again.encoding == "gb18030" && again.unchanged == rows && again.inserted == 0 && again.updated == 0)
        let after = try tableCounts()
        #expect(after[0] == before[0] && after[1] == before[1] && after[3] == before[3] + 1)
    }

    @Test func aFileGivenAsUTF8ThatIsNotIsRefusedAtItsLineLeavingNothing() throws {
        let (path, _, chineseLine) = try lateGB18030File(badRowFirst: true)
        let before = try tableCounts()
        #expect {
            try importFile(path) { $0.encoding = .utf8 }
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.line == chineseLine && error.problem.en.contains("is not UTF-8")
        }
        #expect(try tableCounts() == before)
        #expect(!FileManager.default.fileExists(atPath: RejectsWriter.defaultPath(for: path)))
    }

    @Test func aMissingKeyColumnStopsBeforeAnythingChanges() throws {
        let before = try tableCounts()
        #expect(throws: InputError.self) { try importFile(try file(["张三,女"], header: "姓名,性别\n")) }
        #expect(try tableCounts() == before)
    }

    @Test func unitsImportAndIndividualsLinkToThem() throws {
        let units = store.folder.appendingPathComponent("units.csv").path
        try "单位会员编号,单位名称,统一社会信用代码,单位性质,职工总数,入会日期\nU1,福州某研究院,91350100M000100Y43,科研院所,320,2016-01-01\n"
            .write(toFile: units, atomically: true, encoding: .utf8)
        var options = ImportOptions(asOf: Day(iso: "2018-12-31")!)
        let unitSummary = try store.registry.importFile(.units, path: units, options: options)
        #expect(unitSummary.inserted == 1)
        #expect(try store.registry.count(on: Day(iso: "2018-12-31")!).unit == 1)
        options.snapshot = false
        let members = try file(["M1,张三,U1,", "M2,李四,,", "M3,王五,,福州某研究院"], header: "会员编号,姓名,单位会员编号,工作单位\n")
        #expect(try store.registry.importFile(.members, path: members, options: options).inserted == 3)
        #expect(try store.registry.showMember(key: "M1", reveal: false).unitName == "福州某研究院")
        #expect(try store.registry.showMember(key: "M2", reveal: false).unitName == nil)
        #expect(try store.registry.showMember(key: "M3", reveal: false).unitName == "福州某研究院")
        let bad = try file(["M9,赵九,U404"], header: "会员编号,姓名,单位会员编号\n")
        #expect(try store.registry.importFile(.members, path: bad, options: options).rejected == 1)
    }

    @Test func aCleanReimportRemovesTheEarlierRejectsFileButNeverAnotherFile() throws {
        let path = try file(Self.rows + ["M4,赵六,男,110105198001010018,2017-01-01,,正常"])
        let first = try importFile(path)
        let rejects = try #require(first.rejectsFile)
        #expect(FileManager.default.fileExists(atPath: rejects))
        try (ImportTests.header + Self.rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try importFile(path).rejectsFile == nil)
        #expect(!FileManager.default.fileExists(atPath: rejects))
        try "notes the secretary keeps\n".write(toFile: rejects, atomically: true, encoding: .utf8)
        _ = try importFile(path)
        #expect(try String(contentsOfFile: rejects, encoding: .utf8) == "notes the secretary keeps\n")
    }
}
