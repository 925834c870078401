import RegistrarModel
extension TextTable {
    /// A table from headings and rows, numbers right-aligned wherever a column holds only numbers.
    public init(headers: [String], rows: [[String]]) {
        let numeric = headers.indices.map { index in
            let cells = rows.compactMap { index < $0.count ? $0[index] : nil }.filter { !$0.isEmpty }
            return !cells.isEmpty && cells.allSatisfy(TextTable.isNumber)
        }
        self.init(columns: headers.enumerated().map { numeric[$0.offset] ? .number($0.element) : Column($0.element) })
        for row in rows { append(row) }
    }

    /// Digits with an optional sign, grouping commas, decimals and a trailing percent sign.
    /// Dates and codes are not numbers.
    package static func isNumber(_ cell: String) -> Bool {
        var body = Substring(cell)
        if body.hasPrefix("-") || body.hasPrefix("+") { body = body.dropFirst() }
        if body.hasSuffix("%") { body = body.dropLast() }
        guard let first = body.first, first.isASCII, first.isNumber else { return false }
        return body.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "," || $0 == "." }
    }
}
