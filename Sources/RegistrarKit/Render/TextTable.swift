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
    public func render() -> String {
        let widths = columns.indices.map { index in
            rows.reduce(DisplayWidth.of(columns[index].title)) { max($0, DisplayWidth.of($1[index])) }
        }
        var lines = [line(columns.map(\.title), widths: widths)]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: gutter))
        lines += rows.map { line($0, widths: widths) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func line(_ cells: [String], widths: [Int]) -> String {
        var text = ""
        for (index, cell) in cells.enumerated() {
            let padding = String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
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
