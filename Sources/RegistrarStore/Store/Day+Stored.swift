import RegistrarModel

extension Day {
    /// A day read back from the registry, where only `YYYY-MM-DD` is ever written.
    package static func stored(_ text: String?, table: String, column: String) throws -> Day {
        guard let text, let day = Day(iso: text) else { throw RegistryError.badStoredValue(table: table, column: column) }
        return day
    }

    /// A day read back from the registry that may be NULL (an end date, for instance).
    package static func storedIfAny(_ text: String?, table: String, column: String) throws -> Day? {
        guard let text else { return nil }
        return try stored(text, table: table, column: column)
    }
}
