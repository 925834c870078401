import RegistrarModel
/// A plain-text table for the terminal, its columns aligned by display width.
///
/// Every table the tool prints goes through it, so a column of 会员 names lines up with a
/// column of ASCII ones and numbers line up on their last digit.
public struct TextTable: Sendable {
    /// Which side of its column a cell hugs.
    public enum Alignment: Sendable {
        case left
        case right
    }

    /// A column's heading and alignment.
    public struct Column: Sendable {
        public let title: String
        public let alignment: Alignment

        public init(_ title: String, alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }

        /// A right-aligned column, for counts and percentages.
        public static func number(_ title: String) -> Column {
            Column(title, alignment: .right)
        }
    }

    public let columns: [Column]
    public private(set) var rows: [[String]] = []

    /// The spaces between columns.
    public var gutter = "  "

    public init(columns: [Column]) {
        precondition(!columns.isEmpty, "a table needs at least one column")
        self.columns = columns
    }

    /// Adds a row; missing cells are blank, extra cells are a programming error.
    public mutating func append(_ cells: [String]) {
        precondition(cells.count <= columns.count, "a row has more cells than the table has columns")
        rows.append(cells + Array(repeating: "", count: columns.count - cells.count))
    }

    /// The table as lines: heading, a rule of dashes, then the rows; no trailing spaces.
    ///
    /// A table wider than `width` columns (`COLUMNS`, else the terminal's width, else 80) has its
    /// text columns narrowed and their cells wrapped onto more lines (numbers never are); when even
    /// that would break words, each row is printed as a block of its own, a heading and one line
    /// per column, under the others.
    public func render(width: Int = TerminalWidth.columns) -> String {
        let natural = columns.indices.map { index in
            rows.reduce(DisplayWidth.of(columns[index].title)) { max($0, DisplayWidth.of($1[index])) }
        }
        guard let widths = fitted(natural, into: width) else { return records(width: width) }
        var lines = wrappedLines(columns.map(\.title), widths: widths)
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: gutter))
        for row in rows { lines += wrappedLines(row, widths: widths) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Column widths within `width`: text columns share what the numbers leave, none narrower than
    /// its longest word (8 columns at least, 24 at most), each at most as wide as its cells; nil
    /// when they cannot all have that.
    package func fitted(_ natural: [Int], into width: Int) -> [Int]? {
        let room = width - DisplayWidth.of(gutter) * (columns.count - 1)
        guard natural.reduce(0, +) > room else { return natural }
        let text = columns.indices.filter { columns[$0].alignment == .left }
        let fixed = columns.indices.filter { columns[$0].alignment == .right }.reduce(0) { $0 + natural[$1] }
        let available = room - fixed
        func longestWord(_ index: Int) -> Int {
            ([columns[index].title] + rows.map { $0[index] }).reduce(0) { widest, cell in
                TextWrap.tokens(Substring(cell)).reduce(widest) { max($0, DisplayWidth.of($1.text)) }
            }
        }
        let minimum = text.map { min(natural[$0], max(longestWord($0), 8), 24) }
        guard minimum.reduce(0, +) <= available else { return nil }
        var widths = natural
        for (position, index) in text.enumerated() { widths[index] = minimum[position] }
        var spare = available - minimum.reduce(0, +)
        // Water-filling: the narrowest column that still has cells to widen gets the next column.
        while spare > 0, let next = text.filter({ widths[$0] < natural[$0] }).min(by: { widths[$0] < widths[$1] }) {
            widths[next] += 1
            spare -= 1
        }
        return widths
    }

    /// Each row as a block: its first cell, then `title  value` for the others, values wrapped.
    private func records(width: Int) -> String {
        let titleWidth = columns.dropFirst().map { DisplayWidth.of($0.title) }.max() ?? 0
        var blocks: [String] = []
        for row in rows {
            let colon = columns[0].title.last.map { DisplayWidth.of($0) == 2 } == true ? "：" : ": "
            var lines = TextWrap.lines(columns[0].title + colon + row[0], width: width)
            for index in columns.indices.dropFirst() where !row[index].isEmpty {
                let title = columns[index].title
                let prefix = "  " + title + String(repeating: " ", count: titleWidth - DisplayWidth.of(title)) + "  "
                lines.append(TextWrap.paragraph(row[index], width: width, prefix: prefix))
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func wrappedLines(_ cells: [String], widths: [Int]) -> [String] {
        let pieces = cells.indices.map { index in
            columns[index].alignment == .left && DisplayWidth.of(cells[index]) > widths[index]
                ? TextWrap.lines(cells[index], width: widths[index]) : [cells[index]]
        }
        let height = pieces.map(\.count).max() ?? 1
        return (0..<height).map { lineIndex in
            line(pieces.map { lineIndex < $0.count ? $0[lineIndex] : "" }, widths: widths)
        }
    }

    private func line(_ cells: [String], widths: [Int]) -> String {
        var text = ""
        for (index, cell) in cells.enumerated() {
            let padding = String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(cell)))
            if index > 0 { text += gutter }
            switch columns[index].alignment {
            case .left: text += cell + padding
            case .right: text += padding + cell
            }
        }
        while text.last == " " { text.removeLast() }
        return text
    }
}
