/// Members counted by one attribute, such as gender or province, as ordered rows.
public struct Breakdown: Sendable, Hashable {
    /// The attribute a breakdown counts by; its raw value is the JSON and CSV key.
    public enum Dimension: String, Sendable, Hashable, CaseIterable {
        case gender
        case ageBand = "age_band"
        case grade
        case province
        case discipline
        case grassroots

        public var title: Text {
            switch self {
            case .gender: Text(en: "Gender", zh: "性别")
            case .ageBand: Text(en: "Age band", zh: "年龄段")
            case .grade: Text(en: "Member grade", zh: "会员类别")
            case .province: Text(en: "Province", zh: "省份")
            case .discipline: Text(en: "Discipline", zh: "学科")
            case .grassroots: Text(en: "Grassroots front line", zh: "基层一线")
            }
        }
    }

    /// One label and its count; `key` is what scripts see, `label` what people read.
    public struct Row: Sendable, Hashable {
        public let key: String
        public let label: Text
        public let count: Int

        public init(key: String, label: Text, count: Int) {
            self.key = key
            self.label = label
            self.count = count
        }

        /// A row for a value from the data, such as a province name, shown as it is in both languages.
        public init(value: String, count: Int) {
            self.init(key: value, label: Text(en: value, zh: value), count: count)
        }

        /// The row for members whose value is not recorded.
        public static func unknown(count: Int) -> Row {
            Row(key: "unknown", label: Text(en: "unknown", zh: "未知"), count: count)
        }
    }

    public let dimension: Dimension
    public let rows: [Row]

    public init(_ dimension: Dimension, rows: [Row]) {
        self.dimension = dimension
        self.rows = rows
    }

    /// Every age band in its fixed order, zero where `counts` has none.
    public static func ageBands(_ counts: [AgeBand: Int]) -> Breakdown {
        Breakdown(.ageBand, rows: AgeBand.allCases.map {
            Row(key: $0.rawValue, label: $0.label, count: counts[$0] ?? 0)
        })
    }

    /// Grassroots front-line yes, no and unknown, in that order.
    public static func grassroots(yes: Int, no: Int, unknown: Int) -> Breakdown {
        Breakdown(.grassroots, rows: [
            Row(key: "yes", label: Text(en: "yes", zh: "是"), count: yes),
            Row(key: "no", label: Text(en: "no", zh: "否"), count: no),
            .unknown(count: unknown),
        ])
    }

    /// The sum of the rows, the base of each row's share.
    public var total: Int { rows.reduce(0) { $0 + $1.count } }

    /// A row's share of the total for display; nil when the total is zero.
    public func share(of row: Row) -> RoundedPercent? {
        total > 0 ? RoundedPercent(ratioOf: row.count, to: total) : nil
    }
}
