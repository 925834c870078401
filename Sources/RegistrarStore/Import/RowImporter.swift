import GRDB
import RegistrarModel
import RegistrarInput

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
    /// the import's transaction, telling `each` what happened to each, in the order merged: file
    /// order, except for the roster, merged in member-number order (`RejectsWriter` puts the rejected
    /// rows back in line order).
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

    init(_ db: Database, mapping: HeaderMapping, batchID: Int64, asOf: Day, exactOrder: Bool) throws {
        validator = MemberRowValidator(mapping: mapping, units: try UnitDirectory(db), asOf: asOf)
        merge = try MemberMerge(db: db, batchID: batchID, asOf: asOf, columns: validator.columns, exactOrder: exactOrder)
        registrations = RosterRegistrations(db, mapping: mapping, batchID: batchID, asOf: asOf)
    }

    /// The rows are merged in member-number order whatever the file's order, so the merge walks the
    /// registry beside them: as they are while the file is in that order, then the rest of the file
    /// in that order (`CSVReader.forEachRecord(orderedBy:)`).
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
        var inFileOrder = true
        do {
            // The order (8 bytes a row) is let go before the first import builds its index.
            // In `RecordOrder.exact`'s order when read again after `MetOutOfMemberNumberOrder`.
            let order = validator.mapping.column("member_no").map { column -> ReadAhead.Order in
                merge.readsInExactOrder ? .exactly(byField: column) : .nearly(byField: column)
            } ?? .file
            try ReadAhead.run(reader: reader, in: order, check: { record -> Checked in
                if let rejection = validator.validate(record, into: &values) { return .rejected(rejection) }
                switch registrations.years(in: record) {
                case .failure(let rejection): return .rejected(rejection.keeping(values))
                case .success(let years): return .valid(values.detached(), registeredYears: years)
                }
            }, body: { record, checked in
                if inFileOrder, !record.inFileOrder {
                    // The rest of the file starts again from its lowest member number.
                    inFileOrder = false
                    merge.restartWalks()
                }
                try each(record, try importChecked(checked))
            })
        }
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

