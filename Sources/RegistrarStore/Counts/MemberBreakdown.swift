import GRDB
import RegistrarModel
import RegistrarInput

/// Members in good standing on one day, counted by who they are; a `nil` key is "not recorded".
public struct MemberBreakdown: Sendable, Equatable {
    public var gender: [String?: Int] = [:]
    public var ageBand: [AgeBand: Int] = [:]
    public var grade: [String?: Int] = [:]
    public var province: [String?: Int] = [:]
    public var discipline: [String?: Int] = [:]
    public var grassroots: [Bool?: Int] = [:]
}

enum SQLExpressions {
    /// Completed years of age on `?1` from a `YYYY-MM-DD` or `YYYY-MM` birth date (a month-only
    /// birth date counts the birthday as the first of the month); NULL when unknown.
    static func age(birthDate: String) -> String {
        """
        (CASE WHEN \(birthDate) IS NULL THEN NULL ELSE
            CAST(substr(?1, 1, 4) AS INTEGER) - CAST(substr(\(birthDate), 1, 4) AS INTEGER)
            - (substr(?1, 6, 5) < substr(\(birthDate) || '-01', 6, 5)) END)
        """
    }
}

extension Registry {
    /// Breakdowns of the individual members in good standing on `day`, from one grouped pass.
    public func breakdown(on day: Day) throws -> MemberBreakdown {
        try read { db in try Registry.breakdown(db, on: day) }
    }

    /// Two sequential passes instead of a join: the periods mark who is a member on `day` (by
    /// rowid), then one scan of the members counts those marked, reading columns as bytes.
    static func breakdown(_ db: Database, on day: Day) throws -> MemberBreakdown {
        try breakdown(db, on: day, standing: GoodStanding(db, on: day))
    }

    /// The same, for who is in good standing on `day` read already.
    static func breakdown(_ db: Database, on day: Day, standing: GoodStanding) throws -> MemberBreakdown {
        var result = MemberBreakdown()
        var gender = [0, 0, 0] // M, F, not recorded
        var bands: [AgeBand: Int] = [:]
        var grassroots = [0, 0, 0] // yes, no, not recorded
        let members = try FastStatement(db, sql: """
            SELECT id, gender, birth_date, grade, province, discipline, grassroots FROM member
            """)
        members.reset()
        while try members.step() {
            let id = Int(members.int64(0))
            guard standing.periodStart(of: id) != nil else { continue }
            switch members.firstByte(1) {
            case UInt8(ascii: "M"): gender[0] += 1
            case UInt8(ascii: "F"): gender[1] += 1
            default: gender[2] += 1
            }
            bands[AgeBand(age: members.age(2, on: day)), default: 0] += 1
            result.grade[members.text(3), default: 0] += 1
            result.province[members.text(4), default: 0] += 1
            result.discipline[members.text(5), default: 0] += 1
            if members.isNull(6) { grassroots[2] += 1 } else if members.int64(6) == 1 { grassroots[0] += 1 } else { grassroots[1] += 1 }
        }
        members.reset()
        for (key, count) in zip(["M", "F", nil] as [String?], gender) where count > 0 { result.gender[key] = count }
        for (key, count) in zip([true, false, nil] as [Bool?], grassroots) where count > 0 { result.grassroots[key] = count }
        result.ageBand = bands
        return result
    }
}
