import RegistrarModel

extension RecordedPeriod {
    /// The period in columns 1-4 (id, start_date, end_date, end_reason) of `PeriodWalk`'s current row;
    /// nil when the id is NULL (no period).
    init?(columnsOf statement: FastStatement) throws {
        guard !statement.isNull(1) else { return nil }
        // start_date is NOT NULL in the schema.
        guard let start = try statement.day(2, table: "membership_period", name: "start_date") else {
            throw RegistryError.badStoredValue(table: "membership_period", column: "start_date")
        }
        self.init(id: statement.int64(1), start: start, end: try statement.day(3, table: "membership_period", name: "end_date"),
                  reason: statement.text(4).flatMap(EndReason.init(rawValue:)))
    }
}
