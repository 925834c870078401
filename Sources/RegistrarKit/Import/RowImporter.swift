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
    /// Validates and merges every record the reader has left (the header line is read already) inside
    /// the import's transaction, telling `each`, in file order, what happened to each.
    mutating func importRows(from reader: CSVReader, _ each: (CSVRecord, RowOutcome) throws -> Void) throws
    /// The same, saying through `phase` what it does once the rows are in and before it returns
    /// (building an index it set aside), so a progress line does not stand still.
    mutating func importRows(from reader: CSVReader, phase: (ImportProgress.Phase) -> Void,
                             _ each: (CSVRecord, RowOutcome) throws -> Void) throws
    /// For a snapshot: the open periods the file did not mention, and how many are open.
    func absentPeriods() throws -> (absent: [Int64], current: Int)
    func lapse(_ periods: [Int64]) throws
}

extension RowImporter {
    mutating func importRows(from reader: CSVReader, phase: (ImportProgress.Phase) -> Void,
                             _ each: (CSVRecord, RowOutcome) throws -> Void) throws {
        try importRows(from: reader, each)
    }

    func absentPeriods() throws -> (absent: [Int64], current: Int) { ([], 0) }
    func lapse(_ periods: [Int64]) throws {}
}

/// An importer that validates and merges one record at a time, on the importing thread.
protocol RecordByRecordImporter: RowImporter {
    mutating func importRow(_ record: CSVRecord) throws -> RowOutcome
}

extension RecordByRecordImporter {
    mutating func importRows(from reader: CSVReader, _ each: (CSVRecord, RowOutcome) throws -> Void) throws {
        try reader.forEachRecord { record in try each(record, try importRow(record)) }
    }
}

/// An individual-roster importer: the validator, then the fast merge.
///
/// The roster is the one file a society imports every month, a million rows for the largest, so its
/// validation runs on a reading thread of its own (`ReadAhead`) while this one merges.
struct MemberRowImporter: RowImporter {
    let validator: MemberRowValidator
    let merge: MemberMerge
    /// The roster's registration column (`registration_years`), recorded once the rows are in.
    let registrations: RosterRegistrations

    /// A validated row, or why it cannot be imported.
    enum Checked {
        case valid(MemberValues, registeredYears: [Int])
        case rejected(RowRejection)
    }

    init(_ db: Database, mapping: HeaderMapping, batchID: Int64, asOf: String) throws {
        validator = MemberRowValidator(mapping: mapping, units: try UnitDirectory(db), asOf: asOf)
        merge = try MemberMerge(db: db, batchID: batchID, asOf: asOf, columns: validator.columns)
        registrations = RosterRegistrations(db, mapping: mapping, batchID: batchID, asOf: Day(iso: asOf))
    }

    func importRows(from reader: CSVReader, _ each: (CSVRecord, RowOutcome) throws -> Void) throws {
        try importRows(from: reader, phase: { _ in }, each)
    }

    func importRows(from reader: CSVReader, phase: (ImportProgress.Phase) -> Void,
                    _ each: (CSVRecord, RowOutcome) throws -> Void) throws {
        var validator = validator // the reading thread's own, with its own scratch space
        var values = MemberValues()
        let registrations = registrations
        defer { merge.finishRows() } // also when a row or the file fails: the rollback finds no open cursor
        try merge.beginRows(fileSize: reader.fileSize)
        try ReadAhead.run(reader: reader, check: { record -> Checked in
            if let rejection = validator.validate(record, into: &values) { return .rejected(rejection) }
            switch registrations.years(in: record) {
            case .failure(let rejection): return .rejected(rejection.keeping(values))
            case .success(let years): return .valid(values.detached(), registeredYears: years)
            }
        }, body: { record, checked in
            try each(record, try importChecked(checked))
        })
        if merge.startedEmpty { phase(.buildingIndex) }
        try merge.completeRows()
        try registrations.record()
    }

    func importChecked(_ checked: Checked) throws -> RowOutcome {
        let values: MemberValues
        let registeredYears: [Int]
        switch checked {
        case .rejected(let rejection):
            try merge.markPresent(memberNo: rejection.memberNo, idNumber: rejection.idNumber, idType: rejection.idType)
            return .rejected(rejection)
        case .valid(let valid, let years):
            if let rejection = try registrations.rejection(years, of: valid, registryStartedEmpty: merge.startedEmpty) {
                return try importChecked(.rejected(rejection.keeping(valid)))
            }
            values = valid
            registeredYears = years
        }
        let outcome = try merge.merge(values)
        if case .rejected = outcome {} else { registrations.remember(registeredYears, of: values) }
        switch outcome {
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
        switch record.oversize {
        case .field(let index)?:
            return RowRejection(column: index < headers.count ? headers[index] : nil, reason: Text(
                en: "holds a value longer than \(CSVReader.maxFieldBytes / 1024) KiB, which no roster field needs; the row was not read (check for a missing closing quote)",
                zh: "有一个值超过 \(CSVReader.maxFieldBytes / 1024) KiB，任何名册字段都不需要这么长；该行未读取（请检查是否缺少右引号）"))
        case .fields?:
            return RowRejection(column: nil, reason: Text(
                en: "has more than \(CSVReader.maxFields) fields; the row was not read (check the file is a roster)",
                zh: "字段超过 \(CSVReader.maxFields) 个；该行未读取（请确认文件是名册）"))
        case .record?:
            return RowRejection(column: nil, reason: Text(
                en: "is longer than \(CSVReader.maxRecordBytes / 1024 / 1024) MiB; the row was not read (check for a missing closing quote)",
                zh: "超过 \(CSVReader.maxRecordBytes / 1024 / 1024) MiB；该行未读取（请检查是否缺少右引号）"))
        case nil:
            break
        }
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
