import GRDB

/// Who is a member in good standing on a day, and since when: one pass over the membership periods,
/// by member rowid, so a following scan of the members tests membership by index instead of a join.
struct GoodStanding {
    /// The start of each member's period in good standing as a `DayNumber` value; 0 for none (no real
    /// day is numbered 0).
    private var starts: [Int32]

    init(_ db: Database, on day: Day) throws {
        let maxID = try Int.fetchOne(db, sql: "SELECT max(id) FROM member") ?? 0
        starts = [Int32](repeating: 0, count: max(maxID, 0) + 1)
        let periods = try FastStatement(db, sql: """
            SELECT member_id, start_date FROM membership_period WHERE \(Standing.onRollSQL(on: "?1"))
            """)
        periods.reset()
        periods.bind(1, day.iso)
        while try periods.step() {
            let id = Int(periods.int64(0))
            if starts.indices.contains(id), let start = periods.dayNumber(1) { starts[id] = start.value }
        }
        periods.reset()
    }

    /// One more than the largest member rowid: the size of an array indexed by member.
    var memberCapacity: Int { starts.count }

    /// The start of the member's period in good standing; nil when the member is not in good standing.
    func periodStart(of id: Int) -> DayNumber? {
        starts.indices.contains(id) && starts[id] != 0 ? DayNumber(value: starts[id]) : nil
    }
}
