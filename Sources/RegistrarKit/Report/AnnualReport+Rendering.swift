extension AnnualReport {
    /// The report as terminal tables.
    public func table(_ language: Language) -> String {
        title(language) + "\n" + (byline(language).map { $0 + "\n" } ?? "") + "\n"
            + sections.map { $0.table(language) }.joined(separator: "\n")
    }

    /// The report as Markdown, ready to paste into the society's annual report.
    public func markdown(_ language: Language) -> String {
        "# " + title(language) + "\n\n" + (byline(language).map { $0 + "\n\n" } ?? "")
            + sections.map { $0.markdown(language) }.joined(separator: "\n")
    }

    /// One self-contained HTML page: inline CSS, the tables; no script, nothing loaded from elsewhere.
    public func html(_ language: Language) -> String {
        HTMLPage.document(title: title(language), language: language,
                          body: (byline(language).map { "<p class=\"byline\">\(HTMLEscape.escape($0))</p>\n" } ?? "")
                            + (monthEnds.isEmpty ? "" : "<figure>\n\(chart(language).render())</figure>\n")
                            + sections.map { $0.html(language) }.joined())
    }

    /// The made-on date (the society's name is in the title already).
    func byline(_ language: Language) -> String? {
        ReportWords.byline(society: "", madeOn: madeOn, language)
    }

    /// The chart of the year: individual members at the end of each month, against the start of the year.
    func chart(_ language: Language) -> SVGLineChart {
        SVGLineChart(
            title: ReportWords.yearChartTitle(year)(language), xAxisTitle: ReportWords.month(language),
            yAxisTitle: ReportWords.members(language), seriesLabel: ReportWords.endCount(language),
            points: monthEnds.map { .init(label: $0.month.description, value: $0.endCount) },
            referenceLines: [.init(label: Text(en: "Members at the start of the year", zh: "年初会员数")(language), value: growth.growth.before,
                                   color: "#7a7a7a")])
    }

    /// The report as JSON for scripts: counts and verdicts only, the same keys in every language.
    public func json() throws -> String {
        try JSONText.encode(AnnualReportJSON(report: self))
    }
}

extension ReportSection {
    /// The section as a Markdown heading, pipe table and note.
    func markdown(_ language: Language) -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var text = "## " + title(language) + "\n\n"
        if !rows.isEmpty {
            text += "| " + headings.map { cell($0(language)) }.joined(separator: " | ") + " |\n"
            text += "|" + headings.indices.map { $0 > 0 && isNumericColumn($0 - 1) ? " ---: |" : " --- |" }.joined() + "\n"
            for row in rows {
                text += "| " + ([row.label(language)] + row.values.map { $0.display(language) }).map(cell).joined(separator: " | ") + " |\n"
            }
        }
        if let note { text += (rows.isEmpty ? "" : "\n") + note(language) + "\n" }
        return text
    }
}

private struct AnnualReportJSON: Encodable {
    let report: AnnualReport

    private enum CodingKeys: String, CodingKey {
        case year, society, members, growth, flows, services, integrity, board
        case madeOn = "made_on", monthEnds = "month_ends"
    }

    private struct Flow: Encodable { let joined: Int, left: Int }
    private struct MonthEnd: Encodable { let month: String, end_count: Int }
    private struct Service: Encodable { let type: String, channel: String, count: Int }
    private struct Services: Encodable { let total: Int, by_type: [Service] }
    private struct Integrity: Encodable {
        let opened: Int, decided: Int
        let by_allegation: [String: Int], by_sanction: [String: Int]
    }
    private struct Board: Encodable {
        let term_no: Int, start_date: String, directors: Int, standing_directors: Int
        let grassroots_directors: Int, grassroots_standing_directors: Int, women: Int
        let young_and_middle_aged: Int, young_age: Int, cpc: Int, secretary_general_full_time: Bool
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(report.year, forKey: .year)
        try container.encode(report.societyName, forKey: .society)
        try container.encodeIfPresent(report.madeOn?.iso, forKey: .madeOn)
        if !report.monthEnds.isEmpty {
            try container.encode(report.monthEnds.map { MonthEnd(month: $0.month.description, end_count: $0.endCount) }, forKey: .monthEnds)
        }
        try container.encode(report.members, forKey: .members)
        try container.encode(GrowthReportJSON(report: report.growth), forKey: .growth)
        try container.encode(["individual": Flow(joined: report.individualFlow.joined, left: report.individualFlow.left),
                              "unit": Flow(joined: report.unitFlow.joined, left: report.unitFlow.left)], forKey: .flows)
        try container.encode(Services(total: report.servicesTotal,
                                      by_type: report.services.map { Service(type: $0.type, channel: $0.channel, count: $0.count) }),
                             forKey: .services)
        try container.encode(Integrity(
            opened: report.casesOpened, decided: report.casesDecided,
            by_allegation: Dictionary(uniqueKeysWithValues: Allegation.allCases.map { ($0.rawValue, report.decidedByAllegation[$0] ?? 0) }),
            by_sanction: Dictionary(uniqueKeysWithValues: Sanction.allCases.map { ($0.rawValue, report.decidedBySanction[$0] ?? 0) })),
                             forKey: .integrity)
        let board = report.board.map { check in
            let c = check.composition
            return Board(term_no: check.term.termNo, start_date: check.term.start.iso, directors: c.directors, standing_directors: c.standing,
                         grassroots_directors: c.grassrootsDirectors, grassroots_standing_directors: c.grassrootsStanding, women: c.women,
                         young_and_middle_aged: c.young, young_age: check.youngAge, cpc: c.cpc,
                         secretary_general_full_time: check.rules.first { $0.key == "secretary_general" }?.verdict == .met)
        }
        try container.encode(board, forKey: .board)
    }
}
