import GRDB

/// One record's cells as an importer reads them: each bad cell becomes a rejection that names the
/// column the person sees, so every importer words its reasons the same way.
struct RecordFields {
    let mapping: HeaderMapping
    let record: CSVRecord

    func text(_ field: String) -> String? { mapping.text(field, in: record) }

    func rejection(_ field: String?, _ reason: Text) -> RowRejection {
        RowRejection(column: field.map(mapping.headerName(for:)), reason: reason)
    }

    /// The cell's text, or a rejection saying it is empty.
    func required(_ field: String, _ what: Text) throws -> String {
        guard let value = text(field) else {
            throw rejection(field, Text(en: "\(what.en) is empty", zh: "\(what.zh)为空"))
        }
        return value
    }

    /// A date as `YYYY-MM-DD`, nil for an empty cell. A month alone (`2016年3月`) is accepted only
    /// where the first of the month is a fair reading, such as a join date.
    func date(_ field: String, monthMeansFirstDay: Bool = false) throws -> String? {
        guard let value = text(field) else { return nil }
        switch DateParser.parse(value) {
        case .day(let day)?: return day.iso
        case .month(let year, let month)? where monthMeansFirstDay: return YearMonth(derivedYear: year, month: month).firstDay.iso
        default:
            throw rejection(field, Text(en: "'\(value)' is not a date; " + DateParser.formatsText.en,
                                        zh: "'\(value)' 不是日期；" + DateParser.formatsText.zh))
        }
    }

    /// The member the row names by the first of `fields` that has a value (member number, identity
    /// number); the reason for a member not found never shows an identity number in clear.
    func member(_ db: Database, by fields: [String]) throws -> Int64 {
        guard let field = fields.first(where: { text($0) != nil }), let key = text(field) else {
            throw rejection(fields.first { mapping.has($0) }, Text(
                en: "names no member; fill in the member number or the identity number",
                zh: "未指明会员；请填写会员编号或证件号码"))
        }
        guard let id = try Registry.memberID(db, key: key) else {
            throw rejection(field, Text(
                en: "no member with the key '\(Masking.safeEcho(key))'; import the roster first, or correct it",
                zh: "没有编号为 '\(Masking.safeEcho(key))' 的会员；请先导入会员名册，或更正编号"))
        }
        return id
    }

    /// A value from a vocabulary, nil for an empty cell.
    func term<V>(_ field: String, _ vocabulary: Vocabulary<V>) throws -> V? {
        guard let value = text(field) else { return nil }
        guard let matched = vocabulary.match(value) else {
            throw rejection(field, Text(en: "'\(value)' is not one of \(vocabulary.accepted)",
                                        zh: "'\(value)' 不在可选值中：\(vocabulary.accepted)"))
        }
        return matched
    }

    /// A whole number greater than zero, such as a term number (届次).
    func positiveInt(_ field: String, _ what: Text) throws -> Int {
        let value = try required(field, what)
        let digits = value.hasPrefix("第") && value.hasSuffix("届") ? String(value.dropFirst().dropLast()) : value
        guard let number = Int(digits), number > 0 else {
            throw rejection(field, Text(en: "'\(value)' is not a term number; write a whole number such as 8",
                                        zh: "'\(value)' 不是届次；请填写整数，如 8"))
        }
        return number
    }
}
