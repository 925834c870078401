extension BoardCheck {
    /// The heading that names the term and its dates.
    func heading(_ language: Language) -> String {
        let end = term.end?.iso ?? ""
        return Text(en: "Board check: term \(term.termNo) (\(term.start.iso) – \(end))",
                    zh: "理事会检查：第\(term.termNo)届（\(term.start.iso) – \(end)）")(language)
    }

    /// A summary table of verdicts, then each rule's reason, notes and the directors it names.
    public func table(_ language: Language) -> String {
        var out = heading(language) + "\n\n"
        out += TextTable(headers: [Text(en: "rule", zh: "规则")(language), Text(en: "verdict", zh: "结论")(language)],
                         rows: rules.map { [$0.title(language), $0.verdict.label(language)] }).render()
        for rule in rules {
            let width = TerminalWidth.columns
            out += "\n" + TextWrap.paragraph(rule.title(language) + (language == .zh ? "：" : ": ") + rule.verdict.label(language), width: width)
                + "\n" + TextWrap.paragraph(rule.reason(language), width: width, prefix: "  ") + "\n"
            for note in rule.notes { out += TextWrap.paragraph(note(language), width: width, prefix: "  - ") + "\n" }
            for person in rule.named {
                out += TextWrap.paragraph("\(person.memberNo) \(person.name)" + (language == .zh ? "：" : ": ") + person.detail(language),
                                          width: width, prefix: "  * ") + "\n"
            }
        }
        out += "\n" + (allMet ? Text(en: "Every rule is met or not applicable.", zh: "各项规则均符合或不适用。")
                              : Text(en: "At least one rule is not met (exit status 3).", zh: "至少一项规则不符合（退出状态 3）。"))(language) + "\n"
        return out
    }

    /// `{"term_no", "start_date", "end_date", "previous_term_no", "all_met", "rules": [...]}`; reasons in `language`.
    public func json(_ language: Language) throws -> String {
        try JSONText.encode(BoardCheckJSON(check: self, language: language))
    }
}

private struct BoardCheckJSON: Encodable {
    let check: BoardCheck
    let language: Language

    private enum CodingKeys: String, CodingKey {
        case termNo = "term_no", startDate = "start_date", endDate = "end_date", previousTermNo = "previous_term_no"
        case allMet = "all_met", rules
    }

    struct RuleJSON: Encodable {
        let rule: BoardRule
        let language: Language

        private enum CodingKeys: String, CodingKey { case rule, title, verdict, numbers, reason, notes, directors }
        private struct Person: Encodable {
            let member_no: String
            let name: String
            let detail: String
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rule.key, forKey: .rule)
            try container.encode(rule.title(language), forKey: .title)
            try container.encode(rule.verdict.rawValue, forKey: .verdict)
            try container.encode(ValuesJSON(values: rule.numbers), forKey: .numbers)
            try container.encode(rule.reason(language), forKey: .reason)
            try container.encode(rule.notes.map { $0(language) }, forKey: .notes)
            try container.encode(rule.named.map { Person(member_no: $0.memberNo, name: $0.name, detail: $0.detail(language)) },
                                 forKey: .directors)
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(check.term.termNo, forKey: .termNo)
        try container.encode(check.term.start.iso, forKey: .startDate)
        try container.encode(check.term.end?.iso, forKey: .endDate)
        try container.encode(check.previousTerm?.termNo, forKey: .previousTermNo)
        try container.encode(check.allMet, forKey: .allMet)
        try container.encode(check.rules.map { RuleJSON(rule: $0, language: language) }, forKey: .rules)
    }
}

/// Named report values as a JSON object: counts as integers, percentages as numbers, null where undefined.
struct ValuesJSON: Encodable {
    let values: [(key: String, value: ReportSection.Value)]

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (key, value) in values {
            let codingKey = Key(stringValue: key)
            switch value {
            case .count(let number), .year(let number): try container.encode(number, forKey: codingKey)
            case .percent(let percent?): try container.encode(percent.jsonNumber, forKey: codingKey)
            case .hundredths(let hundredths): try container.encode(Double(hundredths) / 100, forKey: codingKey)
            case .setting(let percent): try container.encode(percent.jsonNumber, forKey: codingKey)
            case .verdict(let verdict): try container.encode(verdict, forKey: codingKey)
            case .text(let text): try container.encode(text.en, forKey: codingKey)
            case .percent(nil), .missing: try container.encodeNil(forKey: codingKey)
            }
        }
    }
}
