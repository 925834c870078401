import Foundation
import GRDB
import RegistrarModel
import RegistrarInput

/// A segment's size on a day, and the population its share is of.
public struct SegmentSize: Sendable {
    public let segment: Segment
    public let count: Int
    /// Members (or unit members, for a unit segment) in good standing on the day.
    public let population: Int
}

extension Registry {
    /// The size of every segment on `day`. The built-in member segments are counted natively in a few
    /// sequential passes; the others (user rules, unit segments) in one SQL pass per population.
    public func segmentSizes(on day: Day, segments: [Segment]) throws -> [SegmentSize] {
        try read { db in
            var counts: [String: Int] = [:]
            var populations: [Segment.Population: Int] = [:]
            let native = segments.compactMap { segment in segment.native.map { (name: segment.name, evaluate: $0) } }
            if !native.isEmpty {
                let sizes = try Registry.nativeSegmentSizes(db, on: day, evaluators: native.map(\.evaluate))
                populations[.members] = sizes.population
                for (segment, count) in zip(native, sizes.counts) { counts[segment.name] = count }
            }
            for population in [Segment.Population.members, .units] {
                let group = segments.filter { $0.population == population && $0.native == nil }
                guard !group.isEmpty else { continue }
                let sizes = try Registry.sqlSegmentSizes(db, on: day, segments: group, population: population)
                populations[population] = sizes.population
                for (segment, count) in zip(group, sizes.counts) { counts[segment.name] = count }
            }
            return segments.map { SegmentSize(segment: $0, count: counts[$0.name] ?? 0, population: populations[$0.population] ?? 0) }
        }
    }

    /// The sizes of segments of one population on `day` from their SQL predicates, and the population,
    /// in one pass: one `count(*) FILTER (WHERE …)` per segment over the base rows.
    static func sqlSegmentSizes(_ db: Database, on day: Day, segments: [Segment],
                                population: Segment.Population) throws -> (counts: [Int], population: Int) {
        let base = SegmentSQL.base(population, on: day, rule: try Registry.settings(db).registration)
        let alias = population == .members ? "m" : "u"
        var next = SQLFragment.dayParameterCount + 1
        var values = SQLFragment.dayArguments(day)
        var sums: [String] = ["count(*)"]
        for segment in segments {
            sums.append("count(*) FILTER (WHERE \(segment.predicate.numbered(from: next)))")
            next += segment.predicate.values.count
            values += segment.predicate.values
        }
        // LIMIT -1 keeps the base a co-routine: each derived column is computed once a row,
        // not once for every segment that reads it, and nothing is materialised.
        // An aggregate always returns its one row.
        guard let row = try Row.fetchOne(db, sql: "SELECT \(sums.joined(separator: ", ")) FROM (\(base) LIMIT -1) AS \(alias)",
                                         arguments: StatementArguments(values)) else { return (segments.map { _ in 0 }, 0) }
        return (segments.indices.map { row[$0 + 1] }, row[0])
    }

    /// Writes the members (or units) of `segment` on `day` to `path` as CSV for Excel on Chinese Windows
    /// (UTF-8 with a byte-order mark, CRLF), identity numbers masked, and records the export in the audit log
    /// (an audited read: the web view's export does not wait for a running import).
    ///
    /// - Returns: the number of rows written.
    @discardableResult
    public func exportSegment(_ segment: Segment, on day: Day, to path: String, language: Language) throws -> Int {
        let output = try OutputFile(path: path, protecting: .init(registry: self.path))
        return try auditedRead { db, audit in
            let (query, arguments) = SegmentSQL.query(segment, on: day, rule: try Registry.settings(db).registration)
            var lines: [[String]]
            switch segment.population {
            case .members:
                lines = [SegmentExportColumns.members.map { $0(language) }]
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT mm.member_no, mm.name, mm.gender, s.age, mm.grade, mm.province, mm.discipline, mm.employer,
                           mm.email, mm.phone, mm.id_number
                    FROM (\(query)) AS s JOIN member mm ON mm.id = s.id ORDER BY mm.member_no, mm.id
                    """, arguments: arguments)
                while let row = try rows.next() {
                    var fields: [String] = (0..<11).map { SegmentExportColumns.text(row[$0]) }
                    fields[2] = SegmentExportColumns.gender(fields[2], language)
                    fields[4] = SegmentExportColumns.grade(fields[4], language)
                    fields[10] = fields[10].isEmpty ? "" : Masking.identityNumber(fields[10])
                    lines.append(fields)
                }
            case .units:
                lines = [SegmentExportColumns.units.map { $0(language) }]
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT unit_no, name, uscc, kind, province, staff_count, linked FROM (\(query)) ORDER BY unit_no, id
                    """, arguments: arguments)
                while let row = try rows.next() {
                    lines.append((0..<7).map { SegmentExportColumns.text(row[$0]) })
                }
            }
            var data: [UInt8] = [0xEF, 0xBB, 0xBF]
            for line in lines { data.append(contentsOf: CSVField.record(line).utf8) }
            try output.write(data)
            audit.append(PendingAudit(.segmentExport, subject: segment.name,
                                      detail: "on \(day.iso): \(lines.count - 1) \(segment.population.rawValue) to \((path as NSString).lastPathComponent), identity numbers masked"))
            return lines.count - 1
        }
    }
}

/// The words of an export's header line and values, in the reader's language.
enum SegmentExportColumns {
    static let members = [
        Text(en: "member_no", zh: "会员编号"), Text(en: "name", zh: "姓名"), Text(en: "gender", zh: "性别"),
        Text(en: "age", zh: "年龄"), Text(en: "grade", zh: "会员类别"), Text(en: "province", zh: "省份"),
        Text(en: "discipline", zh: "现从事专业"), Text(en: "employer", zh: "工作单位"), Text(en: "email", zh: "电子邮箱"),
        Text(en: "phone", zh: "手机"), Text(en: "id_number (masked)", zh: "身份证号（已脱敏）"),
    ]
    static let units = [
        Text(en: "unit_no", zh: "单位会员编号"), Text(en: "name", zh: "单位名称"), Text(en: "uscc", zh: "统一社会信用代码"),
        Text(en: "kind", zh: "单位性质"), Text(en: "province", zh: "省份"), Text(en: "staff_count", zh: "职工总数"),
        Text(en: "individual members", zh: "个人会员数"),
    ]

    /// A stored value as a spreadsheet cell: empty for NULL, digits for numbers.
    static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null, .blob: ""
        case .int64(let number): String(number)
        case .double(let number): String(number)
        case .string(let string): string
        }
    }

    /// Codes stay codes in an English export (scripts read them); a Chinese one gets the words.
    static func gender(_ value: String, _ language: Language) -> String {
        language == .zh ? MemberTerms.gender(value)(language) : value
    }

    static func grade(_ value: String, _ language: Language) -> String {
        language == .zh ? MemberTerms.grade(value)(language) : value
    }
}

/// Why a segment could not be listed or exported.
public struct SegmentError: UserFacingError, Equatable {
    public var problem: Text
    public init(problem: Text) { self.problem = problem }
    public func message(_ language: Language) -> String { problem(language) }
}
