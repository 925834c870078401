import GRDBSQLite

extension FastStatement {
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
}
