import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

struct DisplayWidthTests {
    @Test func cjkAndFullWidthTakeTwoColumns() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("会员") == 4)
        #expect(DisplayWidth.of("会员number") == 10)
        #expect(DisplayWidth.of("ＡＢ") == 4)          // full-width Latin
        #expect(DisplayWidth.of("\u{3000}") == 2)      // ideographic space
        #expect(DisplayWidth.of("、。") == 4)           // CJK punctuation
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("𠀀") == 2)            // CJK extension B
        #expect(DisplayWidth.of("ｱ") == 1)             // half-width katakana stays narrow
        #expect(DisplayWidth.of("≤35") == 3)
    }

    @Test func combiningMarksAndFormatCharactersTakeNone() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of("") == 0)
    }
}

struct TextTableTests {
    @Test func chineseAndAsciiRowsLineUp() {
        var table = TextTable(columns: [.init("label"), .number("count")])
        table.append(["会员", "115000"])
        table.append(["members", "7"])
        table.append(["新入会", "12"])
        let output = table.render()
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        // Every line is as wide as the others: the numbers end in the same terminal column.
        let widths = Set(lines.map { DisplayWidth.of($0) })
        #expect(widths.count == 1)
        #expect(lines[2] == "会员     115000")
        #expect(lines[3] == "members       7")
        #expect(lines[4] == "新入会       12")
    }

    @Test func leftColumnsPadByDisplayWidthNotCharacters() {
        var table = TextTable(columns: [.init("省份"), .init("name")])
        table.append(["北京", "a"])
        table.append(["Inner Mongolia", "b"])
        let lines = table.render().split(separator: "\n").map(String.init)
        // The second column is the last character of each row: it starts at one display column.
        let starts = lines.dropFirst(2).map { DisplayWidth.of($0.dropLast()) }
        #expect(starts == [16, 16], "\(lines)")
        #expect(!lines.contains { $0.hasSuffix(" ") })
    }

    @Test func shortRowsAreFilledWithBlanks() {
        var table = TextTable(columns: [.init("a"), .init("b"), .number("c")])
        table.append(["x"])
        #expect(table.rows == [["x", "", ""]])
    }
}

struct HTMLEscapeTests {
    @Test func escapesMarkupCharacters() {
        #expect(HTMLEscape.escape("<A&B> \"q\" 'x' 会员") == "&lt;A&amp;B&gt; &quot;q&quot; &#39;x&#39; 会员")
    }
}

struct CSVFieldTests {
    @Test func quotesOnlyWhenNeeded() {
        #expect(CSVField.escape("plain") == "plain")
        #expect(CSVField.escape("a,b") == "\"a,b\"")
        #expect(CSVField.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVField.escape("line\r\nbreak") == "\"line\r\nbreak\"")
        #expect(CSVField.record(["会员", "1,000"]) == "会员,\"1,000\"\r\n")
    }
}
