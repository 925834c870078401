import GRDB
import RegistrarModel
import RegistrarInput

/// Imports annual registrations (年度注册), one row per member and year, re-imported by (member, year):
/// a row that says what is recorded already is "unchanged"; an empty cell keeps what is recorded.
/// The usual rows go by `RegistrationBulkRows`; this decides the others.
struct RegistrationRowImporter: RecordByRecordImporter {
    let db: Database
    let mapping: HeaderMapping
    let batchID: Int64
    let asOf: Day
    /// The last day a payment may be dated: the as-of day, or today when that is earlier.
    private let latestPayment: (day: Day, isToday: Bool)
    /// The line of this file that named each registration, to reject a repeat with the line of the first.
    private var seenLine: LinesByRowID
    private let bulk: RegistrationBulkRows

    init(_ db: Database, mapping: HeaderMapping, batchID: Int64, asOf: Day) throws {
        self.db = db
        self.mapping = mapping
        self.batchID = batchID
        self.asOf = asOf
        latestPayment = RegistrationLimits.latestPayment(asOf: asOf, today: Day.today())
        seenLine = try LinesByRowID(db, table: "registration")
        bulk = try RegistrationBulkRows(db, mapping: mapping, batchID: batchID, asOf: asOf)
    }

    mutating func importRows(from reader: CSVReader, _ each: (CSVRecord, RowOutcome) throws -> Void) throws {
        try bulk.prepare(fileSize: reader.fileSize)
        try reader.forEachRecord { record in try each(record, try importRow(record)) }
        try bulk.finish()
    }

    mutating func importRow(_ record: CSVRecord) throws -> RowOutcome {
        if let rejection = mapping.fieldCountRejection(record) { return .rejected(rejection) }
        if let outcome = try bulk.importRow(record, seenLine: &seenLine) { return outcome }
        let fields = RecordFields(mapping: mapping, record: record)
        do {
            let yearText = try fields.required("year", Text(en: "the registration year", zh: "注册年度"))
            guard let year = RegistrationValues.year(yearText) else {
                throw fields.rejection("year", Text(en: "'\(yearText)' is not a year; write it as 2018 or 2018年",
                                                    zh: "'\(yearText)' 不是年份；请写成 2018 或 2018年"))
            }
            let member = try facts(fields, year: year)
            if let first = member.firstStart, let firstYear = Int(first.prefix(4)), year < firstYear {
                throw fields.rejection("year", RegistrationValues.beforeJoining(year, first: first))
            }
            if let ended = member.ended, ended.reason != "unregistered", let endYear = Int(ended.on.prefix(4)), year > endYear {
                throw fields.rejection("year", RegistrationLimits.afterEnd(year, endedOn: ended.on, reason: ended.reason))
            }
            let paidOn = try fields.date("paid_on")
            if let paidOn, let paid = Day(iso: paidOn), paid > latestPayment.day {
                throw fields.rejection("paid_on", RegistrationLimits.paidAfter(paid, limit: latestPayment.day,
                                                                               isToday: latestPayment.isToday))
            }
            var amount: Int?
            if let text = fields.text("amount") {
                guard let fen = RegistrationValues.fen(text) else {
                    throw fields.rejection("amount", Text(en: "'\(text)' is not an amount of money; " + RegistrationValues.amountExpected.en,
                                                          zh: "'\(text)' 不是金额；" + RegistrationValues.amountExpected.zh))
                }
                amount = fen
            }
            let receipt = fields.text("receipt")
            // A second row for the same member and year is refused before it can change the first.
            if let existing = member.registration, seenLine[existing] > 0 {
                let first = seenLine[existing]
                throw fields.rejection("year", Text(
                    en: "the same member's registration for \(year) appears again (first on line \(first)); keep one row",
                    zh: "同一会员 \(year) 年度的注册重复出现（首次在第 \(first) 行）；只保留一行"))
            }
            let id: Int64, outcome: RowOutcome
            if member.registration == nil {
                // Not recorded yet (the look-up said so): one INSERT, and a re-join only after a lapse.
                try db.cachedStatement(sql: """
                    INSERT INTO registration (member_id, year, paid_on, amount_fen, receipt, recorded_on, batch_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [member.id, year, paidOn, amount, receipt, asOf.iso, batchID])
                (id, outcome) = (db.lastInsertedRowID, .inserted)
                bulk.touch(member.id)
                if member.lapsed { try Registry.rejoinAfterLapse(db, memberID: member.id, batchID: batchID) }
            } else {
                (id, outcome) = try Registry.recordRegistration(db, memberID: member.id, year: year, paidOn: paidOn,
                                                                amountFen: amount, receipt: receipt, recordedOn: asOf,
                                                                batchID: batchID)
                if case .inserted = outcome {
                    bulk.touch(member.id)
                    if member.lapsed { try Registry.rejoinAfterLapse(db, memberID: member.id, batchID: batchID) }
                }
            }
            seenLine[id] = Int32(clamping: record.line)
            return outcome
        } catch let rejection as RowRejection {
            return .rejected(rejection)
        }
    }

    private static func facts(by key: String) -> String {
        """
            SELECT m.id,
                   (SELECT min(p.start_date) FROM membership_period p WHERE p.member_id = m.id),
                   (SELECT p.end_date FROM membership_period p WHERE p.member_id = m.id ORDER BY p.start_date DESC LIMIT 1),
                   (SELECT p.end_reason FROM membership_period p WHERE p.member_id = m.id ORDER BY p.start_date DESC LIMIT 1),
                   EXISTS (SELECT 1 FROM membership_period p WHERE p.member_id = m.id AND p.end_reason = 'unregistered'),
                   (SELECT r.id FROM registration r WHERE r.member_id = m.id AND r.year = ?2)
            FROM member m WHERE \(key) = ?1
        """
    }
    private static let byNumber = facts(by: "m.member_no")
    private static let byID = facts(by: "m.id")

    /// The member the row names, the start of their first period, the end of their latest one (when
    /// it ended), whether any period of theirs ended by lapse (`unregistered`), and their registration
    /// for `year` if recorded: one statement a row for the usual member-number key, the general
    /// look-up (identity number, ORCID) otherwise.
    private func facts(_ fields: RecordFields, year: Int) throws
        -> (id: Int64, firstStart: String?, ended: (on: String, reason: String)?, lapsed: Bool, registration: Int64?) {
        var found: Row?
        if let number = fields.text("member_no") {
            found = try Row.fetchOne(db.cachedStatement(sql: Self.byNumber), arguments: [number, year])
        }
        if found == nil {
            let memberID = try fields.member(db, by: ["member_no", "id_number"])
            found = try Row.fetchOne(db.cachedStatement(sql: Self.byID), arguments: [memberID, year])
        }
        guard let row = found else {
            throw fields.rejection("member_no", Text(en: "names no member", zh: "未指明会员"))
        }
        let endedOn: String? = row[2], reason: String? = row[3]
        let ended = endedOn.flatMap { on in reason.map { (on, $0) } }
        return (row[0], row[1], ended, row[4], row[5])
    }
}

extension Registry {
    /// Records that `memberID` registered for `year`, or updates the recorded registration with the
    /// values given (nil keeps what is recorded). Returns the row's id and what happened.
    static func recordRegistration(_ db: Database, memberID: Int64, year: Int, paidOn: String?, amountFen: Int?,
                                   receipt: String?, recordedOn: Day, batchID: Int64?) throws -> (Int64, RowOutcome) {
        try db.cachedStatement(sql: """
            INSERT INTO registration (member_id, year, paid_on, amount_fen, receipt, recorded_on, batch_id)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (member_id, year) DO NOTHING
            """).execute(arguments: [memberID, year, paidOn, amountFen, receipt, recordedOn.iso, batchID])
        if db.changesCount > 0 { return (db.lastInsertedRowID, .inserted) }
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, paid_on, amount_fen, receipt FROM registration WHERE member_id = ? AND year = ?
            """), arguments: [memberID, year]) else { return (0, .unchanged) }
        let id: Int64 = row["id"]
        let oldPaidOn: String? = row["paid_on"], oldAmount: Int? = row["amount_fen"], oldReceipt: String? = row["receipt"]
        let newPaidOn = paidOn ?? oldPaidOn, newAmount = amountFen ?? oldAmount, newReceipt = receipt ?? oldReceipt
        guard newPaidOn != oldPaidOn || newAmount != oldAmount || newReceipt != oldReceipt else { return (id, .unchanged) }
        try db.cachedStatement(sql: "UPDATE registration SET paid_on = ?, amount_fen = ?, receipt = ?, batch_id = ? WHERE id = ?")
            .execute(arguments: [newPaidOn, newAmount, newReceipt, batchID, id])
        return (id, .updated)
    }

    /// R1's re-join for `memberID`, from every registration recorded for them (`Rejoin.start`), so
    /// the order rows or files come in cannot change it: a member whose latest period ended
    /// `unregistered` gets a new period; the open period a registrations import gave them that way
    /// has its start set to what their registrations now give (a year recorded later for an earlier
    /// year moves it earlier). A period opened after the withdrawal by a roster (staff re-admitted
    /// the member) is the roster's and is left alone. Callers ask only for a member with a period
    /// that ended `unregistered`, after recording all the registrations of the row.
    static func rejoinAfterLapse(_ db: Database, memberID: Int64, batchID: Int64?) throws {
        let periods = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT p.id, p.start_date, p.end_date, p.end_reason, b.kind
            FROM membership_period p LEFT JOIN import_batch b ON b.id = p.batch_id
            WHERE p.member_id = ? ORDER BY p.start_date
            """), arguments: [memberID])
        guard let last = periods.lastIndex(where: { ($0["end_reason"] as String?) == "unregistered" }),
              let withdrawnOn = (periods[last]["end_date"] as String?).flatMap(Day.init(iso:)) else { return }
        let later = periods[(last + 1)...]
        var rejoined: Row?
        if let next = later.first {
            guard later.count == 1, (next["end_date"] as String?) == nil, (next["kind"] as String?) == "registrations" else { return }
            rejoined = next
        }
        let registrations = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT year, paid_on FROM registration WHERE member_id = ? AND year >= ?
            """), arguments: [memberID, withdrawnOn.year]).map {
            Rejoin.Registration(year: $0["year"], paidOn: ($0["paid_on"] as String?).flatMap(Day.init(iso:)))
        }
        guard let start = Rejoin.start(withdrawnOn: withdrawnOn, registrations: registrations) else { return }
        if let rejoined {
            guard (rejoined["start_date"] as String?) != start.iso else { return }
            try db.cachedStatement(sql: "UPDATE membership_period SET start_date = ? WHERE id = ?")
                .execute(arguments: [start.iso, rejoined["id"] as Int64])
        } else {
            try db.cachedStatement(sql: "INSERT INTO membership_period (member_id, start_date, batch_id) VALUES (?, ?, ?)")
                .execute(arguments: [memberID, start.iso, batchID])
        }
    }
}
