import GRDB
import RegistrarModel
import RegistrarInput

/// Imports the unit-member roster (单位会员). A few hundred rows at most, so plain GRDB statements;
/// the same period reconciliation as individuals.
struct UnitRowImporter: RecordByRecordImporter {
    let db: Database
    let mapping: HeaderMapping
    let batchID: Int64
    let asOf: String
    private var seen: [Int64: Int] = [:]

    private static let fields = ["unit_no", "name", "uscc", "kind", "province", "staff_count"]

    init(_ db: Database, mapping: HeaderMapping, batchID: Int64, asOf: String) throws {
        self.db = db
        self.mapping = mapping
        self.batchID = batchID
        self.asOf = asOf
    }

    mutating func importRow(_ record: CSVRecord) throws -> RowOutcome {
        if let rejection = mapping.fieldCountRejection(record) { return .rejected(rejection) }
        let fields = RecordFields(mapping: mapping, record: record)
        func text(_ field: String) -> String? { fields.text(field) }
        func reject(_ field: String, _ en: String, _ zh: String) -> RowOutcome {
            .rejected(fields.rejection(field, Text(en: en, zh: zh)))
        }
        var values: [String: DatabaseValue] = [:]
        let unitNo = text("unit_no")
        var uscc = text("uscc")
        guard unitNo != nil || uscc != nil else {
            return .rejected(RowRejection(column: nil, reason: Text(
                en: "has neither a unit number nor a credit code; one of them is needed to know which unit it is",
                zh: "既没有单位会员编号也没有统一社会信用代码；至少需要其一")))
        }
        guard let name = text("name") else { return reject("name", "the unit name is empty", "单位名称为空") }
        if let code = uscc {
            guard let valid = CreditCode.validate(code) else {
                return reject("uscc", "'\(code)' is not a valid unified social credit code (GB 32100: 18 characters, check character); check it for a typo",
                              "'\(code)' 不是有效的统一社会信用代码（GB 32100：18 位含校验位）；请检查是否录入有误")
            }
            uscc = valid
        }
        var membership = RowMembership()
        let status: MembershipStatus?
        do {
            status = try fields.term("status", Vocabularies.status)
            if mapping.has("kind") { values["kind"] = try fields.term("kind", Vocabularies.unitKind).databaseValue }
            membership.join = try fields.date("join_date", monthMeansFirstDay: true)
            membership.end = try fields.date("end_date", monthMeansFirstDay: true)
        } catch let rejection as RowRejection {
            return .rejected(rejection)
        }
        if mapping.has("unit_no") { values["unit_no"] = unitNo.databaseValue }
        values["name"] = name.databaseValue
        if mapping.has("uscc") { values["uscc"] = uscc.databaseValue }
        if mapping.has("province") { values["province"] = text("province").databaseValue }
        if mapping.has("staff_count") {
            if let staff = text("staff_count") {
                guard let count = Int(staff.replacingOccurrences(of: ",", with: "")), count >= 0 else {
                    return reject("staff_count", "'\(staff)' is not a whole number of staff", "'\(staff)' 不是职工人数（整数）")
                }
                values["staff_count"] = count.databaseValue
            } else {
                values["staff_count"] = .null
            }
        }
        if case .ended(let reason)? = status {
            membership.endIsExplicit = membership.end != nil
            membership.end = membership.end ?? asOf
            membership.reason = reason == .deceased ? .resigned : reason
        }
        if membership.end != nil && membership.reason == nil { membership.reason = .lapsed }

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
            RecordedPeriod(id: $0["id"], start: $0["start_date"], end: $0["end_date"],
                           reason: ($0["end_reason"] as String?).flatMap(EndReason.init(rawValue:)), previousEnd: $0["previous_end"])
        }
        switch PeriodReconciliation.reconcile(row: membership, latest: latest, asOf: asOf) {
        case .reject(let reason):
            return .rejected(RowRejection(column: mapping.headerName(for: "join_date"), reason: reason))
        case .changes(let changes):
            for change in changes { try apply(change, unitID: unitID) }
            if case .unchanged = outcome, !changes.isEmpty { outcome = .updated }
        }
        return outcome
    }

    private func apply(_ change: PeriodChange, unitID: Int64) throws {
        switch change {
        case .open(let start):
            try db.execute(sql: "INSERT INTO unit_membership_period (unit_id, start_date, batch_id) VALUES (?, ?, ?)",
                           arguments: [unitID, start, batchID])
        case .insertClosed(let start, let end, let reason):
            try db.execute(sql: """
                INSERT INTO unit_membership_period (unit_id, start_date, end_date, end_reason, batch_id, ended_batch_id)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [unitID, start, end, reason.rawValue, batchID, batchID])
        case .setStart(let id, let start):
            try db.execute(sql: "UPDATE unit_membership_period SET start_date = ? WHERE id = ?", arguments: [start, id])
        case .close(let id, let end, let reason):
            try db.execute(sql: "UPDATE unit_membership_period SET end_date = ?, end_reason = ?, ended_batch_id = ? WHERE id = ?",
                           arguments: [end, reason.rawValue, batchID, id])
        case .reopen(let id):
            try db.execute(sql: "UPDATE unit_membership_period SET end_date = NULL, end_reason = NULL, ended_batch_id = NULL WHERE id = ?",
                           arguments: [id])
        }
    }

    func absentPeriods() throws -> (absent: [Int64], current: Int) {
        let rows = try Row.fetchAll(db, sql: "SELECT id, unit_id FROM unit_membership_period WHERE end_date IS NULL AND start_date <= ?",
                                    arguments: [asOf])
        return (rows.filter { seen[$0["unit_id"] as Int64] == nil }.map { $0["id"] }, rows.count)
    }

    func lapse(_ periods: [Int64]) throws {
        for id in periods {
            try db.execute(sql: "UPDATE unit_membership_period SET end_date = ?, end_reason = 'absent_from_roster', ended_batch_id = ? WHERE id = ?",
                           arguments: [asOf, batchID, id])
        }
    }
}
