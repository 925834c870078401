import RegistrarModel

extension RecordedPeriod {
    /// The period in columns 1-4 (id, start_date, end_date, end_reason) of `PeriodWalk`'s current row;
    /// nil when the id is NULL (no period).
    init?(columnsOf statement: FastStatement) {
        // start_date is NOT NULL in the schema; a row without one is no period to reconcile with.
        guard !statement.isNull(1), let start = statement.text(2) else { return nil }
        self.init(id: statement.int64(1), start: start, end: statement.text(3),
                  reason: statement.text(4).flatMap(EndReason.init(rawValue:)))
    }
}
