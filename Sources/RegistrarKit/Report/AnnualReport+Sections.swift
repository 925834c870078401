extension AnnualReport {
    static let words = (
        title: Text(en: "Annual report: membership", zh: "学会年报（会员部分）"),
        members: Text(en: "Members at the end of the year", zh: "年末会员数"),
        individual: Text(en: "Individual members", zh: "个人会员"),
        unit: Text(en: "Unit members", zh: "单位会员"),
        flows: Text(en: "Joins and exits in the year", zh: "年度入会与退会"),
        services: Text(en: "Member services delivered", zh: "会员服务"),
        serviceType: Text(en: "Service", zh: "服务类型"),
        online: Text(en: "Online", zh: "线上"), offline: Text(en: "Offline", zh: "线下"), total: Text(en: "Total", zh: "合计"),
        integrity: Text(en: "Academic-integrity cases (aggregate)", zh: "学术诚信案件（汇总）"),
        byAllegation: Text(en: "Cases decided in the year, by allegation", zh: "年内处理案件（按问题类型）"),
        bySanction: Text(en: "Cases decided in the year, by sanction", zh: "年内处理案件（按处理措施）"),
        cases: Text(en: "Cases", zh: "案件数"),
        board: Text(en: "Board composition at the end of the year", zh: "年末理事会构成")
    )

    func title(_ language: Language) -> String {
        let society = societyName.isEmpty ? "" : societyName + " "
        return society + Self.words.title(language) + " " + String(year)
    }

    /// The report's sections in reading order, shared by the table, Markdown and HTML renderings.
    var sections: [ReportSection] {
        let w = Self.words
        var sections: [ReportSection] = [
            .items(key: "members", title: w.members, [
                ("individual", w.individual, .count(members.individual)), ("unit", w.unit, .count(members.unit)),
            ], note: Text(en: "Unit members are counted apart and never toward the growth goal.",
                          zh: "单位会员单独统计，不计入个人会员增长目标。")),
        ]
        if registrationRequired { sections.append(MembershipCount.standingSection(members)) }
        sections += growth.sections
        sections.append(ReportSection(
            key: "flows", title: w.flows, headings: [ReportWords.item, ReportWords.joined, ReportWords.left],
            rows: [.init(key: "individual", label: w.individual, values: [.count(individualFlow.joined), .count(individualFlow.left)]),
                   .init(key: "unit", label: w.unit, values: [.count(unitFlow.joined), .count(unitFlow.left)])]))
        let serviceRows: [ReportSection.Row] = ServiceTerms.types.map { ($0, ServiceTerms.label($0)) }.compactMap { type, label in
            let online = services.first { $0.type == type && $0.channel == "online" }?.count ?? 0
            let offline = services.first { $0.type == type && $0.channel == "offline" }?.count ?? 0
            guard online + offline > 0 else { return nil }
            return .init(key: type, label: label, values: [.count(online), .count(offline), .count(online + offline)])
        }
        let online = services.filter { $0.channel == "online" }.reduce(0) { $0 + $1.count }
        sections.append(ReportSection(
            key: "services", title: w.services, headings: [w.serviceType, w.online, w.offline, w.total],
            rows: serviceRows + [.init(key: "total", label: w.total, values: [.count(online), .count(servicesTotal - online), .count(servicesTotal)])],
            note: servicesTotal == 0 ? Text(en: "No service records in \(year).", zh: "\(year)年无会员服务记录。") : nil))
        sections.append(.items(key: "integrity", title: w.integrity, [
            ("opened", Text(en: "Cases opened in the year", zh: "年内立案"), .count(casesOpened)),
            ("decided", Text(en: "Cases decided in the year", zh: "年内处理"), .count(casesDecided)),
        ], note: Text(en: "Counts only; no member is named.", zh: "仅公布数量，不公布个人信息。")))
        sections.append(ReportSection(
            key: "integrity.by_allegation", title: w.byAllegation, headings: [Text(en: "Allegation", zh: "问题类型"), w.cases],
            rows: Allegation.allCases.map { .init(key: $0.rawValue, label: $0.label, values: [.count(decidedByAllegation[$0] ?? 0)]) }))
        sections.append(ReportSection(
            key: "integrity.by_sanction", title: w.bySanction, headings: [Text(en: "Sanction", zh: "处理措施"), w.cases],
            rows: Sanction.allCases.map { .init(key: $0.rawValue, label: $0.label, values: [.count(decidedBySanction[$0] ?? 0)]) }))
        sections.append(boardSection)
        return sections
    }

    private var boardSection: ReportSection {
        let w = Self.words
        guard let board else {
            return .items(key: "board", title: w.board, [], note: Text(en: "No board term is recorded as in force at the end of \(year).",
                                                                      zh: "\(year)年末无在任理事会届次记录。"))
        }
        let c = board.composition
        func share(_ part: Int, _ whole: Int) -> ReportSection.Value { .percent(whole > 0 ? RoundedPercent(ratioOf: part, to: whole) : nil) }
        let secretary = board.rules.first { $0.key == "secretary_general" }?.verdict
        return ReportSection(
            key: "board", title: w.board, headings: [ReportWords.item, Text(en: "Number", zh: "人数"), ReportWords.share],
            rows: [
                .init(key: "directors", label: Text(en: "Directors", zh: "理事"), values: [.count(c.directors), .missing]),
                .init(key: "standing_directors", label: Text(en: "Standing directors", zh: "常务理事"), values: [.count(c.standing), .missing]),
                .init(key: "grassroots_directors", label: Text(en: "Grassroots front-line directors", zh: "基层一线理事"),
                      values: [.count(c.grassrootsDirectors), share(c.grassrootsDirectors, c.directors)]),
                .init(key: "grassroots_standing", label: Text(en: "Grassroots front-line standing directors", zh: "基层一线常务理事"),
                      values: [.count(c.grassrootsStanding), share(c.grassrootsStanding, c.standing)]),
                .init(key: "women", label: Text(en: "Women directors", zh: "女性理事"), values: [.count(c.women), share(c.women, c.directors)]),
                .init(key: "young", label: Text(en: "Directors aged \(board.youngAge) or under at election", zh: "中青年理事（换届时\(board.youngAge)周岁以下）"),
                      values: [.count(c.young), share(c.young, c.directors)]),
                .init(key: "cpc", label: Text(en: "CPC members", zh: "中共党员理事"), values: [.count(c.cpc), share(c.cpc, c.directors)]),
            ],
            note: Text(en: "Term \(board.term.termNo), elected \(board.term.start.iso). Secretary-general full-time: \(secretary == .met ? "yes" : "no").",
                       zh: "第\(board.term.termNo)届，\(board.term.start.iso)换届。秘书长专职：\(secretary == .met ? "是" : "否")。"))
    }
}
