import GRDB
import RegistrarModel
import RegistrarInput

extension Registry {
    /// How many members `registrationDue` lists, counted without reading them: the same condition.
    static func registrationDueCount(_ db: Database, year: Int, on day: Day) throws -> Int {
        let rule = try Registry.settings(db).registration
        guard rule.isRequired(in: year) else { return 0 }
        return try Int.fetchOne(db, sql: """
            SELECT count(*) FROM membership_period p
            WHERE \(Standing.onRollSQL(period: "p", on: "?1"))
              AND NOT \(Standing.registeredWhileOnRollSQL(period: "p", member: "p.member_id", year: year, rule: rule))
            """, arguments: [day.iso]) ?? 0
    }

    /// `registrationDueCount` for a day's own year, as the dashboard shows it.
    public func registrationDueCount(year: Int, on day: Day) throws -> Int {
        try read { db in try Registry.registrationDueCount(db, year: year, on: day) }
    }
}
