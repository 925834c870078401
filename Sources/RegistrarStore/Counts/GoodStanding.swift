import GRDB
import RegistrarModel
import RegistrarInput

/// Who is a member in good standing on a day, and since when: one pass over the membership periods,
/// by member rowid, so a following scan of the members tests membership by index instead of a join.
///
/// It reads the periods on the roll by `Standing.onRollSQL` and, where registration is required on
/// the day, whether each is in good standing by `Standing.inGoodStandingWhileOnRollSQL`, in the
/// same scan: the registration span the period carries makes that a comparison on the row.
struct GoodStanding {
    /// The start of each member's period on the roll as a `DayNumber` value; 0 for none (no real day
    /// is numbered 0). Members on the roll but not in good standing are 0 too.
    private var starts: [Int32]
    /// Members on the roll on the day, whether in good standing or not.
    private(set) var onRoll = 0
    /// Members in good standing on the day.
    private(set) var inGoodStanding = 0

    init(_ db: Database, on day: Day) throws {
        try self.init(db, on: day, rule: Registry.settings(db).registration)
    }

    init(_ db: Database, on day: Day, rule: RegistrationRule) throws {
        let maxID = try Int.fetchOne(db, sql: "SELECT max(id) FROM member") ?? 0
        starts = [Int32](repeating: 0, count: max(maxID, 0) + 1)
        guard rule.isRequired(in: day.year) else {
            let periods = try FastStatement(db, sql: """
                SELECT member_id, start_date FROM membership_period WHERE \(Standing.onRollSQL(on: "?1"))
                """)
            periods.reset()
            periods.bind(1, day.iso)
            while try periods.step() {
                let id = Int(periods.int64(0))
                if starts.indices.contains(id), let start = periods.dayNumber(1) { starts[id] = start.value; onRoll += 1 }
            }
            periods.reset()
            inGoodStanding = onRoll
            return
        }
        // One scan of the periods on the roll, as without registration; the span each period carries
        // answers the registration question on the row (`Standing.inGoodStandingWhileOnRollSQL`).
        let periods = try FastStatement(db, sql: """
            SELECT p.member_id, p.start_date,
                   CASE WHEN \(Standing.inGoodStandingWhileOnRollSQL(period: "p", member: "p.member_id", day: day, rule: rule))
                        THEN 1 ELSE 0 END
            FROM membership_period p WHERE \(Standing.onRollSQL(period: "p", on: "?1"))
            """)
        periods.reset()
        periods.bind(1, day.iso)
        while try periods.step() {
            let id = Int(periods.int64(0))
            guard starts.indices.contains(id), let start = periods.dayNumber(1) else { continue }
            onRoll += 1
            if periods.int64(2) != 0 { starts[id] = start.value; inGoodStanding += 1 }
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
