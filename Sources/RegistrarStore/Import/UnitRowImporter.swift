import GRDB
import RegistrarModel
import RegistrarInput

/// Imports the unit-member roster (单位会员). A few hundred rows at most, so plain GRDB statements;
/// the same period reconciliation as individuals.
struct UnitRowImporter: RecordByRecordImporter {
    let db: Database
    let mapping: HeaderMapping
    let batchID: Int64
    let asOf: Day
    private let validator: UnitRowValidator
    private var seen: [Int64: Int] = [:]

    init(_ db: Database, mapping: HeaderMapping, batchID: Int64, asOf: Day) throws {
        self.db = db
        self.mapping = mapping
        self.batchID = batchID
        self.asOf = asOf
        validator = UnitRowValidator(mapping: mapping, asOf: asOf)
    }

    mutating func importRow(_ record: CSVRecord) throws -> RowOutcome {
        let row: UnitRow
        switch validator.validate(record) {
        case .failure(let rejection): return .rejected(rejection)
        case .success(let valid): row = valid
        }
        let unitNo = row.unitNo, uscc = row.uscc, membership = row.membership
        var values: [String: DatabaseValue] = [:]
        for (field, value) in row.values {
            switch value {
            case .null: values[field.name] = .null
            case .text(let text): values[field.name] = text.databaseValue
            case .integer(let number): values[field.name] = number.databaseValue
            }
        }

        // Match by unit number, else by credit code.
        var existing: Row?
        if let unitNo { existing = try Row.fetchOne(db, sql: "SELECT * FROM unit_member WHERE unit_no = ?", arguments: [unitNo]) }
        if existing == nil, let uscc { existing = try Row.fetchOne(db, sql: "SELECT * FROM unit_member WHERE uscc = ?", arguments: [uscc]) }
        let columns = values.keys.sorted()
        var outcome: RowOutcome
        let unitID: Int64
        if let existing {
            unitID = existing["id"]
            if let line = seen[unitID] {
                return .rejected(RowRejection(column: nil, reason: Text(
                    en: "the same unit appears again (first on line \(line)); keep one row per unit",
                    zh: "同一单位重复出现（首次在第 \(line) 行）；每个单位只保留一行")))
            }
            let changed = columns.filter { existing[$0] as DatabaseValue != (values[$0] ?? .null) }
            outcome = .unchanged
            if !changed.isEmpty {
                do {
                    try db.execute(sql: "UPDATE unit_member SET \(changed.map { "\($0) = ?" }.joined(separator: ", ")), updated_batch = ? WHERE id = ?",
                                   arguments: StatementArguments(changed.map { (values[$0] ?? .null) } + [batchID.databaseValue, unitID.databaseValue]))
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                    return .rejected(RowRejection(column: nil, reason: Text(
                        en: "the unit number or credit code already belongs to another unit", zh: "该单位会员编号或信用代码已属于另一单位")))
                }
                try Registry.appendAudit(db, .unitUpdate, subject: unitNo ?? uscc, detail: "batch \(batchID): " + changed.joined(separator: ", "))
                outcome = .updated
            }
        } else {
            do {
                try db.execute(sql: "INSERT INTO unit_member (\(columns.joined(separator: ", ")), created_batch, updated_batch) VALUES (\(Array(repeating: "?", count: columns.count + 2).joined(separator: ", ")))",
                               arguments: StatementArguments(columns.map { (values[$0] ?? .null) } + [batchID.databaseValue, batchID.databaseValue]))
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                return .rejected(RowRejection(column: nil, reason: Text(
                    en: "the unit number or credit code already belongs to another unit", zh: "该单位会员编号或信用代码已属于另一单位")))
            }
            unitID = db.lastInsertedRowID
            outcome = .inserted
        }
        seen[unitID] = record.line
        let latest = try Row.fetchOne(db, sql: """
            SELECT id, start_date, end_date, end_reason,
                   (SELECT max(end_date) FROM unit_membership_period q WHERE q.unit_id = p.unit_id AND q.id <> p.id) AS previous_end
            FROM unit_membership_period p WHERE unit_id = ? ORDER BY start_date DESC LIMIT 1
            """, arguments: [unitID]).map {
            RecordedPeriod(id: $0["id"], start: try Day.stored($0["start_date"], table: "unit_membership_period", column: "start_date"),
                           end: try Day.storedIfAny($0["end_date"], table: "unit_membership_period", column: "end_date"),
                           reason: ($0["end_reason"] as String?).flatMap(EndReason.init(rawValue:)),
                           previousEnd: try Day.storedIfAny($0["previous_end"], table: "unit_membership_period", column: "end_date"))
        }
        switch PeriodReconciliation.reconcile(row: membership, latest: latest, asOf: asOf) {
        case .reject(let reason):
            return .rejected(RowRejection(column: mapping.headerName(for: "join_date"), reason: reason))
        case .changes(let changes):
            for change in changes { try apply(change, unitID: unitID) }
            if changes.contains(where: \.movesAStart) {
                try Registry.appendAudit(db, .unitUpdate, subject: unitNo ?? uscc, detail: "batch \(batchID): join_date")
            }
            if case .unchanged = outcome, !changes.isEmpty { outcome = .updated }
        }
        return outcome
    }

    private func apply(_ change: PeriodChange, unitID: Int64) throws {
        switch change {
        case .open(let start):
            try db.execute(sql: "INSERT INTO unit_membership_period (unit_id, start_date, batch_id) VALUES (?, ?, ?)",
                           arguments: [unitID, start.iso, batchID])
        case .insertClosed(let start, let end, let reason):
            try db.execute(sql: """
                INSERT INTO unit_membership_period (unit_id, start_date, end_date, end_reason, batch_id, ended_batch_id)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [unitID, start.iso, end.iso, reason.rawValue, batchID, batchID])
        case .setStart(let id, let start):
            try db.execute(sql: "UPDATE unit_membership_period SET start_date = ? WHERE id = ?", arguments: [start.iso, id])
        case .close(let id, let end, let reason):
            try db.execute(sql: "UPDATE unit_membership_period SET end_date = ?, end_reason = ?, ended_batch_id = ? WHERE id = ?",
                           arguments: [end.iso, reason.rawValue, batchID, id])
        case .reopen(let id):
            try db.execute(sql: "UPDATE unit_membership_period SET end_date = NULL, end_reason = NULL, ended_batch_id = NULL WHERE id = ?",
                           arguments: [id])
        }
    }

    func absentPeriods() throws -> (absent: [Int64], current: Int) {
        let rows = try Row.fetchAll(db, sql: "SELECT id, unit_id FROM unit_membership_period WHERE end_date IS NULL AND start_date <= ?",
                                    arguments: [asOf.iso])
        return (rows.filter { seen[$0["unit_id"] as Int64] == nil }.map { $0["id"] }, rows.count)
    }

    func lapse(_ periods: [Int64]) throws {
        for id in periods {
            try db.execute(sql: "UPDATE unit_membership_period SET end_date = ?, end_reason = 'absent_from_roster', ended_batch_id = ? WHERE id = ?",
                           arguments: [asOf.iso, batchID, id])
        }
    }
}
