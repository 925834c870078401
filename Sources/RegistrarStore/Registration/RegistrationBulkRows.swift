import GRDB
import RegistrarModel
import RegistrarInput

/// The registrations import's bulk path: the rows the usual file is made of (a member number, a
/// year of four digits, a date the roster's date reader takes, a plain amount), recorded for the
/// first time or repeating what is recorded, are written (or found unchanged) by prepared statements
/// bound through SQLite's C API, with the member found in a table loaded once when the file is large
/// (else by one prepared look-up). Any other row (another key, another form of a cell, a change to a
/// recorded registration, a repeat within the file, anything to reject) returns nil having written
/// nothing, and `RegistrationRowImporter`'s general path decides it, so both paths give one outcome.
///
/// It also notes whose registrations changed, so that `finish` derives their periods' spans
/// (`RegistrationSpans`) before the import's transaction commits.
final class RegistrationBulkRows {
    private let db: Database
    private let asOf: String
    /// The last day a payment may be dated (a later one is the general path's to refuse).
    private let latestPayment: Day
    private let batchID: Int64
    private let memberNo: Int?, year: Int?, paidOn: Int?, amount: Int?, receipt: Int?
    private let insert: FastStatement
    private let lookUp: FastStatement
    private let recorded: FastStatement
    /// Loaded by `prepare` when the file is large: member number → id, and by id the year of the
    /// member's first period (0: none), whether any period ended `unregistered` (a re-join is then
    /// worked out after each new registration), and the year the latest period ended for any other
    /// reason (0: open or lapsed; a later year is refused by the general path).
    private var ids: [String: Int32]?
    private var firstYear: [Int16] = []
    private var withdrawn: [Bool] = []
    private var endedYear: [Int16] = []
    private var scratch: [UInt8] = []
    private var touched: [Int64] = []
    private var touchedSet = Set<Int64>()
    private var touchedMany = false

    init(_ db: Database, mapping: HeaderMapping, batchID: Int64, asOf: Day) throws {
        self.db = db
        self.asOf = asOf.iso
        latestPayment = RegistrationLimits.latestPayment(asOf: asOf, today: Day.today()).day
        self.batchID = batchID
        memberNo = mapping.column("member_no")
        year = mapping.column("year")
        paidOn = mapping.column("paid_on")
        amount = mapping.column("amount")
        receipt = mapping.column("receipt")
        insert = try FastStatement(db, sql: """
            INSERT INTO registration (member_id, year, paid_on, amount_fen, receipt, recorded_on, batch_id)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (member_id, year) DO NOTHING
            """)
        recorded = try FastStatement(db, sql: "SELECT id, paid_on, amount_fen, receipt FROM registration WHERE member_id = ?1 AND year = ?2")
        lookUp = try FastStatement(db, sql: """
            SELECT m.id,
                   (SELECT min(p.start_date) FROM membership_period p WHERE p.member_id = m.id),
                   EXISTS (SELECT 1 FROM membership_period p WHERE p.member_id = m.id AND p.end_reason = 'unregistered'),
                   (SELECT \(Self.endedYearSQL) FROM membership_period p WHERE p.member_id = m.id ORDER BY p.start_date DESC LIMIT 1)
            FROM member m WHERE m.member_no = ?1
            """)
    }

    /// Of a period `p`: 0 while open, -1 when it ended `unregistered`, else the year it ended.
    private static let endedYearSQL = """
        CASE WHEN p.end_reason IS NULL THEN 0 WHEN p.end_reason = 'unregistered' THEN -1
             ELSE CAST(substr(p.end_date, 1, 4) AS INTEGER) END
        """

    /// Loads the member table when the file holds rows for at least a quarter as many registrations
    /// as there are members (about 24 bytes a row): then one pass beats a look-up a row.
    func prepare(fileSize: Int) throws {
        let members = try Int.fetchOne(db, sql: "SELECT count(*) FROM member") ?? 0
        guard memberNo != nil, fileSize / 24 >= members / 4, members > 0 else { return }
        let capacity = (try Int.fetchOne(db, sql: "SELECT max(id) FROM member") ?? 0) + 1
        var ids = [String: Int32](minimumCapacity: members)
        let numbers = try FastStatement(db, sql: "SELECT id, member_no FROM member WHERE member_no IS NOT NULL")
        numbers.reset()
        while try numbers.step() {
            guard let bytes = numbers.bytes(1) else { continue }
            ids[String(decoding: bytes, as: UTF8.self)] = Int32(clamping: numbers.int64(0))
        }
        numbers.reset()
        firstYear = [Int16](repeating: 0, count: capacity)
        withdrawn = [Bool](repeating: false, count: capacity)
        endedYear = [Int16](repeating: 0, count: capacity)
        var latestStart = [Int32](repeating: 0, count: capacity)
        let periods = try FastStatement(db, sql: "SELECT member_id, start_date, \(Self.endedYearSQL) FROM membership_period p")
        periods.reset()
        while try periods.step() {
            let id = Int(periods.int64(0))
            guard id >= 0, id < capacity, let start = periods.dayNumber(1) else { continue }
            let startYear = Int16(start.value / 10_000)
            if firstYear[id] == 0 || startYear < firstYear[id] { firstYear[id] = startYear }
            let ended = periods.int64(2)
            if ended == -1 { withdrawn[id] = true }
            if start.value > latestStart[id] {
                latestStart[id] = start.value
                endedYear[id] = Int16(clamping: max(ended, 0))
            }
        }
        periods.reset()
        self.ids = ids
    }

    /// Records the row if it is one the bulk path takes; nil leaves it to the general path, untouched.
    func importRow(_ record: CSVRecord, seenLine: inout LinesByRowID) throws -> RowOutcome? {
        guard let memberNo, let year, record.count > max(memberNo, year) else { return nil }
        scratch.removeAll(keepingCapacity: true)
        let number = normalized(record, memberNo)
        guard !number.isEmpty else { return nil }
        let yearRange = normalized(record, year)
        guard let registrationYear = fourDigitYear(yearRange) else { return nil }
        let paid = paidOn.map { normalized(record, $0) } ?? 0..<0
        let amountRange = amount.map { normalized(record, $0) } ?? 0..<0
        let receiptRange = receipt.map { normalized(record, $0) } ?? 0..<0

        guard let member = try facts(number) else { return nil }
        // Before the member's first period: the general path words the rejection.
        if member.firstYear != 0, registrationYear < member.firstYear { return nil }
        // After a membership that ended other than by lapse: refused there too.
        if member.endedYear != 0, registrationYear > member.endedYear { return nil }
        var paidISO: String?
        if !paid.isEmpty {
            let parsed = scratch.withUnsafeBytes { DateParser.parse(UnsafeRawBufferPointer(rebasing: $0[paid])) }
            guard case .day(let day)? = parsed, day <= latestPayment else { return nil }
            paidISO = day.iso
        }
        var fen: Int64?
        if !amountRange.isEmpty {
            guard let value = plainFen(amountRange) else { return nil }
            fen = value
        }

        insert.reset()
        insert.bind(1, member.id)
        insert.bind(2, Int64(registrationYear))
        insert.bind(3, paidISO)
        insert.bind(4, fen)
        scratch.withUnsafeBytes { bytes in
            insert.bind(5, receiptRange.isEmpty ? nil : UnsafeRawBufferPointer(rebasing: bytes[receiptRange]))
        }
        insert.bind(6, asOf)
        insert.bind(7, batchID)
        do {
            try insert.step()
        } catch let failure as StepFailure where failure.isConstraint {
            insert.reset()
            return nil
        }
        insert.reset()
        // Recorded already: a re-import saying what is recorded is unchanged; a second row for it in
        // this file, or a change, is the general path's.
        guard db.changesCount > 0 else {
            let receiptText = receiptRange.isEmpty ? nil
                : scratch.withUnsafeBytes { String(decoding: UnsafeRawBufferPointer(rebasing: $0[receiptRange]), as: UTF8.self) }
            return try unchanged(member.id, registrationYear, paidISO, fen, receiptText, line: record.line, seenLine: &seenLine)
        }
        seenLine[db.lastInsertedRowID] = Int32(clamping: record.line)
        if member.withdrawn { try Registry.rejoinAfterLapse(db, memberID: member.id, batchID: batchID) }
        touch(member.id)
        return .inserted
    }

    /// `.unchanged` when the registration recorded for the member and year holds what the row says
    /// (an empty cell keeps what is recorded) and no earlier row of this file named it; else nil.
    private func unchanged(_ member: Int64, _ year: Int, _ paidOn: String?, _ fen: Int64?, _ receipt: String?,
                           line: Int, seenLine: inout LinesByRowID) throws -> RowOutcome? {
        recorded.reset()
        recorded.bind(1, member)
        recorded.bind(2, Int64(year))
        defer { recorded.reset() }
        guard try recorded.step() else { return nil }
        let id = recorded.int64(0)
        guard seenLine[id] == 0 else { return nil }
        let oldPaidOn = recorded.text(1), oldFen = recorded.isNull(2) ? nil : recorded.int64(2), oldReceipt = recorded.text(3)
        guard (paidOn ?? oldPaidOn) == oldPaidOn, (fen ?? oldFen) == oldFen, (receipt ?? oldReceipt) == oldReceipt else { return nil }
        seenLine[id] = Int32(clamping: line)
        return .unchanged
    }

    /// Notes that `member`'s recorded years changed.
    func touch(_ member: Int64) {
        guard !touchedMany, touchedSet.insert(member).inserted else { return }
        touched.append(member)
        if touched.count > RegistrationSpans.perMemberLimit {
            touchedMany = true
            touched = []
            touchedSet = []
        }
    }

    /// Derives the spans of the periods whose members' registrations changed.
    func finish() throws {
        if touchedMany {
            try RegistrationSpans.refreshAll(db)
        } else {
            try RegistrationSpans.refresh(db, members: touched)
        }
    }

    // MARK: Cells as bytes

    /// The cell normalised as every importer normalises it, appended to `scratch`.
    private func normalized(_ record: CSVRecord, _ column: Int) -> Range<Int> {
        record.withField(column) { FieldNormalizer.normalize($0, into: &scratch) }
    }

    private func fourDigitYear(_ range: Range<Int>) -> Int? {
        guard range.count == 4 else { return nil }
        var value = 0
        for index in range {
            let byte = scratch[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return RegistrationValues.years.contains(value) ? value : nil
    }

    /// Yuan as digits with at most two decimals (`200`, `150.5`, `150.50`), as fen; nil for any
    /// other form, which `RegistrationValues.fen` reads or refuses.
    private func plainFen(_ range: Range<Int>) -> Int64? {
        var yuan: Int64 = 0, integerDigits = 0, decimals: Int64 = 0, decimalDigits = 0, afterPoint = false
        for index in range {
            let byte = scratch[index]
            if byte == UInt8(ascii: "."), !afterPoint { afterPoint = true; continue }
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            if afterPoint {
                decimals = decimals * 10 + Int64(byte - 0x30)
                decimalDigits += 1
            } else {
                yuan = yuan * 10 + Int64(byte - 0x30)
                integerDigits += 1
            }
        }
        guard (1...12).contains(integerDigits), !afterPoint || (1...2).contains(decimalDigits) else { return nil }
        return yuan * 100 + (decimalDigits == 1 ? decimals * 10 : decimals)
    }

    /// The member the number names, with the year of their first period, whether they ever lapsed
    /// and the year their latest period ended other than by lapse (0: none); nil when no member has
    /// that number (the general path tries the other keys).
    private func facts(_ number: Range<Int>) throws -> (id: Int64, firstYear: Int, withdrawn: Bool, endedYear: Int)? {
        if let ids {
            let key = scratch.withUnsafeBytes { String(decoding: UnsafeRawBufferPointer(rebasing: $0[number]), as: UTF8.self) }
            guard let id = ids[key] else { return nil }
            let index = Int(id)
            return (Int64(id), Int(firstYear[index]), withdrawn[index], Int(endedYear[index]))
        }
        lookUp.reset()
        scratch.withUnsafeBytes { lookUp.bind(1, UnsafeRawBufferPointer(rebasing: $0[number])) }
        defer { lookUp.reset() }
        guard try lookUp.step() else { return nil }
        let first = lookUp.dayNumber(1).map { Int($0.value / 10_000) } ?? 0
        return (lookUp.int64(0), first, lookUp.int64(2) == 1, Int(max(lookUp.int64(3), 0)))
    }
}
