import Testing
@testable import RegistrarModel
@testable import RegistrarRender
@testable import registrar

/// The command-line parser's own messages, as swift-argument-parser 1.8.2 words them.
struct ParserMessageTests {
    static let usage = "Usage: registrar count [--db <db>] [--as-of <as-of>]\n  See 'registrar count --help' for more information."

    @Test(arguments: [
        ("Error: Missing expected argument '<file>'", "错误：缺少参数 '<file>'"),
        ("Error: Unknown option '--bogus'", "错误：没有这个选项 '--bogus'"),
        ("Error: Unexpected argument 'extra'", "错误：多余的参数 'extra'"),
        ("Error: Missing value for '--as-of <as-of>'", "错误：'--as-of <as-of>' 缺少值"),
        ("Error: The value '2019-13-01' is invalid for '--as-of <as-of>'", "错误：值 '2019-13-01' 不适用于 '--as-of <as-of>'"),
        ("Error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'table', 'csv' or 'json'.",
         "错误：值 'xml' 不适用于 '--format <format>'；可选值：'table'、'csv'、'json'"),
        ("Error: Something new", "错误：Something new"),
    ])
    func theProblemLineIsInChinese(_ english: String, _ chinese: String) {
        #expect(ParserMessage.localized(english + "\n" + Self.usage, .zh)
                == chinese + "\n用法：registrar count [--db <db>] [--as-of <as-of>]\n  详见 'registrar count --help --lang zh'。")
    }

    @Test func englishIsLeftAsTheParserWroteIt() {
        let message = "Error: Unknown option '--bogus'\nHelp:  --x  The x.\n" + Self.usage
        #expect(ParserMessage.localized(message, .en) == message)
        #expect(ParserMessage.localized(message, .zh).contains("\n说明：  --x  The x.\n"))
    }
}

/// A `--help` page under `--lang zh`: the parser's words in Chinese, wrapped by terminal columns.
struct HelpPageTests {
    /// As swift-argument-parser 1.8.2 lays a page out when asked for no wrapping.
    static let page = """
        OVERVIEW: 导入个人会员名册。

        USAGE: registrar import members [--db <db>] [--format <format>] [--lang <lang>] <file> [--as-of <as-of>] [--snapshot]

        ARGUMENTS:
          <file>                  CSV 文件（UTF-8 或 GB18030，中文或英文表头）。

        OPTIONS:
          --db <db>               会员库文件（默认：$REGISTRAR_DB，否则 ./registrar.sqlite）。
          --format <format>       输出格式：table、csv 或 json（报告另有 html）。 (values: table, csv, json; default: table)
          --max-lapse <max-lapse> 快照将终止的现有会员超过此百分比时拒绝导入。 (default: 10)
          --a-label-too-long-for-its-column <value>
                                  按会员编号、证件号码、ORCID 或姓名片段查询会员档案，并记入审计日志，一行写不下。
          -h, --help              Show help information.

          See 'registrar help <subcommand>' for detailed help.
        """

    @Test func theParsersWordsAreInChinese() {
        let chinese = HelpPage.localized(Self.page, .zh, width: 200)
        #expect(chinese.hasPrefix("概述：导入个人会员名册。\n\n用法：registrar import members [--db <db>]"))
        for title in ["参数：", "选项："] { #expect(chinese.contains("\n\(title)\n")) }
        #expect(chinese.contains("输出格式：table、csv 或 json（报告另有 html）。（可选值：table、csv、json；默认：table）\n"))
        #expect(chinese.contains("拒绝导入。（默认：10）\n"))
        #expect(chinese.contains("  -h, --help              显示帮助信息。\n"))
        #expect(chinese.hasSuffix("  详见 'registrar help <子命令> --lang zh'。"))
        for english in ["OVERVIEW", "USAGE", "OPTIONS", "ARGUMENTS", "values:", "default:", "Show help", "See '"] {
            #expect(!chinese.contains(english), "\(english)")
        }
        #expect(HelpPage.localized(Self.page, .en, width: 80) == Self.page)
    }

    @Test(arguments: [80, 60, 50])
    func linesFitTheTerminalAndBreakWhereChineseMay(width: Int) {
        let wrapped = HelpPage.localized(Self.page, .zh, width: width)
        let lines = wrapped.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines {
            #expect(DisplayWidth.of(line) <= width, "\(line)")
            // No line begins with a closing mark, nor ends with an opening one.
            let text = line.drop { $0 == " " }
            #expect(!"，。、；：）".contains(text.first ?? "x"), "\(line)")
            #expect(!"（".contains(text.last ?? "x"), "\(line)")
        }
        // Words of other scripts are never split, and descriptions keep their column.
        #expect(wrapped.contains("./registrar.sqlite"))
        #expect(wrapped.contains("$REGISTRAR_DB"))
        let start = lines.firstIndex { $0.hasPrefix("  --db <db>  ") }!
        let continuation = lines[(start + 1)...].prefix { $0.hasPrefix(String(repeating: " ", count: 26)) }
        #expect(!continuation.isEmpty && continuation.allSatisfy { $0.dropFirst(26).first != " " })
        let description = [lines[start].dropFirst(26)] + continuation
        // Nothing is lost: the pieces, put back together, are the translated line.
        let joined = description.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(joined.replacingOccurrences(of: " ", with: "") == "会员库文件（默认：$REGISTRAR_DB，否则./registrar.sqlite）。")
    }

    /// A line that fits is left as it is.
    @Test func aLineThatFitsIsLeftAlone() {
        let line = "  --as-of <as-of>         统计日期，YYYY-MM-DD（默认：今天）。"
        #expect(HelpPage.localized(line, .zh, width: 80) == line)
    }
}
