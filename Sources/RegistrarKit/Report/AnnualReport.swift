import GRDB

/// 学会年报（会员部分）: the membership part of a society's annual disclosure (S1, item 7) — counts,
/// growth, services and integrity cases in aggregate, and the board's composition; never a name.
public struct AnnualReport: Sendable {
    public let year: Int
    public let societyName: String
    public let members: MembershipCount
    public let growth: GrowthReport
    public let individualFlow: (joined: Int, left: Int)
    public let unitFlow: (joined: Int, left: Int)
    /// Services given in the year, by type and channel; only the pairs that occurred.
    public let services: [(type: String, channel: String, count: Int)]
    public let casesOpened: Int
    /// Cases decided in the year, by allegation and by sanction.
    public let decidedByAllegation: [Allegation: Int]
    public let decidedBySanction: [Sanction: Int]
    /// The board of the term in force at the end of the year, if any; only its counts are reported.
    public let board: BoardCheck?
    /// Whether registration was required at the end of the year (R1): the report then also shows
    /// members on the roll and the unregistered.
    public var registrationRequired = false
    /// Individual members at the end of each month of the year, for the chart of the year.
    public var monthEnds: [MonthCount] = []
    /// The day the report was made, shown under its title when set.
    public var madeOn: Day?

    public var casesDecided: Int { decidedByAllegation.values.reduce(0, +) }
    public var servicesTotal: Int { services.reduce(0) { $0 + $1.count } }
}

extension Registry {
    /// `report annual --year Y`: everything at or within calendar year Y.
    public func annualReport(year: Int) throws -> AnnualReport {
        let growth = try growthReport(year: year)
        let flows = try monthlyFlows(YearMonth(Day.startOfYear(year))...YearMonth(Day.endOfYear(year)), of: .individual)
        let unitFlows = try monthlyFlows(YearMonth(Day.startOfYear(year))...YearMonth(Day.endOfYear(year)), of: .unit)
        let (name, members, services, opened, byAllegation, bySanction, termNo) = try read { db in
            let first = "\(year)-01-01", last = Day.endOfYear(year).iso
            let services = try Row.fetchAll(db, sql: """
                SELECT type, channel, count(*) AS n FROM service_record WHERE served_on BETWEEN ? AND ?
                GROUP BY type, channel ORDER BY type, channel
                """, arguments: [first, last]).map { (type: $0["type"] as String, channel: $0["channel"] as String, count: $0["n"] as Int) }
            let opened = try Int.fetchOne(db, sql: "SELECT count(*) FROM integrity_case WHERE opened_on BETWEEN ? AND ?",
                                          arguments: [first, last]) ?? 0
            var byAllegation: [Allegation: Int] = [:], bySanction: [Sanction: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT allegation, sanction, count(*) AS n FROM integrity_case WHERE decided_on BETWEEN ? AND ?
                GROUP BY allegation, sanction
                """, arguments: [first, last]) {
                let n: Int = row["n"]
                if let allegation = Allegation(rawValue: row["allegation"]) { byAllegation[allegation, default: 0] += n }
                if let sanction = Sanction(rawValue: row["sanction"]) { bySanction[sanction, default: 0] += n }
            }
            return (try Registry.settings(db).name, try Registry.count(db, on: Day.endOfYear(year)), services, opened,
                    byAllegation, bySanction, try Registry.term(db, inForceOn: Day.endOfYear(year))?.termNo)
        }
        var report = AnnualReport(
            year: year, societyName: name, members: members, growth: growth,
            individualFlow: (flows.reduce(0) { $0 + $1.joined }, flows.reduce(0) { $0 + $1.left }),
            unitFlow: (unitFlows.reduce(0) { $0 + $1.joined }, unitFlows.reduce(0) { $0 + $1.left }),
            services: services, casesOpened: opened, decidedByAllegation: byAllegation, decidedBySanction: bySanction,
            board: try termNo.map { try boardCheck(termNo: $0) })
        report.registrationRequired = try settings().registration.isRequired(in: year)
        report.monthEnds = flows.map { MonthCount(month: $0.month, endCount: $0.endCount) }
        return report
    }
}
