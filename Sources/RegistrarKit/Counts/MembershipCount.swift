import GRDB

/// Members in good standing on one day, individual and unit kept apart (units never count toward G1).
public struct MembershipCount: Sendable, Equatable, Codable {
    public var asOf: String
    public var individual: Int
    public var unit: Int

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of"
        case individual
        case unit
    }
}

extension Registry {
    /// Members counted on `day` by the counting rule (`Standing`). Periods of one member never overlap
    /// (schema triggers), so counting periods counts members.
    public func count(on day: Day) throws -> MembershipCount {
        try read { db in try Registry.count(db, on: day) }
    }

    static func count(_ db: Database, on day: Day) throws -> MembershipCount {
        let individual = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM membership_period WHERE \(Standing.onRollSQL(on: "?1"))
            """, arguments: [day.iso]) ?? 0
        let unit = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM unit_membership_period WHERE \(Standing.onRollSQL(on: "?1"))
            """, arguments: [day.iso]) ?? 0
        return MembershipCount(asOf: day.iso, individual: individual, unit: unit)
    }
}
