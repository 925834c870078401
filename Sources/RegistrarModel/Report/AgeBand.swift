/// 年龄段: the age bands the monthly report counts members in.
public enum AgeBand: String, Sendable, Hashable, CaseIterable {
    case upTo35 = "le35"
    case from36To45 = "36-45"
    case from46To60 = "46-60"
    case over60 = "gt60"
    case unknown

    /// The band for an age in completed years; `nil` (no birth date) is `.unknown`.
    public init(age: Int?) {
        switch age {
        case nil: self = .unknown
        case let age? where age <= 35: self = .upTo35
        case let age? where age <= 45: self = .from36To45
        case let age? where age <= 60: self = .from46To60
        case _?: self = .over60
        }
    }

    public var label: Text {
        switch self {
        case .upTo35: Text(en: "35 or under", zh: "35岁及以下")
        case .from36To45: Text(en: "36–45", zh: "36–45岁")
        case .from46To60: Text(en: "46–60", zh: "46–60岁")
        case .over60: Text(en: "over 60", zh: "60岁以上")
        case .unknown: Text(en: "unknown", zh: "未知")
        }
    }
}
