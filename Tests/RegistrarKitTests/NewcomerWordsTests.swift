import Testing
@testable import RegistrarKit

/// The pure pieces behind issue 17: typo suggestions, day flags, table fitting, Excel's damage.
struct SuggestionTests {
    @Test func aSwapOfNeighboursIsOneEdit() {
        #expect(Suggestion.distance("reprot", "report") == 1)
        #expect(Suggestion.distance("montly", "monthly") == 1)
        #expect(Suggestion.distance("count", "count") == 0)
        #expect(Suggestion.distance("", "abc") == 3)
    }

    @Test func onlyAWordCloseEnoughIsSuggested() {
        let commands = ["init", "demo", "import", "report", "count", "segments", "audit"]
        #expect(Suggestion.closest(to: "reprot", in: commands) == "report")
        #expect(Suggestion.closest(to: "REPORT", in: commands) == "report")
        #expect(Suggestion.closest(to: "segmnts", in: commands) == "segments")
        #expect(Suggestion.closest(to: "frobnicate", in: commands) == nil)
        // Short words get one edit only: "dmo" is demo, "xyz" is nothing.
        #expect(Suggestion.closest(to: "dmo", in: commands) == "demo")
        #expect(Suggestion.closest(to: "xyz", in: commands) == nil)
    }
}

struct DateFlagTests {
    @Test(arguments: ["2018-12-31", "2018/12/31", "2018.12.31", "20181231", "2018年12月31日", "２０１８年１２月３１日", " 2018/12/31 "])
    func theRosterFormsAreOneDay(_ text: String) {
        #expect(DateFlag.day(text) == Day(year: 2018, month: 12, day: 31))
    }

    @Test(arguments: ["1899-12-31", "0018-12-31", "2018-13-01", "2018-02-30", "2018-12", "18/12/31", "yesterday", ""])
    func anythingElseIsNotADay(_ text: String) {
        #expect(DateFlag.day(text) == nil)
    }

    @Test func theYearsRunFrom1900To9999() {
        #expect(DateFlag.day("1900-01-01") == Day(year: 1900, month: 1, day: 1))
        #expect(DateFlag.day("9999-12-31") == Day(year: 9999, month: 12, day: 31))
        #expect(DateFlag.month("2018/12") == YearMonth(year: 2018, month: 12))
        #expect(DateFlag.month("2018年12月") == YearMonth(year: 2018, month: 12))
        #expect(DateFlag.month("1899-12") == nil && DateFlag.month("2018-12-31") == nil && DateFlag.month("2018-13") == nil)
    }
}

struct TableFittingTests {
    func widest(_ text: String) -> Int { text.split(separator: "\n").map { DisplayWidth.of($0) }.max() ?? 0 }

    @Test func aTableThatFitsIsUnchanged() {
        let table = TextTable(headers: ["name", "count"], rows: [["young", "94"], ["women", "1,094"]])
        #expect(table.render(width: 80) == "name   count\n-----  -----\nyoung     94\nwomen  1,094\n")
    }

    @Test func longCellsWrapInsideTheirColumnAndNumbersDoNot() {
        let description = String(repeating: "aged 35 or under on the day ", count: 4)
        let table = TextTable(headers: ["segment", "members", "who"], rows: [["young", "123456", description]])
        let text = table.render(width: 40)
        #expect(widest(text) <= 40, "\(text)")
        #expect(text.contains("123456"))
        #expect(text.split(separator: "\n").count > 3)
        // Every word is still there, whole.
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        #expect(words.filter { $0 == "under" }.count == 4)
    }

    @Test func chineseWrapsByDisplayWidth() {
        let table = TextTable(headers: ["分组", "说明"], rows: [["young", String(repeating: "当日年龄三十五周岁以下", count: 6)]])
        let text = table.render(width: 30)
        #expect(widest(text) <= 30, "\(text)")
        #expect(text.filter { $0 == "当" }.count == 6)
    }

    @Test func aTableWhoseWordsCannotFitBecomesBlocks() {
        let table = TextTable(headers: ["case", "opened", "allegation", "status", "finding", "sanction", "from", "until"],
                              rows: [["XH-CX-2018-006", "2018-08-30", "duplicate submission", "decided", "substantiated",
                                      "barred from nomination", "2019-01-01", "2022-01-01"]])
        let text = table.render(width: 60)
        #expect(text.hasPrefix("case: XH-CX-2018-006\n  opened      2018-08-30\n"), "\(text)")
        #expect(text.contains("  allegation  duplicate submission\n"))
        #expect(widest(text) <= 60)
    }

    @Test func textWrapBreaksAWordOnlyWhenItIsWiderThanTheLine() {
        #expect(TextWrap.lines("one two three", width: 7) == ["one two", "three"])
        #expect(TextWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrap.paragraph("one two three", width: 9, prefix: "  - ") == "  - one\n    two\n    three")
    }
}

struct ExcelDamageTests {
    @Test(arguments: ["4.40106E+17", "4.40106e17", "440106E+12", "440106199001010000"])
    func aNumberExcelMadeIsNamedAsSuch(_ text: String) {
        guard case .failure(let problem) = ResidentIdentityNumber.parse(text) else { Issue.record("\(text) parsed"); return }
        #expect(problem.problem == .excelNumber, "\(text)")
        #expect(problem.text.en.contains("Excel") && problem.text.zh.contains("Excel"))
    }

    @Test func otherMistakesKeepTheirOwnReasons() {
        guard case .failure(let check) = ResidentIdentityNumber.parse("110105194912310021") else { Issue.record(); return }
        #expect(check.problem == .checkCharacter)
        guard case .failure(let length) = ResidentIdentityNumber.parse("1101051949123100") else { Issue.record(); return }
        #expect(length.problem == .length)
        guard case .failure(let letters) = ResidentIdentityNumber.parse("E1010519491231002X") else { Issue.record(); return }
        #expect(letters.problem == .characters)
        #expect((try? ResidentIdentityNumber.parse("11010519491231002X").get()) != nil)
    }
}

struct AuditWordsTests {
    @Test func anImportDetailReadsInChinese() {
        let detail = "batch 2, sha256 ab12, as of 2018-12-31, snapshot: read 10, inserted 9, updated 0, unchanged 0, rejected 1, lapsed 0"
        #expect(AuditWords.detail(detail, .zh) == "批次 2，sha256 ab12，截至 2018-12-31，完整名单：读取 10，新增 9，更新 0，未变 0，拒绝 1，终止 0")
        #expect(AuditWords.detail(detail, .en) == detail)
        #expect(AuditWords.detail("batch 3: phone, grade", .zh) == "批次 3：手机、会员类别")
        #expect(AuditWords.action("member.reveal", .zh) == "明文查看证件号码" && AuditWords.action("member.reveal", .en) == "member.reveal")
        #expect(AuditWords.subject("members: roster.csv", .zh) == "个人会员：roster.csv")
    }
}
