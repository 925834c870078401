extension MonthlyReport {
    /// The report's sections in reading order, shared by the table, CSV and HTML renderings.
    var sections: [ReportSection] {
        [summarySection] + registrationSections + [goalSection, progressSection, unitSection]
            + breakdowns.map(Self.section(for:))
            + [seriesSection, settingsSection]
    }

    private var summarySection: ReportSection {
        .items(key: "summary", title: ReportWords.summary, [
            ("month", ReportWords.month, .text(Text(en: month.description, zh: month.description))),
            ("start_count", ReportWords.startCount, .count(startCount)),
            ("joined", ReportWords.joined, .count(joined)),
            ("left", ReportWords.left, .count(left)),
            ("end_count", ReportWords.endCount, .count(endCount)),
            ("net", ReportWords.net, .count(net)),
            ("mom_change", ReportWords.monthOnMonth, .count(monthOnMonth.change)),
            ("mom_percent", ReportWords.monthOnMonthPercent, .percent(monthOnMonth.percent)),
            ("year_ago_end_count", ReportWords.yearAgoEndCount, .count(yearAgoEndCount)),
            ("yoy_percent", ReportWords.yearOnYearPercent, .percent(yearOnYear.percent)),
        ])
    }

    private var goalSection: ReportSection {
        .items(key: "goal", title: ReportWords.goal, [
            ("base_year", ReportWords.baseYear, .year(goal.goal.baseYear)),
            ("base_count", ReportWords.baseCount, .count(goal.baseCount)),
            ("target_percent", ReportWords.targetPercent, .setting(goal.goal.rate)),
            ("target_count", ReportWords.targetCount, .count(goal.targetCount)),
            ("met", ReportWords.met, .verdict(goal.met)),
        ], note: goal.reason)
    }

    private var progressSection: ReportSection {
        return .items(key: "progress", title: ReportWords.progress, [
            ("needed", ReportWords.needed, .count(progress.needed)),
            ("months_left", ReportWords.monthsLeft, .count(progress.monthsLeft)),
            ("monthly_pace_needed", ReportWords.paceNeeded,
             .count(progress.monthlyPaceNeeded)),
            ("last_three_months_average", ReportWords.lastThreeAverage,
             progress.lastThreeMonthsAverageHundredths.map(ReportSection.Value.hundredths) ?? .missing),
            ("on_pace", ReportWords.onPace, .verdict(progress.onPace)),
        ], note: progress.reason)
    }

    private var unitSection: ReportSection {
        .items(key: "units", title: ReportWords.units, [
            ("start_count", ReportWords.startCount, .count(units.startCount)),
            ("joined", ReportWords.joined, .count(units.joined)),
            ("left", ReportWords.left, .count(units.left)),
            ("end_count", ReportWords.endCount, .count(units.endCount)),
        ])
    }

    private static func section(for breakdown: Breakdown) -> ReportSection {
        ReportSection(
            key: "breakdown." + breakdown.dimension.rawValue, title: breakdown.dimension.title,
            headings: [breakdown.dimension.title, ReportWords.members, ReportWords.share],
            rows: breakdown.rows.map {
                .init(key: $0.key, label: $0.label, values: [.count($0.count), .percent(breakdown.share(of: $0))])
            })
    }

    private var seriesSection: ReportSection {
        ReportSection(
            key: "series", title: ReportWords.series, headings: [ReportWords.month, ReportWords.endCount],
            rows: shownSeries.map {
                .init(key: $0.month.description, label: Text(en: $0.month.description, zh: $0.month.description),
                      values: [.count($0.endCount)])
            })
    }

    private var settingsSection: ReportSection {
        .items(key: "settings", title: ReportWords.settings, [
            ("base_year", ReportWords.baseYear, .year(goal.goal.baseYear)),
            ("target_year", ReportWords.targetYear, .year(goal.goal.targetYear)),
            ("target_percent", ReportWords.targetPercent, .setting(goal.goal.rate)),
        ])
    }
}
