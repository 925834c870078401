/// The monthly report's registration parts (RULES.md R1): on the roll against in good standing, and
/// new members, renewals, exits and the total for this month, last month and the year to date.
extension MonthlyReport {
    var registrationSections: [ReportSection] {
        var sections: [ReportSection] = []
        if let standing {
            sections.append(MembershipCount.standingSection(standing))
        }
        if !activity.isEmpty {
            sections.append(ReportSection(
                key: "activity", title: Text(en: "New members, renewals and exits", zh: "新入会、续注册与退会"),
                headings: [Text(en: "period", zh: "期间"), Text(en: "new members", zh: "新入会"), Text(en: "renewals", zh: "续注册"),
                           Text(en: "exits", zh: "退会"), Text(en: "in good standing", zh: "有效会员")],
                rows: activity.map { window in
                    let span = window.from == window.through ? window.from.description
                        : "\(window.from.description)–\(window.through.description)"
                    return .init(key: window.window.rawValue,
                                 label: Text(en: "\(window.window.title.en) (\(span))", zh: "\(window.window.title.zh)（\(span)）"),
                                 values: [.count(window.newMembers), .count(window.renewals), .count(window.exits),
                                          .count(window.inGoodStanding)])
                }))
        }
        return sections
    }
}

extension MembershipCount {
    /// On the roll, in good standing and the difference, as a report section (monthly and annual).
    static func standingSection(_ count: MembershipCount) -> ReportSection {
        .items(key: "standing", title: Text(en: "Annual registration", zh: "年度注册"), [
            ("on_roll", Text(en: "on the roll", zh: "在册会员"), .count(count.individualOnRoll)),
            ("in_good_standing", Text(en: "in good standing", zh: "有效会员（已注册）"), .count(count.individual)),
            ("unregistered", Text(en: "unregistered", zh: "未注册"), .count(count.unregistered)),
        ], note: Text(en: "Every count in this report is of members in good standing.",
                      zh: "本报告中的各项人数均为有效会员（已注册）。"))
    }
}

struct StandingJSON: Encodable {
    let count: MembershipCount
    init(_ count: MembershipCount) { self.count = count }

    private enum CodingKeys: String, CodingKey {
        case onRoll = "on_roll"
        case inGoodStanding = "in_good_standing"
        case unregistered
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(count.individualOnRoll, forKey: .onRoll)
        try container.encode(count.individual, forKey: .inGoodStanding)
        try container.encode(count.unregistered, forKey: .unregistered)
    }
}

struct ActivityJSON: Encodable {
    let window: ActivityWindow

    private enum CodingKeys: String, CodingKey {
        case window, from, through, renewals, exits
        case newMembers = "new_members"
        case inGoodStanding = "in_good_standing"
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(window.window.rawValue, forKey: .window)
        try container.encode(window.from.description, forKey: .from)
        try container.encode(window.through.description, forKey: .through)
        try container.encode(window.newMembers, forKey: .newMembers)
        try container.encode(window.renewals, forKey: .renewals)
        try container.encode(window.exits, forKey: .exits)
        try container.encode(window.inGoodStanding, forKey: .inGoodStanding)
    }
}
