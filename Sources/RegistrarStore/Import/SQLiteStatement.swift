import Foundation
import GRDB
import GRDBSQLite
import RegistrarModel
import RegistrarInput

/// The hot path of an import: a GRDB statement driven through SQLite's C API.
///
/// GRDB's `execute(arguments:)` builds a `StatementArguments` array per call, which costs more than
/// the insert itself at a million rows; binding bytes straight into the statement handle does not.
///
/// The statement is its own, not one from GRDB's cache: GRDB empties that cache, finalising what is
/// in it, whenever the schema changes, which a first import does part-way (`IdentityIndexDeferral`).
/// SQLite prepares an owned statement again by itself after such a change.
struct FastStatement {
    let handle: OpaquePointer
    let connection: OpaquePointer
    /// Keeps the statement alive, and finalises it, with the last copy of this value.
    private let owner: Statement

    init(_ db: Database, sql: String) throws {
        owner = try db.makeStatement(sql: sql)
        handle = owner.sqliteStatement
        guard let connection = db.sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the registry's connection is closed")
        }
        self.connection = connection
    }

    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func bind(_ index: Int32, _ bytes: UnsafeRawBufferPointer?) {
        if let bytes, let base = bytes.baseAddress {
            sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), FastStatement.transient)
        } else {
            sqlite3_bind_null(handle, index)
        }
    }

    func bind(_ index: Int32, _ text: String?) {
        guard var text else { sqlite3_bind_null(handle, index); return }
        text.withUTF8 { bind(index, UnsafeRawBufferPointer($0)) }
    }

    /// A day as its `YYYY-MM-DD` text, the form every date column holds; NULL for nil.
    func bind(_ index: Int32, _ day: Day?) {
        guard let day else { sqlite3_bind_null(handle, index); return }
        day.withISOBytes { bind(index, $0) }
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    /// Binds a column of a row without copying its text: valid only while `storage` is lent, so the
    /// caller binds, steps and resets inside `MemberValues.withStorage`. (A copy per field, made and
    /// freed by SQLite, was a malloc and a free for each of a million rows' dozen text columns.)
    func bind(_ index: Int32, _ column: MemberColumn, borrowing storage: MemberValues.Storage) {
        switch storage[column] {
        case .null: sqlite3_bind_null(handle, index)
        case .integer(let value): sqlite3_bind_int64(handle, index, value)
        case .text:
            guard let (pointer, count) = storage.text(column) else { sqlite3_bind_null(handle, index); return }
            sqlite3_bind_text(handle, index, pointer.assumingMemoryBound(to: CChar.self), Int32(count), nil)
        }
    }

    /// Whether a column holds the row's value for `memberColumn`, compared where both lie: NULL with
    /// NULL, an integer with an equal integer, text with the same bytes (SQL's `IS`, as the look-ups use).
    /// (Read through the column's value: one `sqlite3_column_*` call, which checks the index and the
    /// statement's allocation state, instead of three for each of a million rows' dozen columns.)
    func equals(_ column: Int32, _ memberColumn: MemberColumn, in storage: MemberValues.Storage) -> Bool {
        guard let value = sqlite3_column_value(handle, column) else { return false }
        let type = sqlite3_value_type(value)
        switch storage[memberColumn] {
        case .null:
            return type == SQLITE_NULL
        case .integer(let integer):
            return type == SQLITE_INTEGER && sqlite3_value_int64(value) == integer
        case .text:
            guard type == SQLITE_TEXT, let pointer = sqlite3_value_text(value),
                  let (bytes, count) = storage.text(memberColumn) else { return false }
            return Int(sqlite3_value_bytes(value)) == count && memcmp(bytes, pointer, count) == 0
        }
    }

    /// Steps once: true when a row is available, false when done; throws SQLite's refusal.
    @discardableResult
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        let message = String(cString: sqlite3_errmsg(connection))
        sqlite3_reset(handle)
        throw StepFailure(code: code & 0xFF, extendedCode: sqlite3_extended_errcode(connection), message: message)
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func text(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: pointer)
    }

    /// A `YYYY-MM-DD` column as a `Day`, read from its bytes; nil when NULL; `RegistryError.badStoredValue`
    /// for anything else, which registrar never writes.
    func day(_ column: Int32, table: String, name: String) throws -> Day? {
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        let bytes = UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column)))
        guard let day = Day(isoBytes: bytes) else { throw RegistryError.badStoredValue(table: table, column: name) }
        return day
    }

    /// `year * 12 + month - 1` of a `YYYY-MM…` text column, read from its bytes; nil when NULL.
    func monthIndex(_ column: Int32) -> Int? {
        guard let p = sqlite3_column_text(handle, column), sqlite3_column_bytes(handle, column) >= 7 else { return nil }
        func digit(_ i: Int) -> Int { Int(p[i]) - 48 }
        let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
        return year * 12 + digit(5) * 10 + digit(6) - 1
    }

    /// A column's text bytes, valid until the next step or reset; nil when NULL.
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column)))
    }

    /// A column that holds an integer; nil when it holds NULL or anything else, as `= 1` in SQL would not match.
    func integer(_ column: Int32) -> Int64? {
        sqlite3_column_type(handle, column) == SQLITE_INTEGER ? sqlite3_column_int64(handle, column) : nil
    }

    /// A `YYYY-MM-DD` column as a `DayNumber`, read from its bytes; nil when NULL or shorter.
    func dayNumber(_ column: Int32) -> DayNumber? {
        guard let p = sqlite3_column_text(handle, column), sqlite3_column_bytes(handle, column) >= 10 else { return nil }
        func digit(_ i: Int) -> Int32 { Int32(p[i]) - 48 }
        return DayNumber(value: digit(0) * 10_000_000 + digit(1) * 1_000_000 + digit(2) * 100_000 + digit(3) * 10_000
                         + digit(5) * 1000 + digit(6) * 100 + digit(8) * 10 + digit(9))
    }

    func firstByte(_ column: Int32) -> UInt8? {
        guard let p = sqlite3_column_text(handle, column), sqlite3_column_bytes(handle, column) > 0 else { return nil }
        return p[0]
    }

    /// Completed years of age on `day` from a `YYYY-MM-DD` or `YYYY-MM` column (a month-only birth
    /// date has its birthday on the first); nil when NULL or malformed.
    func age(_ column: Int32, on day: Day) -> Int? {
        guard let p = sqlite3_column_text(handle, column) else { return nil }
        let length = Int(sqlite3_column_bytes(handle, column))
        guard length >= 7 else { return nil }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(p[$1]) - 48 } }
        let year = number(0..<4), month = number(5..<7), dayOfMonth = length >= 10 ? number(8..<10) : 1
        return day.completedYears(sinceYear: year, month: month, day: dayOfMonth)
    }
}

struct StepFailure: Error {
    var code: Int32
    var extendedCode: Int32
    var message: String

    var isConstraint: Bool { code == SQLITE_CONSTRAINT }
    /// A UNIQUE key (or primary key) already taken, as opposed to a CHECK or NOT NULL refusal.
    /// (SQLITE_CONSTRAINT_UNIQUE and _PRIMARYKEY, which Swift does not import: they are macros over expressions.)
    var isKeyTaken: Bool { extendedCode == SQLITE_CONSTRAINT | (8 << 8) || extendedCode == SQLITE_CONSTRAINT | (6 << 8) }
}
