import GRDB

/// Who is a member in good standing on a day, and since when: one pass over the membership periods,
/// by member rowid, so a following scan of the members tests membership by index instead of a join.
///
/// It evaluates `Standing` in Swift: the on-roll test on each period, and, where registration is
/// required on the day, the registrations of the day's year and the one before (read through the
/// `registration_year` index) and the years the member's periods start in.
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
        let target = DayNumber(day)
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
        // Bit 0: registered for the year of D; bit 1: for the year before (recorded or joined).
        var registered = [UInt8](repeating: 0, count: starts.count)
        let periods = try FastStatement(db, sql: "SELECT member_id, start_date, end_date FROM membership_period")
        periods.reset()
        while try periods.step() {
            let id = Int(periods.int64(0))
            guard starts.indices.contains(id), let start = periods.dayNumber(1) else { continue }
            let startYear = Int(start.value / 10_000)
            if startYear == day.year { registered[id] |= 1 } else if startYear == day.year - 1 { registered[id] |= 2 }
            if Standing.isOnRoll(start: start, end: periods.dayNumber(2), on: target) { starts[id] = start.value }
        }
        periods.reset()
        // The year before matters only within the grace months: after them, one year of the index.
        let registrations = try FastStatement(db, sql: "SELECT member_id, year FROM registration WHERE year BETWEEN ?1 AND ?2")
        registrations.reset()
        registrations.bind(1, Int64(day.month <= rule.graceMonths ? day.year - 1 : day.year))
        registrations.bind(2, Int64(day.year))
        while try registrations.step() {
            let id = Int(registrations.int64(0))
            guard registered.indices.contains(id) else { continue }
            registered[id] |= registrations.int64(1) == Int64(day.year) ? 1 : 2
        }
        registrations.reset()
        for id in starts.indices where starts[id] != 0 {
            onRoll += 1
            let bits = registered[id]
            let good = Standing.isInGoodStanding(onRoll: true, on: day, rule: rule) { year in
                Standing.isRegistered(for: year, rule: rule, recorded: bits & (year == day.year ? 1 : 2) != 0, joined: false)
            }
            if good { inGoodStanding += 1 } else { starts[id] = 0 }
        }
    }

    /// One more than the largest member rowid: the size of an array indexed by member.
    var memberCapacity: Int { starts.count }

    /// The start of the member's period in good standing; nil when the member is not in good standing.
    func periodStart(of id: Int) -> DayNumber? {
        starts.indices.contains(id) && starts[id] != 0 ? DayNumber(value: starts[id]) : nil
    }
}
