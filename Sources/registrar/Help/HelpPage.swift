import Foundation
import RegistrarModel
import RegistrarRender

/// A `--help` page in Chinese: swift-argument-parser's own words translated, and the lines wrapped
/// by the columns they take on a terminal.
///
/// The parser writes its section titles and its "(default: …)" notes in English, and wraps lines at
/// spaces by counting characters. Chinese has no spaces and each character takes two columns, so
/// the page is asked of the parser unwrapped (a very wide `COLUMNS`) and wrapped here: descriptions
/// keep their column (26, the parser's), and a line breaks between two Chinese characters or at a
/// space, never before a closing mark such as "，" or "）" nor after an opening one.
public enum HelpPage {
    /// The column where the parser starts every option's, argument's and subcommand's description.
    public static let descriptionColumn = 26

    public static func localized(_ page: String, _ language: Language, width: Int) -> String {
        guard language == .zh else { return page }
        return page.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrap(translate(String($0)), width: width) }
            .joined(separator: "\n")
    }

    /// A page of the tool's own (not the parser's) wrapped by terminal columns, in either language.
    public static func wrapped(_ page: String, width: Int) -> String {
        page.split(separator: "\n", omittingEmptySubsequences: false).map { wrap(String($0), width: width) }
            .joined(separator: "\n")
    }

    // MARK: The parser's words

    private static let titles: KeyValuePairs = [
        "OVERVIEW: ": "概述：", "USAGE: ": "用法：", "ARGUMENTS:": "参数：", "OPTIONS:": "选项：",
        "SUBCOMMANDS:": "子命令：",
    ]

    package static func translate(_ line: String) -> String {
        var line = line
        for (title, chinese) in titles where line.hasPrefix(title) {
            line = chinese + line.dropFirst(title.count)
            break
        }
        // A default subcommand, "  list (default)          …": the same columns either way.
        if line.hasPrefix("  "), let mark = line.range(of: " (default)  ") {
            line.replaceSubrange(mark, with: "（默认）    ")
        }
        if line.hasSuffix("Show help information.") {
            line = line.dropLast("Show help information.".count) + "显示帮助信息。"
        }
        if let see = ParserMessage.seeLine(line) { line = see }
        // " (values: a, b; default: x)" and " (default: x)", which the parser appends to a description.
        if let note = line.range(of: #" \((values: [^()]*|default: [^()]*)\)$"#, options: .regularExpression) {
            var words = String(line[note]).dropFirst(2).dropLast()
                .replacingOccurrences(of: "values: ", with: "可选值：")
                .replacingOccurrences(of: "default: ", with: "默认：")
                .replacingOccurrences(of: "; ", with: "；")
            if words.hasPrefix("可选值：") {
                let end = words.range(of: "；")?.lowerBound ?? words.endIndex
                words.replaceSubrange(words.startIndex..<end, with: words[..<end].replacingOccurrences(of: ", ", with: "、"))
            }
            line = line[..<note.lowerBound] + "（" + words + "）"
        }
        return line
    }

    // MARK: Wrapping by columns

    package static func wrap(_ line: String, width: Int) -> String {
        guard DisplayWidth.of(line) > width else { return line }
        let indent: Int
        let head: Substring
        let text: Substring
        let column = descriptionColumn
        let characters = Array(line)
        if characters.count > column, characters[..<column].allSatisfy({ $0 == " " })
            || (line.hasPrefix("  ") && characters[column - 1] == " " && characters[column] != " ") {
            indent = column
            head = line.prefix(column)
            text = line.dropFirst(column)
        } else {
            indent = line.hasPrefix("用法：") ? 6 : 0
            head = ""
            text = Substring(line)
        }
        let room = max(width - indent, 20)
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for token in TextWrap.tokens(text) {
            let tokenWidth = DisplayWidth.of(token.text)
            let gap = current.isEmpty || !token.spaceBefore ? 0 : 1
            if currentWidth + gap + tokenWidth > room, !current.isEmpty {
                lines.append(current)
                current = token.text
                currentWidth = tokenWidth
            } else {
                current += (gap == 1 ? " " : "") + token.text
                currentWidth += gap + tokenWidth
            }
        }
        lines.append(current)
        let padding = String(repeating: " ", count: indent)
        return lines.enumerated().map { ($0.offset == 0 ? String(head) : padding) + $0.element }.joined(separator: "\n")
    }
}
