import GRDB

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

    func remember(_ years: [Int], of values: MemberValues) {
        guard !years.isEmpty else { return }
        pending.append((values.string(.memberNo), values.string(.idNumber), values.string(.idType), years))
    }

    /// Records every remembered year not recorded already (a re-import records nothing twice).
    func record() throws {
        guard let asOf else { return }
        for row in pending {
            var id: Int64?
            if let number = row.memberNo {
                id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM member WHERE member_no = ?"), arguments: [number])
            }
            if id == nil, let idNumber = row.idNumber {
                id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM member WHERE id_number = ? AND id_type IS ?"),
                                        arguments: [idNumber, row.idType])
            }
            guard let id else { continue }
            for year in row.years {
                _ = try Registry.recordRegistration(db, memberID: id, year: year, paidOn: nil, amountFen: nil, receipt: nil,
                                                    recordedOn: asOf, batchID: batchID)
            }
        }
        pending.removeAll()
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
