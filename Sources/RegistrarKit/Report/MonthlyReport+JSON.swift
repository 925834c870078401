extension MonthlyReport {
    /// The report as JSON with DESIGN.md's keys, plus `net`, month-on-month, progress,
    /// breakdowns, units and settings; percents are numbers rounded to two decimals, null where undefined.
    public func json() throws -> String {
        try JSONText.encode(MonthlyReportJSON(report: self))
    }
}

/// The JSON shape of `MonthlyReport`; keys are contract and never follow the language.
private struct MonthlyReportJSON: Encodable {
    let report: MonthlyReport

    private enum CodingKeys: String, CodingKey {
        case month, joined, left, net, goal, progress, series, breakdowns, units, settings, standing, activity, society
        case madeOn = "made_on"
        case startCount = "start_count"
        case endCount = "end_count"
        case momChange = "mom_change"
        case momPercent = "mom_percent"
        case yearAgoEndCount = "year_ago_end_count"
        case yoyPercent = "yoy_percent"
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(report.month.description, forKey: .month)
        try container.encode(report.startCount, forKey: .startCount)
        try container.encode(report.joined, forKey: .joined)
        try container.encode(report.left, forKey: .left)
        try container.encode(report.endCount, forKey: .endCount)
        try container.encode(report.net, forKey: .net)
        try container.encode(report.monthOnMonth.change, forKey: .momChange)
        try container.encode(report.monthOnMonth.percent?.jsonNumber, forKey: .momPercent)
        try container.encode(report.yearAgoEndCount, forKey: .yearAgoEndCount)
        try container.encode(report.yearOnYear.percent?.jsonNumber, forKey: .yoyPercent)
        try container.encode(GoalJSON(verdict: report.goal), forKey: .goal)
        try container.encode(ProgressJSON(progress: report.progress), forKey: .progress)
        try container.encode(report.shownSeries.map(SeriesPointJSON.init), forKey: .series)
        if !report.society.isEmpty { try container.encode(report.society, forKey: .society) }
        try container.encodeIfPresent(report.madeOn?.iso, forKey: .madeOn)
        try container.encode(report.breakdowns.map(BreakdownJSON.init), forKey: .breakdowns)
        try container.encode(UnitsJSON(units: report.units), forKey: .units)
        try container.encode(SettingsJSON(goal: report.goal.goal), forKey: .settings)
        if let standing = report.standing { try container.encode(StandingJSON(standing), forKey: .standing) }
        if !report.activity.isEmpty { try container.encode(report.activity.map(ActivityJSON.init), forKey: .activity) }
    }
}

private struct ProgressJSON: Encodable {
    let progress: GoalProgress

    private enum CodingKeys: String, CodingKey {
        case needed
        case targetYear = "target_year"
        case monthsLeft = "months_left"
        case monthlyPaceNeeded = "monthly_pace_needed"
        case lastThreeMonthsNet = "last_three_months_net"
        case onPace = "on_pace"
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(progress.targetYear, forKey: .targetYear)
        try container.encode(progress.needed, forKey: .needed)
        try container.encode(progress.monthsLeft, forKey: .monthsLeft)
        try container.encode(progress.monthlyPaceNeeded, forKey: .monthlyPaceNeeded)
        try container.encode(progress.lastThreeMonthsNet, forKey: .lastThreeMonthsNet)
        try container.encode(progress.onPace, forKey: .onPace)
    }
}

private struct SeriesPointJSON: Encodable {
    let month: String
    let endCount: Int

    init(_ point: MonthCount) {
        month = point.month.description
        endCount = point.endCount
    }

    private enum CodingKeys: String, CodingKey {
        case month
        case endCount = "end_count"
    }
}

/// A breakdown as `{"dimension", "rows": [{"key", "count"}]}`; an array keeps the rows' order.
private struct BreakdownJSON: Encodable {
    struct Row: Encodable {
        let key: String
        let count: Int
    }

    let dimension: String
    let rows: [Row]

    init(_ breakdown: Breakdown) {
        dimension = breakdown.dimension.rawValue
        rows = breakdown.rows.map { Row(key: $0.key, count: $0.count) }
    }
}

private struct UnitsJSON: Encodable {
    let units: UnitMemberFlow

    private enum CodingKeys: String, CodingKey {
        case joined, left
        case startCount = "start_count"
        case endCount = "end_count"
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(units.startCount, forKey: .startCount)
        try container.encode(units.joined, forKey: .joined)
        try container.encode(units.left, forKey: .left)
        try container.encode(units.endCount, forKey: .endCount)
    }
}

private struct SettingsJSON: Encodable {
    let goal: GrowthGoal

    private enum CodingKeys: String, CodingKey {
        case baseYear = "base_year"
        case targetYear = "target_year"
        case goalPercent = "goal_percent"
        case targetPercent = "target_percent"
    }

    /// `target_percent`, the name `growth` and `goal` give the setting; `goal_percent`, the key
    /// scripts already read, stays beside it (CHANGELOG.md).
    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(goal.baseYear, forKey: .baseYear)
        try container.encode(goal.targetYear, forKey: .targetYear)
        try container.encode(goal.rate.jsonNumber, forKey: .goalPercent)
        try container.encode(goal.rate.jsonNumber, forKey: .targetPercent)
    }
}
