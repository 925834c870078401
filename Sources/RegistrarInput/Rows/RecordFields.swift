import RegistrarModel

/// One record's cells as an importer reads them: each bad cell becomes a rejection that names the
/// column the person sees, so every importer words its reasons the same way.
package struct RecordFields {
    package let mapping: HeaderMapping
    package let record: CSVRecord

    package init(mapping: HeaderMapping, record: CSVRecord) {
        self.mapping = mapping
        self.record = record
    }

    package func text(_ field: String) -> String? { mapping.text(field, in: record) }

    package func rejection(_ field: String?, _ reason: Text) -> RowRejection {
        RowRejection(column: field.map(mapping.headerName(for:)), reason: reason)
    }

    /// The cell's text, or a rejection saying it is empty.
    package func required(_ field: String, _ what: Text) throws(RowRejection) -> String {
        guard let value = text(field) else {
            throw rejection(field, Text(en: "\(what.en) is empty", zh: "\(what.zh)为空"))
        }
        return value
    }

    /// A day, nil for an empty cell. A month alone (`2016年3月`) is accepted only where the first of
    /// the month is a fair reading, such as a join date.
    package func day(_ field: String, monthMeansFirstDay: Bool = false) throws(RowRejection) -> Day? {
        guard let value = text(field) else { return nil }
        switch DateParser.parse(value) {
        case .day(let day)?: return day
        case .month(let year, let month)? where monthMeansFirstDay: return YearMonth(derivedYear: year, month: month).firstDay
        default:
            throw rejection(field, Text(en: "'\(value)' is not a date; " + DateParser.formatsText.en,
                                        zh: "'\(value)' 不是日期；" + DateParser.formatsText.zh))
        }
    }

    /// A date as `YYYY-MM-DD`, the form the registry stores, nil for an empty cell.
    package func date(_ field: String, monthMeansFirstDay: Bool = false) throws(RowRejection) -> String? {
        try day(field, monthMeansFirstDay: monthMeansFirstDay)?.iso
    }

    /// A value from a vocabulary, nil for an empty cell.
    package func term<V>(_ field: String, _ vocabulary: Vocabulary<V>) throws(RowRejection) -> V? {
        guard let value = text(field) else { return nil }
        guard let matched = vocabulary.match(value) else {
            throw rejection(field, Text(en: "'\(value)' is not one of \(vocabulary.accepted)",
                                        zh: "'\(value)' 不在可选值中：\(vocabulary.accepted)"))
        }
        return matched
    }

    /// A whole number greater than zero, such as a term number (届次).
    package func positiveInt(_ field: String, _ what: Text) throws(RowRejection) -> Int {
        let value = try required(field, what)
        let digits = value.hasPrefix("第") && value.hasSuffix("届") ? String(value.dropFirst().dropLast()) : value
        guard let number = Int(digits), number > 0 else {
            throw rejection(field, Text(en: "'\(value)' is not a term number; write a whole number such as 8",
                                        zh: "'\(value)' 不是届次；请填写整数，如 8"))
        }
        return number
    }
}
