import GRDB
import RegistrarModel
import RegistrarInput

extension Registry {
    /// Members counted on `day` by the counting rule (`Standing`). Periods of one member never overlap
    /// (schema triggers), so counting periods counts members.
    public func count(on day: Day) throws -> MembershipCount {
        try read { db in try Registry.count(db, on: day) }
    }

    static func count(_ db: Database, on day: Day) throws -> MembershipCount {
        let rule = try Registry.settings(db).registration
        let unit = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM unit_membership_period WHERE \(Standing.onRollSQL(on: "?1"))
            """, arguments: [day.iso]) ?? 0
        guard rule.isRequired(in: day.year) else {
            let individual = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM membership_period WHERE \(Standing.onRollSQL(on: "?1"))
                """, arguments: [day.iso]) ?? 0
            return MembershipCount(asOf: day.iso, individual: individual, unit: unit)
        }
        // One scan, as without registration: the periods on the roll, and of those the ones in good
        // standing, which the span on each period answers by a comparison. A FILTER, not a
        // count(CASE …): SQLite jumps past the count on the condition instead of making a value of it,
        // 4% fewer instructions at a million members (callgrind).
        let counts = try Row.fetchOne(db, sql: """
            SELECT count(*), count(*) FILTER (WHERE \(Standing.inGoodStandingWhileOnRollSQL(period: "p", member: "p.member_id", day: day, rule: rule)))
            FROM membership_period p WHERE \(Standing.onRollSQL(period: "p", on: "?1"))
            """, arguments: [day.iso])
        let onRoll = counts.map { $0[0] as Int } ?? 0, inGoodStanding = counts.map { $0[1] as Int } ?? 0
        return MembershipCount(asOf: day.iso, individual: inGoodStanding, unit: unit, individualOnRoll: onRoll)
    }
}
