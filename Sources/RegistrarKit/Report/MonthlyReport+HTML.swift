extension MonthlyReport {
    /// The report as one self-contained HTML page: inline CSS, an inline SVG chart, the tables; no script, no network.
    public func html(_ language: Language) -> String {
        HTMLPage.document(title: ReportWords.monthlyTitle(language) + " " + month.description, language: language,
                          body: (byline(language).map { "<p class=\"byline\">\(HTMLEscape.escape($0))</p>\n" } ?? "")
                            + "<figure>\n\(chart(language).render())</figure>\n" + sections.map { $0.html(language) }.joined())
    }

    /// The chart of the month-end counts shown (the last 24 unless asked for more) against the base
    /// and target counts.
    func chart(_ language: Language) -> SVGLineChart {
        var lines = [SVGLineChart.ReferenceLine(
            label: "\(ReportWords.baseLine(language)) (\(goal.goal.baseYear))", value: goal.baseCount, color: "#7a7a7a")]
        if let target = goal.targetCount {
            lines.append(.init(label: "\(ReportWords.targetLine(language)) (\(goal.goal.targetYear))",
                               value: target, color: "#c0392b"))
        }
        return SVGLineChart(
            title: ReportWords.chartTitle(months: shownSeries.count)(language), xAxisTitle: ReportWords.month(language),
            yAxisTitle: ReportWords.members(language), seriesLabel: ReportWords.endCount(language),
            points: shownSeries.map { .init(label: $0.month.description, value: $0.endCount) },
            referenceLines: lines)
    }
}
