extension BoardCap {
    private static let words = (
        title: Text(en: "Board size cap", zh: "理事会规模上限"),
        members: Text(en: "Individual members", zh: "个人会员数"),
        tierCap: Text(en: "Cap by member count", zh: "按会员数的上限"),
        effectiveCap: Text(en: "Effective cap", zh: "适用上限"),
        relaxedCap: Text(en: "Relaxed cap", zh: "放宽后上限"),
        eligible: Text(en: "Eligible for relaxation", zh: "是否可放宽")
    )

    /// The caps as an aligned terminal table followed by the notes, one a line.
    public func table(_ language: Language) -> String {
        section.table(language) + notes.map { "- " + $0(language) + "\n" }.joined()
    }

    /// The caps as one report section, shared by the terminal table and the web page.
    var section: ReportSection {
        let words = Self.words
        return ReportSection.items(key: "board_caps", title: words.title, [
            ("year", ReportWords.year, .year(year)),
            ("members", words.members, .count(members)),
            ("tier_cap", words.tierCap, .count(tierCap)),
            ("effective_cap", words.effectiveCap, .count(effectiveCap)),
            ("relaxation_eligible", words.eligible, .verdict(relaxationEligible)),
            ("relaxed_cap", words.relaxedCap, .count(relaxedCap)),
        ])
    }

    /// DESIGN.md's `board caps` JSON; the notes are in `language`, the keys never are.
    public func json(_ language: Language) throws -> String {
        try JSONText.encode(BoardCapJSON(cap: self, language: language))
    }
}

private struct BoardCapJSON: Encodable {
    let cap: BoardCap
    let language: Language

    private enum CodingKeys: String, CodingKey {
        case year, members, notes
        case tierCap = "tier_cap"
        case effectiveCap = "effective_cap"
        case relaxationEligible = "relaxation_eligible"
        case relaxedCap = "relaxed_cap"
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cap.year, forKey: .year)
        try container.encode(cap.members, forKey: .members)
        try container.encode(cap.tierCap, forKey: .tierCap)
        try container.encode(cap.effectiveCap, forKey: .effectiveCap)
        try container.encode(cap.relaxationEligible, forKey: .relaxationEligible)
        try container.encode(cap.relaxedCap, forKey: .relaxedCap)
        try container.encode(cap.notes.map { $0(language) }, forKey: .notes)
    }
}
