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
        let standing = try GoodStanding(db, on: day, rule: rule)
        return MembershipCount(asOf: day.iso, individual: standing.inGoodStanding, unit: unit,
                               individualOnRoll: standing.onRoll)
    }
}
