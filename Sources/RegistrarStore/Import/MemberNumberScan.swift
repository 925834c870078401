import Foundation
import GRDB
import RegistrarModel
import RegistrarInput

/// The members in member-number order, walked alongside a roster sorted the same way, which is how
/// member systems export it: the next row's member is then usually the cursor's next row, one step
/// away, where a look-up searches the member-number index, the member table and the periods afresh.
/// A re-import of a million sorted rows spent most of its merging thread in those searches.
///
/// The cursor is a plain SELECT on the import's own connection, left open while the import writes.
/// SQLite keeps it valid across those writes (it re-finds its place by key) but does not promise
/// whether it shows the rows they changed. So `MemberMerge` trusts it only for a member this import
/// has not touched yet, and searches as before for anything else: a row out of order, a new member,
/// a member seen earlier in the file.
final class MemberNumberScan {
    /// Column 0 the member's id, 1 its number, then the file's columns from `firstColumn` on (its
    /// periods come from `PeriodWalk`).
    let statement: FastStatement
    static let firstColumn: Int32 = 2
    /// On a row (false before the first seek and after the last member).
    private var positioned = false
    /// Stepped past the last member: numbers beyond it are new, with nothing to seek.
    private var exhausted = false
    /// How many steps forward to try before searching afresh: 8 while stepping finds the rows, halved
    /// (to at least 1) each time it does not, so a file in another order (by name, or by numbers
    /// that sort differently as text: 2 after 10) wastes about one step a row, not eight.
    private var stepAllowance = MemberNumberScan.mostSteps
    private static let mostSteps = 8

    init(_ db: Database, columns: [MemberColumn]) throws {
        let selected = columns.map { ", m." + $0.sqlName }.joined()
        statement = try FastStatement(db, sql: """
            SELECT m.id, m.member_no\(selected) FROM member m
            WHERE m.member_no >= ?1 ORDER BY m.member_no
            """)
    }

    /// Puts the cursor on the member numbered `key` when it is there to be found cheaply; true when
    /// it is. False means only that the scan cannot say, and the caller searches.
    func move(to key: UnsafeRawBufferPointer) throws -> Bool {
        if positioned {
            var steps = 0
            while positioned, compareCurrent(with: key) < 0, steps < max(1, stepAllowance) {
                positioned = try statement.step()
                steps += 1
            }
            if positioned {
                let order = compareCurrent(with: key)
                if order >= 0 {
                    if order == 0 { stepAllowance = MemberNumberScan.mostSteps }
                    return order == 0
                }
            } else {
                exhausted = true
                return false
            }
        } else if exhausted {
            return false
        }
        stepAllowance /= 2
        try seek(key)
        return positioned && compareCurrent(with: key) == 0
    }

    /// Leaves the cursor, so the statement holds nothing once the rows are done.
    func finish() {
        statement.reset()
        positioned = false
    }

    /// Forgets where the cursor was, so the next row seeks, whatever its number.
    func restart() {
        finish()
        exhausted = false
        stepAllowance = MemberNumberScan.mostSteps
    }

    private func seek(_ key: UnsafeRawBufferPointer) throws {
        statement.reset()
        statement.bind(1, key) // copied: the statement outlives this row
        positioned = try statement.step()
        exhausted = !positioned
    }

    /// The cursor's member number against `key` in SQLite's BINARY order: bytes, then length.
    private func compareCurrent(with key: UnsafeRawBufferPointer) -> Int {
        guard let current = statement.bytes(1) else { return -1 }
        let common = min(current.count, key.count)
        if common > 0, let a = current.baseAddress, let b = key.baseAddress {
            let order = memcmp(a, b, common)
            if order != 0 { return Int(order) }
        }
        return current.count - key.count
    }
}

/// The membership periods in member order, walked beside `MemberNumberScan` for the latest period of
/// each member it finds: one step along the periods' index where a search from its root was made
/// for every row. It works while the members come in increasing id, as they do in a registry built
/// from rosters sorted by member number; for any other member it searches as before.
///
/// Like the member walk, it is trusted only for members this import has not touched, whose periods
/// are as they were when the import began.
final class PeriodWalk {
    private let statement: FastStatement
    private let search: FastStatement
    private var positioned = false
    private var exhausted = false
    /// The last member whose periods the walk read; members are served in increasing id only.
    private var lastMember: Int64 = 0
    /// Periods to step over before searching afresh: a file that skips many members is followed by
    /// a seek, not step by step.
    private static let stepsBeforeSeek = 16

    init(_ db: Database) throws {
        statement = try FastStatement(db, sql: """
            SELECT member_id, id, start_date, end_date, end_reason FROM membership_period
            WHERE member_id >= ?1 ORDER BY member_id, start_date
            """)
        search = try FastStatement(db, sql: """
            SELECT member_id, id, start_date, end_date, end_reason FROM membership_period
            WHERE member_id = ?1 ORDER BY start_date DESC LIMIT 1
            """)
    }

    /// The latest period of `member` (by start date), or nil when it has none.
    func latest(of member: Int64) throws -> RecordedPeriod? {
        guard member > lastMember else {
            search.reset()
            search.bind(1, member)
            defer { search.reset() }
            return try search.step() ? try RecordedPeriod(columnsOf: search) : nil
        }
        lastMember = member
        if exhausted { return nil }
        var steps = 0
        while positioned, statement.int64(0) < member {
            if steps == PeriodWalk.stepsBeforeSeek { positioned = false; break }
            positioned = try statement.step()
            steps += 1
        }
        if !positioned {
            statement.reset()
            statement.bind(1, member)
            positioned = try statement.step()
            exhausted = !positioned
        }
        var latest: RecordedPeriod?
        while positioned, statement.int64(0) == member {
            latest = try RecordedPeriod(columnsOf: statement)
            positioned = try statement.step()
        }
        exhausted = !positioned
        return latest
    }

    func finish() {
        statement.reset()
        positioned = false
    }

    /// Forgets the members served, so the next may have any id.
    func restart() {
        finish()
        exhausted = false
        lastMember = 0
    }
}
