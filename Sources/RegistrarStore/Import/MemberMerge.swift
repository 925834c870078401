import GRDB
import RegistrarModel
import RegistrarInput

/// Two rows for one member, met when the rows had not all come in member-number order exactly: the
/// import is read again in that order (`RecordOrder.exact`, `Registry.importFile`), so which of the two
/// is kept does not depend on the file's order.
struct MetOutOfMemberNumberOrder: Error {}

/// Merges validated individual-roster rows into the registry, inside the import's transaction.
///
/// One look-up per row finds the member (by member number, else identity number) and which of the
/// file's columns differ, and `PeriodWalk` its latest membership period; the row is then inserted,
/// updated where a column differs, or left alone. All statements are prepared once and driven
/// through SQLite's C API, and the row's text is bound where it lies, never copied.
final class MemberMerge {
    enum Outcome: Equatable {
        case inserted
        case updated
        case unchanged
        case rejected(column: String?, reason: Text)
    }

    private let db: Database
    private let batchID: Int64
    private let asOf: Day
    private let columns: [MemberColumn]
    private let findByNumber: FastStatement
    private let findByIdentity: FastStatement
    private let previousEnd: FastStatement
    private let insertMember: FastStatement
    private let updateMember: FastStatement
    /// An update of only the columns that differ, by the `Found.differs` bits that name them: setting
    /// a column SQLite must rewrite the indexes on it and run the triggers of it (the name index's).
    private var updatesByColumns: [Int64: FastStatement] = [:]
    private let insertPeriod: FastStatement
    private let setStart: FastStatement
    private let closePeriod: FastStatement
    private let reopenPeriod: FastStatement
    private let scan: MemberNumberScan
    private let periodWalk: PeriodWalk

    /// The line on which each member was first seen in this file; 0 when not seen, and minus one when
    /// only a rejected row named it (present for a snapshot, not a duplicate).
    private var seenLine: LinesByRowID
    /// Whether the registry held no members when this import began: then a row can only match a
    /// member an earlier row of this file created, which the unique keys catch on insert, so each row
    /// is inserted straight away and looked up only when a key turns out to be taken (a first import
    /// of a million members makes two million fewer look-ups that could find nothing).
    let startedEmpty: Bool
    /// The identity-number index while a first import has it away (`IdentityIndexDeferral`).
    private var identityDeferral: IdentityIndexDeferral?
    /// The periods' no-overlap trigger while a first import has it away (`OverlapTriggerDeferral`).
    private var overlapDeferral: OverlapTriggerDeferral?
    /// The name search index's insert trigger while a first import has it away (`NameIndexDeferral`).
    private var nameDeferral: NameIndexDeferral?

    /// Whether the rows have come in member-number order exactly, so far.
    private var ordering: Ordering
    /// Whether the rows come in `RecordOrder.exact`'s order (the import read again).
    var readsInExactOrder: Bool { ordering.exact }

    /// The member numbers, identities and ORCID iDs an earlier row of this file took from a member (a
    /// member renumbered, an identity number corrected), with that member. A row is matched to the
    /// registry as it was when the import began: a row giving such a number or identity still names
    /// that member (a second row for it), and one giving such a key to another member is refused as
    /// taken (`vacatedKeyRefusal`), whatever the order of the rows. Without this, which of two rows
    /// updated the member, and which made a new one or took the key, depended on the file's order.
    private var vacated: [VacatedKey: Int64] = [:]
    private let findKeys: FastStatement

    private enum VacatedKey: Hashable {
        case number([UInt8])
        case identity(number: [UInt8], type: [UInt8])
        case orcid([UInt8])
    }

    /// The order rows for one member are decided in, whatever the file's: by member number as stored
    /// (SQLite's BINARY order), rows without one after all the others, equal numbers by line.
    /// `CSVReader.forEachRecord(orderedBy:)` comes near it (the rows before the first that falls in
    /// file order, the rest by their first 12 bytes as written). Which row wins a conflict (two rows
    /// for one member, or for a key only one member may hold) depends on which is merged first, so
    /// once an import has had both a conflict and a row out of that order, whichever came first, the
    /// merge stops (`MetOutOfMemberNumberOrder`) and the import is read again in
    /// `RecordOrder.exact`'s order, which is this one.
    private struct Ordering {
        /// Set for the import read in `RecordOrder.exact`'s order: then nothing is out of order.
        let exact: Bool
        private var last: [UInt8] = []
        private var lastHadNumber = true
        private var lastLine = 0
        private var outOfOrder = false
        private var conflicted = false

        init(exact: Bool) {
            self.exact = exact
            last.reserveCapacity(64)
        }

        /// A row lost a conflict to one merged before it.
        mutating func conflict() throws {
            conflicted = true
            if outOfOrder && !exact { throw MetOutOfMemberNumberOrder() }
        }

        mutating func see(_ values: MemberValues) throws {
            guard !exact, !outOfOrder else { return }
            values.withStorage { storage in
                let number = storage.text(.memberNo).map { UnsafeRawBufferPointer(start: $0.pointer, count: $0.count) }
                outOfOrder = last.withUnsafeBytes { previous in
                    RecordOrder.exactlyPrecedes(number, line: values.line, lastHadNumber ? previous : nil, line: lastLine)
                }
                last.removeAll(keepingCapacity: true)
                if let number { last.appendBytes(number) }
                lastHadNumber = number != nil
                lastLine = values.line
            }
            if outOfOrder && conflicted { throw MetOutOfMemberNumberOrder() }
        }
    }

    /// - Parameter columns: the member columns the file carries; the others are left as they are.
    /// - Parameter exactOrder: the rows come in `RecordOrder.exact`'s order.
    init(db: Database, batchID: Int64, asOf: Day, columns: [MemberColumn], exactOrder: Bool = false) throws {
        ordering = Ordering(exact: exactOrder)
        self.db = db
        self.batchID = batchID
        self.asOf = asOf
        self.columns = columns
        // Bit k says columns[k] differs from the member's value (bound at ?k+3). SQLite compares the
        // values where they lie; selecting the columns instead made it copy every text column of
        // every row into a fresh allocation for Swift to compare. (The member's latest period comes
        // from `PeriodWalk`, the one reader of it, once the row is known not to repeat a member.)
        let differs = columns.isEmpty ? "0" : columns.enumerated()
            .map { "((m.\($1.sqlName) IS NOT ?\($0 + 3)) << \($0))" }.joined(separator: " | ")
        let find = "SELECT m.id, \(differs) FROM member m"
        scan = try MemberNumberScan(db, columns: columns)
        periodWalk = try PeriodWalk(db)
        findByNumber = try FastStatement(db, sql: find + " WHERE m.member_no = ?1")
        findByIdentity = try FastStatement(db, sql: find + " WHERE m.id_number = ?1 AND m.id_type IS ?2")
        findKeys = try FastStatement(db, sql: "SELECT member_no, id_number, id_type, orcid FROM member WHERE id = ?1")
        previousEnd = try FastStatement(db, sql: """
            SELECT max(end_date) FROM membership_period WHERE member_id = ?1 AND id <> ?2
            """)
        let names = columns.map(\.sqlName)
        insertMember = try FastStatement(db, sql: """
            INSERT INTO member (\(names.joined(separator: ", ")), created_batch, updated_batch)
            VALUES (\(names.indices.map { "?\($0 + 1)" }.joined(separator: ", ")), ?\(names.count + 1), ?\(names.count + 1))
            """)
        updateMember = try FastStatement(db, sql: """
            UPDATE member SET \(names.enumerated().map { "\($1) = ?\($0 + 1)" }.joined(separator: ", ")),
                updated_batch = ?\(names.count + 1)
            WHERE id = ?\(names.count + 2)
            """)
        insertPeriod = try FastStatement(db, sql: """
            INSERT INTO membership_period (member_id, start_date, end_date, end_reason, batch_id, ended_batch_id)
            VALUES (?1, ?2, ?3, ?4, ?5, CASE WHEN ?3 IS NULL THEN NULL ELSE ?5 END)
            """)
        setStart = try FastStatement(db, sql: "UPDATE membership_period SET start_date = ?2 WHERE id = ?1")
        closePeriod = try FastStatement(db, sql: """
            UPDATE membership_period SET end_date = ?2, end_reason = ?3, ended_batch_id = ?4 WHERE id = ?1
            """)
        reopenPeriod = try FastStatement(db, sql: """
            UPDATE membership_period SET end_date = NULL, end_reason = NULL, ended_batch_id = NULL WHERE id = ?1
            """)
        seenLine = try LinesByRowID(db, table: "member")
        startedEmpty = try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM member)") ?? true)
    }

    // MARK: Finding

    private struct Found {
        var id: Int64
        /// Bit k set when `columns[k]` in the row differs from the member's.
        var differs: Int64
        /// Found by a key an earlier row of the file took from the member (`vacated`): the column.
        var byVacated: MemberColumn? = nil
    }

    /// Finds the member a row speaks of, in the registry as it was when the import began: by member
    /// number, a number an earlier row took from a member counting as that member's, else by identity
    /// number, likewise.
    private func find(_ values: MemberValues) throws -> Found? {
        try values.withStorage { storage in
            if let found = try numberMatch(storage) { return found }
            if !vacated.isEmpty, let number = MemberMerge.bytes(.memberNo, storage), let id = vacated[.number(number)] {
                return Found(id: id, differs: 0, byVacated: .memberNo)
            }
            if let found = try identityMatch(storage) { return found }
            if !vacated.isEmpty, let key = MemberMerge.identityKey(storage), let id = vacated[key] {
                return Found(id: id, differs: 0, byVacated: .idNumber)
            }
            return nil
        }
    }

    /// The refusal, as the registry would have made it when the import began, of a row that would give
    /// a member (nil: a new one) an identity number or ORCID iD that an earlier row took from another
    /// member; nil when it gives none. (A member number cannot be: `find` matches such a row to the
    /// member it was taken from.)
    private func vacatedKeyRefusal(_ values: MemberValues, memberID: Int64?, differs: Int64) -> String? {
        guard !vacated.isEmpty else { return nil }
        func changes(_ column: MemberColumn) -> Bool { memberID == nil || differs & bit(column) != 0 }
        return values.withStorage { storage in
            func heldByAnother(_ key: VacatedKey) -> Bool { vacated[key].map { $0 != memberID } ?? false }
            if changes(.idNumber) || changes(.idType), let key = MemberMerge.identityKey(storage), heldByAnother(key) {
                return "UNIQUE constraint failed: member.id_number, member.id_type"
            }
            if changes(.orcid), let orcid = MemberMerge.bytes(.orcid, storage), heldByAnother(.orcid(orcid)) {
                return "UNIQUE constraint failed: member.orcid"
            }
            return nil
        }
    }

    /// The bit that stands for `column` in `Found.differs`; 0 when the file does not carry it.
    private func bit(_ column: MemberColumn) -> Int64 {
        columns.firstIndex(of: column).map { 1 << Int64($0) } ?? 0
    }

    private static func identityKey(_ storage: MemberValues.Storage) -> VacatedKey? {
        guard let number = bytes(.idNumber, storage) else { return nil }
        return .identity(number: number, type: bytes(.idType, storage) ?? [])
    }

    /// A copy of the row's value of `column`, for a key that outlives the row; nil when it is empty.
    private static func bytes(_ column: MemberColumn, _ storage: MemberValues.Storage) -> [UInt8]? {
        storage.text(column).map { Array(UnsafeRawBufferPointer(start: $0.pointer, count: $0.count)) }
    }

    /// The member number, identity and ORCID iD an update that `differs` describes takes from the
    /// member, read before it is written (none for most updates, which change none of them).
    private func keysTaken(from memberID: Int64, differs: Int64) throws -> [VacatedKey] {
        func changes(_ column: MemberColumn) -> Bool { differs & bit(column) != 0 }
        let number = changes(.memberNo), identity = changes(.idNumber) || changes(.idType), orcid = changes(.orcid)
        guard number || identity || orcid else { return [] }
        findKeys.reset()
        findKeys.bind(1, memberID)
        defer { findKeys.reset() }
        guard try findKeys.step() else { return [] }
        var keys: [VacatedKey] = []
        if number, let old = findKeys.bytes(0) { keys.append(.number(Array(old))) }
        if identity, let old = findKeys.bytes(1) {
            keys.append(.identity(number: Array(old), type: findKeys.bytes(2).map(Array.init) ?? []))
        }
        if orcid, let old = findKeys.bytes(3) { keys.append(.orcid(Array(old))) }
        return keys
    }

    /// The member that holds the row's member number now.
    private func numberMatch(_ storage: MemberValues.Storage) throws -> Found? {
        guard let (number, count) = storage.text(.memberNo) else { return nil }
        if try scan.move(to: UnsafeRawBufferPointer(start: number, count: count)) {
            let id = scan.statement.int64(0)
            // A member this import has touched may have changed under the cursor.
            if seenLine[id] == 0 { return found(at: scan, storage) }
        }
        return try lookUp(findByNumber, storage, key: { $0.bind(1, .memberNo, borrowing: storage) })
    }

    /// The member that holds the row's identity number now.
    private func identityMatch(_ storage: MemberValues.Storage) throws -> Found? {
        guard storage.text(.idNumber) != nil else { return nil }
        if let deferral = identityDeferral, let identity = IdentityIndexDeferral.fingerprint(of: storage) {
            // No member inserted so far has the identity: nothing to search for without the index.
            guard deferral.mayHold(identity) else { return nil }
            try buildIdentityIndex()
        }
        return try lookUp(findByIdentity, storage) {
            $0.bind(1, .idNumber, borrowing: storage)
            $0.bind(2, .idType, borrowing: storage)
        }
    }

    private func lookUp(_ statement: FastStatement, _ storage: MemberValues.Storage, key: (FastStatement) -> Void) throws -> Found? {
        statement.reset()
        key(statement)
        for (index, column) in columns.enumerated() { statement.bind(Int32(index + 3), column, borrowing: storage) }
        defer { statement.reset() }
        guard try statement.step() else { return nil }
        return Found(id: statement.int64(0), differs: statement.int64(1))
    }

    /// The member under the scan's cursor, its columns compared with the row's here.
    private func found(at scan: MemberNumberScan, _ storage: MemberValues.Storage) -> Found {
        let statement = scan.statement
        var differs: Int64 = 0
        for (index, column) in columns.enumerated()
        where !statement.equals(MemberNumberScan.firstColumn + Int32(index), column, in: storage) {
            differs |= 1 << index
        }
        return Found(id: statement.int64(0), differs: differs)
    }

    /// Before the first row: every import adds its new members' names to the search index once, after
    /// the rows (`NameIndexDeferral`); a first import, into a registry with no members, also builds the
    /// identity index after its rows (`IdentityIndexDeferral`) and checks the periods once instead of
    /// by trigger (`OverlapTriggerDeferral`).
    /// - Parameter fileSize: the roster's size in bytes.
    func beginRows(fileSize: Int) throws {
        nameDeferral = try NameIndexDeferral(db)
        guard startedEmpty else { return }
        identityDeferral = try IdentityIndexDeferral(db, fileSize: fileSize)
        overlapDeferral = try OverlapTriggerDeferral(db)
    }

    /// Called when every row is merged, before the snapshot and the commit.
    func completeRows() throws {
        try buildIdentityIndex()
        if let deferral = overlapDeferral {
            overlapDeferral = nil
            try deferral.restore()
        }
        if let deferral = nameDeferral {
            nameDeferral = nil
            try deferral.restore()
        }
    }

    /// The rows start again from low member numbers (the rest of a file read in member-number order
    /// after its first rows): the walks seek afresh instead of searching for every row behind them.
    func restartWalks() {
        scan.restart()
        periodWalk.restart()
    }

    /// Called when the rows are done, or have failed, so the statements hold no cursor.
    func finishRows() {
        scan.finish()
        periodWalk.finish()
    }

    /// Puts the identity index back, if a first import has it away, before anything needs it.
    private func buildIdentityIndex() throws {
        guard let deferral = identityDeferral else { return }
        identityDeferral = nil
        finishRows() // no cursor open on the table being indexed
        try deferral.build()
    }

    /// Marks the member a rejected row names as present, so a snapshot does not end a membership
    /// because of a typo in another column.
    func markPresent(memberNo: String?, idNumber: String?, idType: String?) throws {
        // Into a registry that began empty, any member a rejected row can name was created by this
        // import and is marked already.
        if startedEmpty { return }
        var values = MemberValues()
        values.reset(line: 0)
        if let memberNo { values.set(.memberNo, memberNo) }
        if let idNumber { values.set(.idNumber, idNumber) }
        if idNumber != nil { values.set(.idType, idType ?? "resident") }
        if let found = try find(values) {
            see(found.id, line: -1)
        }
    }

    private func see(_ id: Int64, line: Int) {
        if seenLine[id] <= 0 { seenLine[id] = Int32(clamping: line) }
    }

    // MARK: Merging

    func merge(_ values: MemberValues) throws -> Outcome {
        try ordering.see(values)
        if startedEmpty, let outcome = try insertIfKeysAreFree(values) {
            return outcome
        }
        guard var found = try find(values) else {
            return try insert(values)
        }
        // A row found by its identity number that gives no member number leaves the member's number
        // as it is: an empty cell does not take a member's number away.
        if values.withStorage({ $0.text(.memberNo) == nil }) {
            found.differs &= ~bit(.memberNo)
        }
        let firstLine = seenLine[found.id]
        if firstLine > 0 {
            // Of two rows for one member, the one kept is the first in member-number order (`Ordering`).
            try ordering.conflict()
            switch found.byVacated {
            case .memberNo?:
                return .rejected(column: "member_no", reason: Text(
                    en: "when the import began, this member number was that of the member the row on line \(firstLine) updates, which comes first in member-number order; check both rows",
                    zh: "导入开始时，该会员编号属于第 \(firstLine) 行所更新的会员（按会员编号顺序该行在前）；请核对这两行"))
            case .some:
                return .rejected(column: "id_number", reason: Text(
                    en: "when the import began, this identity number was that of the member the row on line \(firstLine) updates, which comes first in member-number order; check both rows",
                    zh: "导入开始时，该证件号码属于第 \(firstLine) 行所更新的会员（按会员编号顺序该行在前）；请核对这两行"))
            case nil:
                break
            }
            return .rejected(column: nil, reason: Text(
                en: "the same member as the row on line \(firstLine), which comes first in member-number order; keep one row per member",
                zh: "与第 \(firstLine) 行是同一会员（按会员编号顺序该行在前）；每位会员只保留一行"))
        }
        let changed = found.differs == 0 ? [] : columns.indices.filter { found.differs & (1 << $0) != 0 }.map { columns[$0] }
        var latest = try periodWalk.latest(of: found.id)
        if var period = latest, period.end == nil, let join = values.membership.join, join != period.start {
            previousEnd.reset()
            previousEnd.bind(1, found.id)
            previousEnd.bind(2, period.id)
            if try previousEnd.step() { period.previousEnd = try previousEnd.day(0, table: "membership_period", name: "end_date") }
            latest = period
        }
        let periodChanges: [PeriodChange]
        switch PeriodReconciliation.reconcile(row: values.membership, latest: latest, asOf: asOf) {
        case .reject(let reason):
            see(found.id, line: values.line)
            return .rejected(column: "join_date", reason: reason)
        case .changes(let changes):
            periodChanges = changes
        }
        if !changed.isEmpty {
            // A row refused for a key another member holds still names its member: present for a
            // snapshot, as a row rejected for another column is.
            if let message = vacatedKeyRefusal(values, memberID: found.id, differs: found.differs) {
                see(found.id, line: -1)
                try ordering.conflict()
                return MemberMerge.rejection(message)
            }
            let taken = try keysTaken(from: found.id, differs: found.differs)
            if let failure = try write(try update(changing: found.differs), values, memberID: found.id) {
                see(found.id, line: -1)
                return try refusal(failure)
            }
            for key in taken { vacated[key] = found.id }
        }
        // A moved join date rewrites who was a member when: audited like a changed column.
        let audited = changed.map(\.sqlName) + (periodChanges.contains(where: \.movesAStart) ? ["join_date"] : [])
        if !audited.isEmpty { try recordUpdate(memberID: found.id, values: values, changed: audited) }
        see(found.id, line: values.line)
        try apply(periodChanges, memberID: found.id)
        return changed.isEmpty && periodChanges.isEmpty ? .unchanged : .updated
    }

    /// The update of the columns `differs` names, bound as `updateMember` is (every column at its
    /// place, the batch and the member after them), made once for each set of columns seen; past 64
    /// sets, `updateMember`, which sets them all.
    private func update(changing differs: Int64) throws -> FastStatement {
        if let statement = updatesByColumns[differs] { return statement }
        guard updatesByColumns.count < 64 else { return updateMember }
        let set = columns.indices.filter { differs & (1 << $0) != 0 }.map { "\(columns[$0].sqlName) = ?\($0 + 1)" }
        let statement = try FastStatement(db, sql: """
            UPDATE member SET \(set.joined(separator: ", ")), updated_batch = ?\(columns.count + 1) WHERE id = ?\(columns.count + 2)
            """)
        updatesByColumns[differs] = statement
        return statement
    }

    /// Inserts the row as a new member with its periods.
    private func insert(_ values: MemberValues) throws -> Outcome {
        switch PeriodReconciliation.reconcile(row: values.membership, latest: nil, asOf: asOf) {
        case .reject(let reason):
            return .rejected(column: "join_date", reason: reason)
        case .changes(let changes):
            if let message = vacatedKeyRefusal(values, memberID: nil, differs: 0) {
                try ordering.conflict()
                return MemberMerge.rejection(message)
            }
            return try insertNew(values, changes).map(refusal) ?? .inserted
        }
    }

    /// The rejection of a row the registry refused: a number, identity number or ORCID iD another
    /// member holds. Which of two rows gets a key depends on which comes first, so out of member-number
    /// order the import is read again in it (`MetOutOfMemberNumberOrder`).
    private func refusal(_ failure: StepFailure) throws -> Outcome {
        if failure.isKeyTaken { try ordering.conflict() }
        return MemberMerge.rejection(failure)
    }

    /// `insert` for a registry that began the import empty, or nil, with nothing written, when a
    /// member number, identity number or ORCID iD is already taken or the dates are refused: the
    /// look-up path then decides the row exactly as it would in any registry.
    private func insertIfKeysAreFree(_ values: MemberValues) throws -> Outcome? {
        guard case .changes(let changes) = PeriodReconciliation.reconcile(row: values.membership, latest: nil, asOf: asOf) else {
            return nil
        }
        let identity = identityDeferral == nil ? nil : values.withStorage(IdentityIndexDeferral.fingerprint(of:))
        if let identity, identityDeferral?.mayHold(identity) == true {
            try buildIdentityIndex()
        }
        guard let failure = try insertNew(values, changes, identity: identity) else { return .inserted }
        return failure.isKeyTaken ? nil : MemberMerge.rejection(failure)
    }

    /// Writes a new member and its periods; returns the constraint the member row breaks, writing nothing.
    /// - Parameter identity: the row's fingerprint, when the caller has taken it already.
    private func insertNew(_ values: MemberValues, _ changes: [PeriodChange], identity: UInt64? = nil) throws -> StepFailure? {
        if let failure = try write(insertMember, values, memberID: nil) { return failure }
        let id = db.lastInsertedRowID
        if let deferral = identityDeferral,
           let identity = identity ?? values.withStorage(IdentityIndexDeferral.fingerprint(of:)) {
            deferral.record(identity)
        }
        see(id, line: values.line)
        try apply(changes, memberID: id)
        return nil
    }

    /// Binds the row's columns and steps; returns the constraint the row breaks, if it breaks one.
    private func write(_ statement: FastStatement, _ values: MemberValues, memberID: Int64?) throws -> StepFailure? {
        try values.withStorage { storage in
            statement.reset()
            for (index, column) in columns.enumerated() {
                statement.bind(Int32(index + 1), column, borrowing: storage)
            }
            statement.bind(Int32(columns.count + 1), batchID)
            if let memberID { statement.bind(Int32(columns.count + 2), memberID) }
            defer { statement.reset() }
            do {
                try statement.step()
                return nil
            } catch let failure as StepFailure where failure.isConstraint {
                return failure
            }
        }
    }

    private static func rejection(_ failure: StepFailure) -> Outcome {
        rejection(failure.message)
    }

    private static func rejection(_ message: String) -> Outcome {
        .rejected(column: column(of: message), reason: explain(message))
    }

    private func apply(_ changes: [PeriodChange], memberID: Int64) throws {
        for change in changes {
            switch change {
            case .open(let start):
                try run(insertPeriod) { $0.bind(1, memberID); $0.bind(2, start); $0.bind(3, nil as Day?); $0.bind(4, nil as String?); $0.bind(5, self.batchID) }
            case .insertClosed(let start, let end, let reason):
                try run(insertPeriod) { $0.bind(1, memberID); $0.bind(2, start); $0.bind(3, end); $0.bind(4, reason.rawValue); $0.bind(5, self.batchID) }
            case .setStart(let id, let start):
                try run(setStart) { $0.bind(1, id); $0.bind(2, start) }
            case .close(let id, let end, let reason):
                try run(closePeriod) { $0.bind(1, id); $0.bind(2, end); $0.bind(3, reason.rawValue); $0.bind(4, self.batchID) }
            case .reopen(let id):
                try run(reopenPeriod) { $0.bind(1, id) }
            }
        }
    }

    private func run(_ statement: FastStatement, _ bind: (FastStatement) -> Void) throws {
        statement.reset()
        bind(statement)
        try statement.step()
    }

    /// An updated member gets an audit entry naming the columns that changed, never their values.
    private func recordUpdate(memberID: Int64, values: MemberValues, changed: [String]) throws {
        try Registry.appendAudit(db, .memberUpdate, subject: values.string(.memberNo) ?? "member #\(memberID)",
                                 detail: "batch \(batchID): " + changed.joined(separator: ", "))
    }

    // MARK: Snapshot

    /// Open periods, started on or before the as-of date, of members the file did not mention.
    func absentPeriods() throws -> (absent: [Int64], current: Int) {
        var absent: [Int64] = []
        var current = 0
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, member_id FROM membership_period WHERE end_date IS NULL AND start_date <= ?
            """, arguments: [asOf.iso])
        while let row = try rows.next() {
            current += 1
            let memberID: Int64 = row[1]
            if seenLine[memberID] == 0 { absent.append(row[0]) }
        }
        return (absent, current)
    }

    /// Ends each period on the as-of day, with the no-overlap update trigger away meanwhile: ending an
    /// open period on a day on or after its start (`absentPeriods` finds no other) only shortens it, so
    /// it cannot overlap a period it did not overlap already, and the trigger would find nothing. With
    /// it, each close ran under a statement journal of its own, written to a temporary file: the most
    /// written of a million-row snapshot's files after the WAL.
    func lapse(_ periods: [Int64]) throws {
        guard !periods.isEmpty else { return }
        let trigger = try DroppedSchemaObject(db, .trigger, named: OverlapTriggerDeferral.updateTriggerName)
        for id in periods {
            try run(closePeriod) { $0.bind(1, id); $0.bind(2, self.asOf); $0.bind(3, EndReason.absentFromRoster.rawValue); $0.bind(4, self.batchID) }
        }
        try trigger?.create(db)
    }

    // MARK: Explaining SQLite's refusals

    static func column(of message: String) -> String? {
        for column in ["member_no", "orcid", "id_number"] where message.contains("member.\(column)") {
            return column
        }
        return nil
    }

    static func explain(_ message: String) -> Text {
        if message.contains("member.member_no") {
            return Text(en: "this member number already belongs to another member; correct it or the identity number",
                        zh: "该会员编号已属于另一位会员；请更正会员编号或证件号码")
        }
        if message.contains("member.orcid") {
            return Text(en: "this ORCID iD is already recorded for another member; one ORCID identifies one person",
                        zh: "该 ORCID 已登记在另一位会员名下；一个 ORCID 只对应一人")
        }
        if message.contains("member.id_number") {
            return Text(en: "this identity number already belongs to another member; check both rows",
                        zh: "该证件号码已属于另一位会员；请核对两行数据")
        }
        return Text(en: "the registry refused the row (\(message))", zh: "会员库拒绝了该行（\(message)）")
    }
}
