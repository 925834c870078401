import GRDB

/// What happened to one row.
enum RowOutcome {
    case inserted
    case updated
    case unchanged
    case rejected(RowRejection)
}

/// The part of an import that knows one kind of file: validating and merging its rows.
protocol RowImporter {
    /// Validates and merges one record inside the import's transaction.
    mutating func importRow(_ record: CSVRecord) throws -> RowOutcome
    /// For a snapshot: the open periods the file did not mention, and how many are open.
    func absentPeriods() throws -> (absent: [Int64], current: Int)
    func lapse(_ periods: [Int64]) throws
}

extension RowImporter {
    func absentPeriods() throws -> (absent: [Int64], current: Int) { ([], 0) }
    func lapse(_ periods: [Int64]) throws {}
}

/// An individual-roster importer: the validator, then the fast merge.
struct MemberRowImporter: RowImporter {
    var validator: MemberRowValidator
    let merge: MemberMerge
    var values = MemberValues()

    init(_ db: Database, mapping: HeaderMapping, batchID: Int64, asOf: String) throws {
        validator = MemberRowValidator(mapping: mapping, units: try UnitDirectory(db), asOf: asOf)
        merge = try MemberMerge(db: db, batchID: batchID, asOf: asOf, columns: validator.columns)
    }

    mutating func importRow(_ record: CSVRecord) throws -> RowOutcome {
        if let rejection = validator.validate(record, into: &values) {
            try merge.markPresent(memberNo: rejection.memberNo, idNumber: rejection.idNumber, idType: rejection.idType)
            return .rejected(rejection)
        }
        switch try merge.merge(values) {
        case .inserted: return .inserted
        case .updated: return .updated
        case .unchanged: return .unchanged
        case .rejected(let column, let reason):
            return .rejected(RowRejection(column: column.map { validator.mapping.headerName(for: $0) }, reason: reason))
        }
    }

    func absentPeriods() throws -> (absent: [Int64], current: Int) { try merge.absentPeriods() }
    func lapse(_ periods: [Int64]) throws { try merge.lapse(periods) }
}

extension HeaderMapping {
    /// The file's own header for a field, so messages use the words the person sees.
    func headerName(for field: String) -> String {
        columns[field].map { headers[$0] } ?? field
    }

    /// A row with more or fewer fields than the header cannot be read column by column.
    func fieldCountRejection(_ record: CSVRecord) -> RowRejection? {
        guard record.count != headers.count else { return nil }
        return RowRejection(column: nil, reason: Text(
            en: "has \(record.count) fields but the header has \(headers.count); check for an unquoted comma or a missing field",
            zh: "有 \(record.count) 个字段，表头有 \(headers.count) 个；请检查是否有未加引号的逗号或缺少字段"))
    }

    /// A field's normalised text, or nil when the file has no such column or the cell is empty.
    func text(_ field: String, in record: CSVRecord) -> String? {
        guard let index = column(field) else { return nil }
        let value = FieldNormalizer.normalize(record.string(index))
        return value.isEmpty ? nil : value
    }
}
