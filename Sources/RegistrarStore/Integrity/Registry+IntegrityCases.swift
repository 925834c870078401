import GRDB
import RegistrarModel
import RegistrarInput

extension Registry {
    enum CaseSave: Equatable {
        case inserted, updated, unchanged
    }

    /// Inserts or updates a case by its number, recording each changed field in the case's history,
    /// and, for a decided expulsion, ends the member's membership on the decision date.
    static func save(_ db: Database, _ record: IntegrityCase, batchID: Int64?) throws -> CaseSave {
        let now = Timestamp.now()
        let outcome: CaseSave
        // Cached statements throughout: an integrity import saves a case for every row it reads.
        if let existing = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM integrity_case WHERE case_no = ?"),
                                           arguments: [record.caseNo]) {
            let caseID: Int64 = existing["id"]
            var changes: [(String, String?, String?)] = []
            let existingMember: Int64 = existing["member_id"]
            if existingMember != record.memberID {
                changes.append(("member_id", String(existingMember), String(record.memberID)))
            }
            for (column, value) in record.columns where (existing[column] as String?) != value {
                changes.append((column, existing[column], value))
            }
            guard !changes.isEmpty else { return .unchanged }
            let assignments = record.columns.map { "\($0.0) = ?" }.joined(separator: ", ")
            try db.cachedStatement(sql: "UPDATE integrity_case SET member_id = ?, \(assignments), batch_id = ? WHERE id = ?")
                .execute(arguments: StatementArguments([record.memberID.databaseValue] + record.columns.map { $0.1.databaseValue }
                                                         + [batchID.databaseValue, caseID.databaseValue]))
            for (field, old, new) in changes {
                try db.cachedStatement(sql: """
                    INSERT INTO integrity_case_change (case_id, changed_at, batch_id, field, old_value, new_value)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [caseID, now, batchID, field, old, new])
            }
            try appendAudit(db, .integrityChange, subject: record.caseNo,
                            detail: "updated: " + changes.map(\.0).joined(separator: ", ") + (batchID.map { " (batch \($0))" } ?? ""))
            outcome = .updated
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO integrity_case (case_no, member_id, \(record.columns.map(\.0).joined(separator: ", ")), batch_id)
                VALUES (?, ?, \(Array(repeating: "?", count: record.columns.count).joined(separator: ", ")), ?)
                """).execute(arguments: StatementArguments([record.caseNo.databaseValue, record.memberID.databaseValue]
                                                   + record.columns.map { $0.1.databaseValue } + [batchID.databaseValue]))
            try appendAudit(db, .integrityChange, subject: record.caseNo, detail: "recorded" + (batchID.map { " (batch \($0))" } ?? ""))
            outcome = .inserted
        }
        try applyExpulsion(db, record)
        return outcome
    }

    /// RULES.md I1 and the issue: an expulsion decided on D ends the membership open on D, so
    /// growth counts follow (the member does not count from D on).
    static func applyExpulsion(_ db: Database, _ record: IntegrityCase) throws {
        guard let day = record.expulsionDay else { return }
        try db.cachedStatement(sql: """
            UPDATE membership_period SET end_date = ?1, end_reason = 'expelled'
            WHERE member_id = ?2 AND \(Standing.onRollSQL(on: "?1"))
            """).execute(arguments: [day.iso, record.memberID])
    }

    static func fetchCases(_ db: Database, memberID: Int64) throws -> [IntegrityCase] {
        try Row.fetchAll(db, sql: "SELECT * FROM integrity_case WHERE member_id = ? ORDER BY opened_on, case_no",
                         arguments: [memberID]).map(IntegrityCase.init(row:))
    }
}

extension IntegrityCase {
    init(row: Row) throws {
        func day(_ column: String) throws -> Day? {
            try Day.storedIfAny(row[column], table: "integrity_case", column: column)
        }
        self.init(caseNo: row["case_no"], memberID: row["member_id"],
                  openedOn: try Day.stored(row["opened_on"], table: "integrity_case", column: "opened_on"),
                  allegation: Allegation(rawValue: row["allegation"]) ?? .other,
                  status: CaseStatus(rawValue: row["status"]) ?? .open,
                  finding: (row["finding"] as String?).flatMap(Finding.init(rawValue:)), decidedOn: try day("decided_on"),
                  sanction: Sanction(rawValue: row["sanction"]) ?? .none, sanctionStart: try day("sanction_start"),
                  sanctionEnd: try day("sanction_end"), reference: row["reference"], note: row["note"])
    }
}
