import RegistrarModel

extension RecordedPeriod {
    /// The period in columns 1-4 (id, start_date, end_date, end_reason) of `PeriodWalk`'s current row;
    /// nil when the id is NULL (no period).
    init?(columnsOf statement: FastStatement) {
        guard !statement.isNull(1) else { return nil }
        self.init(id: statement.int64(1), start: statement.text(2)!, end: statement.text(3),
                  reason: statement.text(4).flatMap(EndReason.init(rawValue:)))
    }
}
