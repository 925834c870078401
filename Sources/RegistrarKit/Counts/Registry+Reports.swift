import GRDB

extension SocietySettings {
    /// The G1 goal as configured: base year, target year and rate.
    public var growthGoal: GrowthGoal {
        GrowthGoal(baseYear: baseYear, targetYear: targetYear, rate: Percent(basisPoints: goalBasisPoints))
    }

    public var relaxationThreshold: Percent { Percent(basisPoints: relaxationThresholdBasisPoints) }

    /// The relaxed board cap, only when the society configured one (RULES.md G2: never invented).
    public var relaxedCapSetting: RelaxedCapSetting? {
        if let seats = relaxedCapSeats { return .seats(seats) }
        if let basisPoints = relaxedCapBasisPoints { return .percentOverCap(Percent(basisPoints: basisPoints)) }
        return nil
    }
}

extension Registry {
    /// `growth --year Y`: members at the end of Y−1 and of Y, the goal judged on the end of Y,
    /// and whether Y's growth relaxes the board cap at an election in Y+1.
    public func growthReport(year: Int) throws -> GrowthReport {
        try read { db in
            let settings = try Registry.settings(db)
            let start = try Registry.count(db, on: Day.endOfYear(year - 1)).individual
            let end = try Registry.count(db, on: Day.endOfYear(year)).individual
            let base = try Registry.count(db, on: Day.endOfYear(settings.baseYear)).individual
            return GrowthReport(year: year, startCount: start, endCount: end,
                                goal: settings.growthGoal.evaluate(baseCount: base, count: end),
                                relaxationThreshold: settings.relaxationThreshold)
        }
    }

    /// `board caps --year Y`: the cap for a board elected in Y, from members at the end of Y−1 and
    /// the growth of Y−1 (上年度, the last full year before the election).
    public func boardCap(year: Int, previousBoardSize: Int?) throws -> BoardCap {
        try read { db in
            let settings = try Registry.settings(db)
            let before = try Registry.count(db, on: Day.endOfYear(year - 2)).individual
            let members = try Registry.count(db, on: Day.endOfYear(year - 1)).individual
            let relaxation = RelaxationEligibility(year: year - 1, startCount: before, endCount: members,
                                                   threshold: settings.relaxationThreshold)
            return BoardCap(year: year, members: members, previousBoardSize: previousBoardSize,
                            relaxation: relaxation, relaxedCapSetting: settings.relaxedCapSetting)
        }
    }

    /// `report monthly --month M`: flows of M, 120 month-end counts to M, progress toward the goal,
    /// breakdowns of the members at the end of M, and unit members apart.
    public func monthlyReport(month: YearMonth) throws -> MonthlyReport {
        try read { db in
            let settings = try Registry.settings(db)
            let flows = try Registry.monthlyFlows(db, month.adding(months: -119)...month, of: .individual)
            let current = flows[flows.count - 1]
            let yearAgo = flows[flows.count - 13]
            // The base year's end is usually inside the series; only look it up when it is not.
            let baseMonth = YearMonth(year: settings.baseYear, month: 12)!
            let base = try flows.first { $0.month == baseMonth }?.endCount
                ?? Registry.count(db, on: Day.endOfYear(settings.baseYear)).individual
            let units = try Registry.monthlyFlows(db, month...month, of: .unit)[0]
            var report = MonthlyReport(
                month: month, startCount: current.endCount - current.joined + current.left,
                joined: current.joined, left: current.left, endCount: current.endCount,
                yearAgoEndCount: yearAgo.endCount,
                goal: settings.growthGoal.evaluate(baseCount: base, count: current.endCount),
                series: flows.map { MonthCount(month: $0.month, endCount: $0.endCount) },
                breakdowns: try Registry.breakdown(db, on: month.lastDay).reportBreakdowns,
                units: UnitMemberFlow(startCount: units.endCount - units.joined + units.left, joined: units.joined,
                                      left: units.left, endCount: units.endCount))
            report.society = settings.name
            return report
        }
    }
}

extension MemberBreakdown {
    /// The breakdowns in the report's order, largest first within each, "not recorded" last.
    var reportBreakdowns: [Breakdown] {
        func rows(_ counts: [String?: Int], label: (String) -> Breakdown.Row) -> [Breakdown.Row] {
            let known = counts.compactMap { key, count in key.map { ($0, count) } }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            return known.map { label($0.0) } + (counts[nil].map { [Breakdown.Row.unknown(count: $0)] } ?? [])
        }
        return [
            Breakdown(.gender, rows: rows(gender) { key in
                Breakdown.Row(key: key, label: MemberTerms.gender(key), count: gender[key] ?? 0)
            }),
            Breakdown.ageBands(ageBand),
            Breakdown(.grade, rows: rows(grade) { key in
                Breakdown.Row(key: key, label: MemberTerms.grade(key), count: grade[key] ?? 0)
            }),
            Breakdown(.province, rows: rows(province) { Breakdown.Row(value: $0, count: province[$0] ?? 0) }),
            Breakdown(.discipline, rows: rows(discipline) { Breakdown.Row(value: $0, count: discipline[$0] ?? 0) }),
            Breakdown.grassroots(yes: grassroots[true] ?? 0, no: grassroots[false] ?? 0, unknown: grassroots[nil] ?? 0),
        ]
    }
}
