import Foundation
import RegistrarModel

/// The columns human output is fitted to: `COLUMNS`, else the terminal's width, else 80.
public enum TerminalWidth {
    public static var columns: Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}

/// Text broken into lines of at most a number of terminal columns: at spaces, between two Chinese
/// characters (never before a closing mark such as "，" nor after an opening one), and inside a
/// word only when the word alone is wider than the line.
public enum TextWrap {
    public static func lines(_ text: String, width: Int) -> [String] {
        let width = max(width, 2)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard DisplayWidth.of(paragraph) > width else { lines.append(String(paragraph)); continue }
            var current = ""
            var currentWidth = 0
            for token in tokens(paragraph) {
                for piece in hardBroken(token.text, width: width) {
                    let pieceWidth = DisplayWidth.of(piece)
                    let gap = current.isEmpty || !token.spaceBefore ? 0 : 1
                    if currentWidth + gap + pieceWidth > width, !current.isEmpty {
                        lines.append(current)
                        current = piece
                        currentWidth = pieceWidth
                    } else {
                        current += (gap == 1 ? " " : "") + piece
                        currentWidth += gap + pieceWidth
                    }
                }
            }
            lines.append(current)
        }
        return lines
    }

    /// `text` wrapped to `width` after `prefix` ("  - "), its later lines indented to match.
    public static func paragraph(_ text: String, width: Int, prefix: String = "") -> String {
        let indent = String(repeating: " ", count: DisplayWidth.of(prefix))
        return lines(text, width: width - indent.count).enumerated()
            .map { ($0.offset == 0 ? prefix : indent) + $0.element }.joined(separator: "\n")
    }

    /// A word wider than the line, in pieces that fit.
    package static func hardBroken(_ word: String, width: Int) -> [String] {
        guard DisplayWidth.of(word) > width else { return [word] }
        var pieces: [String] = []
        var current = ""
        var currentWidth = 0
        for character in word {
            let characterWidth = DisplayWidth.of(character)
            if currentWidth + characterWidth > width, !current.isEmpty {
                pieces.append(current)
                current = ""
                currentWidth = 0
            }
            current.append(character)
            currentWidth += characterWidth
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// Pieces a line may break between: words of other scripts whole, Chinese characters one by one,
    /// a closing mark kept with what it closes and an opening mark with what it opens.
    package static func tokens(_ text: Substring) -> [(text: String, spaceBefore: Bool)] {
        var tokens: [(text: String, spaceBefore: Bool)] = []
        var spaceBefore = false
        var openPending = ""
        var word = ""
        func flushWord() {
            guard !word.isEmpty else { return }
            tokens.append((openPending + word, spaceBefore))
            openPending = ""
            word = ""
            spaceBefore = false
        }
        for character in text {
            if character == " " {
                flushWord()
                if !openPending.isEmpty { tokens.append((openPending, spaceBefore)); openPending = "" }
                spaceBefore = true
            } else if closing.contains(character) {
                if !word.isEmpty { word.append(character) }
                else if let last = tokens.indices.last, openPending.isEmpty { tokens[last].text.append(character) }
                else { word.append(character) }
            } else if opening.contains(character) {
                flushWord()
                openPending.append(character)
            } else if DisplayWidth.of(character) == 2 {
                flushWord()
                tokens.append((openPending + String(character), spaceBefore))
                openPending = ""
                spaceBefore = false
            } else {
                if let last = word.last, DisplayWidth.of(last) == 2 { flushWord() }
                word.append(character)
            }
        }
        flushWord()
        if !openPending.isEmpty { tokens.append((openPending, spaceBefore)) }
        return tokens
    }

    /// Chinese closing marks, and ")", which a line must not begin with; other ASCII punctuation is
    /// part of the word it is in ("./registrar.sqlite", "e.g.").
    private static let closing: Set<Character> = ["，", "。", "、", "；", "：", "）", "」", "』", "！", "？", ")"]
    private static let opening: Set<Character> = ["（", "「", "『", "("]
}
