import Foundation

/// Everything the registry holds about one individual member, for `member show`.
public struct MemberProfile: Sendable, Equatable {
    public var id: Int64
    public var memberNo: String?
    public var name: String
    public var gender: String?
    public var birthDate: String?
    public var idType: String?
    /// The identity number in clear: render it through `Masking` unless the user asked to reveal it.
    public var idNumber: String?
    public var orcid: String?
    public var email: String?
    public var phone: String?
    public var employer: String?
    public var unitName: String?
    public var title: String?
    public var education: String?
    public var discipline: String?
    public var province: String?
    public var nationality: String?
    public var grade: String?
    public var grassroots: Bool?
    public var politicalStatus: String?
    public var periods: [MembershipPeriod]
    public var integrityCaseCount: Int

    package init(id: Int64, memberNo: String? = nil, name: String, gender: String? = nil, birthDate: String? = nil, idType: String? = nil, idNumber: String? = nil, orcid: String? = nil, email: String? = nil, phone: String? = nil, employer: String? = nil, unitName: String? = nil, title: String? = nil, education: String? = nil, discipline: String? = nil, province: String? = nil, nationality: String? = nil, grade: String? = nil, grassroots: Bool? = nil, politicalStatus: String? = nil, periods: [MembershipPeriod], integrityCaseCount: Int) {
        self.id = id
        self.memberNo = memberNo
        self.name = name
        self.gender = gender
        self.birthDate = birthDate
        self.idType = idType
        self.idNumber = idNumber
        self.orcid = orcid
        self.email = email
        self.phone = phone
        self.employer = employer
        self.unitName = unitName
        self.title = title
        self.education = education
        self.discipline = discipline
        self.province = province
        self.nationality = nationality
        self.grade = grade
        self.grassroots = grassroots
        self.politicalStatus = politicalStatus
        self.periods = periods
        self.integrityCaseCount = integrityCaseCount
    }
}

/// 会籍期间: one continuous span of membership.
public struct MembershipPeriod: Sendable, Equatable, Codable {
    public var start: String
    public var end: String?
    public var endReason: String?

    public init(start: String, end: String?, endReason: String?) {
        self.start = start
        self.end = end
        self.endReason = endReason
    }

    /// `start_date`/`end_date`, as every other JSON names a span's days; `start`/`end`, the keys
    /// scripts already read, stay beside them (CHANGELOG.md).
    enum CodingKeys: String, CodingKey {
        case start
        case end
        case startDate = "start_date"
        case endDate = "end_date"
        case endReason = "end_reason"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        start = try container.decodeIfPresent(String.self, forKey: .startDate) ?? container.decode(String.self, forKey: .start)
        end = try container.decodeIfPresent(String.self, forKey: .endDate) ?? container.decodeIfPresent(String.self, forKey: .end)
        endReason = try container.decodeIfPresent(String.self, forKey: .endReason)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(start, forKey: .startDate)
        try container.encodeIfPresent(end, forKey: .end)
        try container.encodeIfPresent(end, forKey: .endDate)
        try container.encodeIfPresent(endReason, forKey: .endReason)
    }
}
