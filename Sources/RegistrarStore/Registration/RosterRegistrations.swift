import GRDB
import RegistrarModel
import RegistrarInput

/// A roster's registration column (年度注册): each valid row's years, recorded once the roster's rows
/// are merged (the members then exist and every index is in place), with the roster's batch.
///
/// `years(in:)` runs on the reading thread and reads only what `init` set; `remember` and `record`
/// run on the importing thread.
final class RosterRegistrations {
    private let db: Database
    private let column: Int?
    private let header: String
    private let batchID: Int64
    private let asOf: Day?
    /// Member number or identity number and type, and the years, of each row that names years.
    private var pending: [(memberNo: String?, idNumber: String?, idType: String?, years: [Int])] = []

    init(_ db: Database, mapping: HeaderMapping, batchID: Int64, asOf: Day?) {
        self.db = db
        column = mapping.column("registration_years")
        header = mapping.headerName(for: "registration_years")
        self.batchID = batchID
        self.asOf = asOf
    }

    /// The years the row's registration cell records, or why the cell cannot be read.
    func years(in record: CSVRecord) -> Result<[Int], RowRejection> {
        guard let column, let asOf else { return .success([]) }
        let text = FieldNormalizer.normalize(record.string(column))
        guard let years = RegistrationValues.rosterYears(text, asOf: asOf) else {
            return .failure(RowRejection(column: header, reason: Text(
                en: "'\(text)' is not a registration; " + RegistrationValues.yearsExpected.en,
                zh: "'\(text)' 不是有效的注册信息；" + RegistrationValues.yearsExpected.zh)))
        }
        return .success(years)
    }

    /// Why the row's registration cell cannot be recorded once the row is merged: a year before the
    /// year of the member's first period (R1: joining registers the year joined; a year before it is
    /// a mistake). Asked on the importing thread before the row is merged, so a refused row changes
    /// nothing. The first period is the earliest recorded, or the one this row opens for a member
    /// the registry does not have; a row correcting the start of a member's only period, still open,
    /// moves it to the row's join date (`PeriodReconciliation`). `registryStartedEmpty`: every valid
    /// row is then a new member (a repeated one is refused as such), and no look-up is made.
    func rejection(_ years: [Int], of values: MemberValues, registryStartedEmpty: Bool) throws -> RowRejection? {
        guard let earliest = years.min(), let latest = years.max() else { return nil }
        let membership = values.membership
        // A row that ends the membership (resigned, expelled, …) cannot register a later year: as
        // in the registrations file, only a lapse is followed by a re-join (R1).
        if let end = membership.end, let reason = membership.reason, latest > end.year {
            return RowRejection(column: header, reason: RegistrationLimits.afterEnd(latest, endedOn: end.iso, reason: reason.rawValue))
        }
        // The start this row gives a member seen for the first time (none when it says only that they left).
        let ownStart = (membership.join ?? (membership.hasEnded ? nil : asOf))?.iso
        var first = ownStart
        if !registryStartedEmpty, let id = try memberID(memberNo: values.string(.memberNo), idNumber: values.string(.idNumber),
                                                         idType: values.string(.idType)),
           let row = try Row.fetchOne(db.cachedStatement(sql: """
               SELECT count(*), min(start_date), max(end_date IS NULL) FROM membership_period WHERE member_id = ?
               """), arguments: [id]), let periods: Int = row[0], periods > 0 {
            let earliestStart: String? = row[1]
            let onlyPeriodIsOpen = periods == 1 && (row[2] as Int?) == 1
            first = onlyPeriodIsOpen ? (membership.join?.iso ?? earliestStart) : earliestStart
        }
        guard let first, let firstYear = Int(first.prefix(4)), earliest < firstYear else { return nil }
        return RowRejection(column: header, reason: RegistrationValues.beforeJoining(earliest, first: first))
    }

    private func memberID(memberNo: String?, idNumber: String?, idType: String?) throws -> Int64? {
        if let memberNo, let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM member WHERE member_no = ?"),
                                                     arguments: [memberNo]) {
            return id
        }
        guard let idNumber else { return nil }
        return try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM member WHERE id_number = ? AND id_type IS ?"),
                                  arguments: [idNumber, idType])
    }

    func remember(_ years: [Int], of values: MemberValues) {
        guard !years.isEmpty else { return }
        pending.append((values.string(.memberNo), values.string(.idNumber), values.string(.idType), years))
    }

    /// Records every remembered year not recorded already (a re-import records nothing twice), then
    /// derives the registration spans of those members' periods and of the periods the roster added
    /// (`RegistrationSpans`).
    func record() throws {
        var touched: [Int64] = []
        if let asOf {
            for row in pending {
                guard let id = try memberID(memberNo: row.memberNo, idNumber: row.idNumber, idType: row.idType) else { continue }
                var inserted = false
                for year in row.years {
                    let (_, outcome) = try Registry.recordRegistration(db, memberID: id, year: year, paidOn: nil, amountFen: nil,
                                                                       receipt: nil, recordedOn: asOf, batchID: batchID)
                    if case .inserted = outcome { inserted = true }
                }
                // A re-join after a lapse follows from all the cell's years at once, whatever their order.
                if inserted {
                    touched.append(id)
                    try Registry.rejoinAfterLapse(db, memberID: id, batchID: batchID)
                }
            }
        }
        pending.removeAll()
        try RegistrationSpans.refresh(db, members: touched)
    }
}

extension RowRejection {
    /// The rejection with the row's keys, so a snapshot still counts the member as present.
    func keeping(_ values: MemberValues) -> RowRejection {
        var copy = self
        copy.memberNo = values.string(.memberNo)
        copy.idNumber = values.string(.idNumber)
        copy.idType = values.string(.idType)
        return copy
    }
}
