import Testing
@testable import RegistrarKit

struct LanguageTests {
    @Test func textPicksTheRequestedLanguage() {
        let text = Text(en: "members", zh: "会员")
        #expect(text(.en) == "members")
        #expect(text(.zh) == "会员")
    }
}

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
                == chinese + "\n用法：registrar count [--db <db>] [--as-of <as-of>]\n  详见 'registrar count --help'。")
    }

    @Test func englishIsLeftAsTheParserWroteIt() {
        let message = "Error: Unknown option '--bogus'\nHelp:  --x  The x.\n" + Self.usage
        #expect(ParserMessage.localized(message, .en) == message)
        #expect(ParserMessage.localized(message, .zh).contains("\n说明：  --x  The x.\n"))
    }
}
