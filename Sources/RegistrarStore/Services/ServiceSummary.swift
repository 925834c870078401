import GRDB
import RegistrarModel
import RegistrarInput

/// How many services were given between two days, by type, by channel and by month.
public struct ServiceSummary: Sendable, Equatable {
    public var from: Day?
    public var to: Day?
    public var total = 0
    /// Every type and channel, in `ServiceTerms` order, zero when none was given.
    public var byType: [(key: String, count: Int)] = []
    public var byChannel: [(key: String, count: Int)] = []
    /// Months with at least one service, oldest first, as `YYYY-MM`.
    public var byMonth: [(key: String, count: Int)] = []

    public static func == (lhs: ServiceSummary, rhs: ServiceSummary) -> Bool {
        lhs.from == rhs.from && lhs.to == rhs.to && lhs.total == rhs.total
            && lhs.byType.elementsEqual(rhs.byType, by: ==) && lhs.byChannel.elementsEqual(rhs.byChannel, by: ==)
            && lhs.byMonth.elementsEqual(rhs.byMonth, by: ==)
    }
}

extension Registry {
    /// Services with `from <= served_on <= to` (either end open when nil), counted three ways in one pass.
    public func serviceSummary(from: Day? = nil, to: Day? = nil) throws -> ServiceSummary {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT type, channel, substr(served_on, 1, 7) AS month, count(*) AS n FROM service_record
                WHERE served_on >= ?1 AND served_on <= ?2
                GROUP BY 1, 2, 3
                """, arguments: [from?.iso ?? "0000-00-00", to?.iso ?? "9999-99-99"])
            var types: [String: Int] = [:], channels: [String: Int] = [:], months: [String: Int] = [:]
            var summary = ServiceSummary(from: from, to: to)
            for row in rows {
                let count: Int = row["n"]
                types[row["type"], default: 0] += count
                channels[row["channel"], default: 0] += count
                months[row["month"], default: 0] += count
                summary.total += count
            }
            summary.byType = ServiceTerms.types.map { ($0, types[$0] ?? 0) }
            summary.byChannel = ServiceTerms.channels.map { ($0, channels[$0] ?? 0) }
            summary.byMonth = months.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            return summary
        }
    }
}
