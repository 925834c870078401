import GRDB

/// 分支机构: a branch with the dates that decide whether it is still active (O1).
public struct InactiveBranch: Sendable, Equatable {
    public let name: String
    public let foundedOn: String?
    /// Nil when no activity has ever been recorded.
    public let lastActivityOn: String?
    /// Whole months from the last activity (or the founding) to the day asked about; nil when neither is known.
    public let monthsSince: Int?
    /// The days after those whole months, so "more than 24 months" never reads as a bare 24.
    public let daysBeyondMonths: Int?
}

extension Registry {
    /// `branches --on D`: branches not dissolved by D whose last activity (else founding) is more than
    /// the configured months before D ("long" is "more than", so exactly 24 months is still active).
    public func inactiveBranches(on day: Day) throws -> (months: Int, branches: [InactiveBranch]) {
        try read { db in
            let months = try Registry.settings(db).branchInactiveMonths
            let cutoff = day.adding(months: -months)
            let rows = try Row.fetchAll(db, sql: """
                SELECT name, founded_on, last_activity_on, coalesce(last_activity_on, founded_on) AS since FROM branch
                WHERE (dissolved_on IS NULL OR dissolved_on > ?1) AND (since IS NULL OR since < ?2)
                ORDER BY since, name
                """, arguments: [day.iso, cutoff.iso])
            return (months, rows.map { row in
                let since = (row["since"] as String?).flatMap(Day.init(iso:))
                let elapsed = since.map { YearMonth($0).months(until: YearMonth(day)) - (day.day < $0.day ? 1 : 0) }
                let beyond = since.flatMap { since in elapsed.map { day.ordinal - since.adding(months: $0).ordinal } }
                return InactiveBranch(name: row["name"], foundedOn: row["founded_on"], lastActivityOn: row["last_activity_on"],
                                      monthsSince: elapsed, daysBeyondMonths: beyond)
            })
        }
    }
}
