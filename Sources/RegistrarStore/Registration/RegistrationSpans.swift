import GRDB
import RegistrarModel
import RegistrarInput

/// Keeps each period's registration span (`registered_from`, `registered_through`: the member's latest
/// run of consecutive recorded registration years, which `Standing.recordedSQL` reads) in step with
/// the registration table, inside the transaction that wrote the registrations.
///
/// A span that is NULL (a period written by code that does not derive it, such as a roster's new
/// member) is never wrong, only slower to count: `Standing` then asks the registration table.
enum RegistrationSpans {
    /// Above this many members, one ordered pass over all registrations and all periods is cheaper
    /// than a look-up per member.
    static let perMemberLimit = 20_000

    /// Derives the spans of the periods of `members`, and of every period whose span is NULL.
    static func refresh(_ db: Database, members: [Int64]) throws {
        // A schema before v6 (only a test imports into one) has no spans to keep.
        guard try db.columns(in: "membership_period").contains(where: { $0.name == "registered_through" }) else { return }
        // With no registration at all, a NULL span costs a count nothing: leave a first roster alone.
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM registration)") == true else { return }
        var members = members
        let unknown = try FastStatement(db, sql: "SELECT member_id FROM membership_period WHERE registered_through IS NULL")
        unknown.reset()
        while try unknown.step(), members.count <= perMemberLimit { members.append(unknown.int64(0)) }
        unknown.reset()
        if members.count > perMemberLimit {
            try refreshAll(db)
            return
        }
        let years = try FastStatement(db, sql: "SELECT year FROM registration WHERE member_id = ?1 ORDER BY year")
        let update = try FastStatement(db, sql: """
            UPDATE membership_period SET registered_from = ?2, registered_through = ?3
            WHERE member_id = ?1 AND (registered_from IS NOT ?2 OR registered_through IS NOT ?3)
            """)
        var done = Set<Int64>()
        for member in members where done.insert(member).inserted {
            years.reset()
            years.bind(1, member)
            var recorded: [Int] = []
            while try years.step() { recorded.append(Int(years.int64(0))) }
            years.reset()
            let run = Standing.latestRun(ofAscending: recorded)
            update.reset()
            update.bind(1, member)
            update.bind(2, Int64(run.from))
            update.bind(3, Int64(run.through))
            try update.step()
            update.reset()
        }
    }

    /// Derives every period's span: one pass over the registrations in (member, year) order, one over
    /// the periods, then the rows whose span differs are written.
    static func refreshAll(_ db: Database) throws {
        let capacity = Int(try Int64.fetchOne(db, sql: "SELECT max(id) FROM member") ?? 0) + 1
        var from = [Int16](repeating: 0, count: capacity), through = [Int16](repeating: 0, count: capacity)
        let registrations = try FastStatement(db, sql: "SELECT member_id, year FROM registration ORDER BY member_id, year")
        registrations.reset()
        var member = -1, runStart = 0, previous = 0
        func close() {
            guard member >= 0, member < capacity else { return }
            from[member] = Int16(runStart)
            through[member] = Int16(previous)
        }
        while try registrations.step() {
            let id = Int(registrations.int64(0)), year = Int(registrations.int64(1))
            if id != member {
                close()
                (member, runStart) = (id, year)
            } else if year != previous + 1 {
                runStart = year
            }
            previous = year
        }
        close()
        registrations.reset()

        var changes: [(period: Int64, from: Int16, through: Int16)] = []
        let periods = try FastStatement(db, sql: "SELECT id, member_id, registered_from, registered_through FROM membership_period")
        periods.reset()
        while try periods.step() {
            let id = Int(periods.int64(1))
            let span = id >= 0 && id < capacity ? (from[id], through[id]) : (0, 0)
            if periods.isNull(2) || periods.isNull(3) || periods.int64(2) != Int64(span.0) || periods.int64(3) != Int64(span.1) {
                changes.append((periods.int64(0), span.0, span.1))
            }
        }
        periods.reset()
        let update = try FastStatement(db, sql: "UPDATE membership_period SET registered_from = ?2, registered_through = ?3 WHERE id = ?1")
        for change in changes {
            update.reset()
            update.bind(1, change.period)
            update.bind(2, Int64(change.from))
            update.bind(3, Int64(change.through))
            try update.step()
        }
        update.reset()
    }
}
