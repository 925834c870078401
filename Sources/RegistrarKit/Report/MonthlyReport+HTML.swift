extension MonthlyReport {
    /// The report as one self-contained HTML page: inline CSS, an inline SVG chart, the tables; no script, no network.
    public func html(_ language: Language) -> String {
        let title = ReportWords.monthlyTitle(language) + " " + month.description
        return """
        <!DOCTYPE html>
        <html lang="\(language == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLEscape.escape(title))</title>
        <style>
        body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #222; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
        table { border-collapse: collapse; margin: 0.5em 0; }
        th, td { border: 1px solid #ccc; padding: 0.25em 0.7em; text-align: left; }
        th { background: #f2f4f7; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .note { color: #444; }
        figure { margin: 1em 0; } svg { max-width: 100%; height: auto; }
        </style>
        </head>
        <body>
        <h1>\(HTMLEscape.escape(title))</h1>
        <figure>
        \(chart(language).render())</figure>
        \(sections.map { $0.html(language) }.joined())</body>
        </html>

        """
    }

    /// The chart of the last 24 month-end counts against the base and target counts.
    func chart(_ language: Language) -> SVGLineChart {
        var lines = [SVGLineChart.ReferenceLine(
            label: "\(ReportWords.baseLine(language)) (\(goal.goal.baseYear))", value: goal.baseCount, color: "#7a7a7a")]
        if let target = goal.targetCount {
            lines.append(.init(label: "\(ReportWords.targetLine(language)) (\(goal.goal.targetYear))",
                               value: target, color: "#c0392b"))
        }
        return SVGLineChart(
            title: ReportWords.chartTitle(language), xAxisTitle: ReportWords.month(language),
            yAxisTitle: ReportWords.members(language), seriesLabel: ReportWords.endCount(language),
            points: recentSeries(24).map { .init(label: $0.month.description, value: $0.endCount) },
            referenceLines: lines)
    }
}
