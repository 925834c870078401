import GRDB
import RegistrarModel
import RegistrarInput

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
            let baseMonth = YearMonth(Day.endOfYear(settings.baseYear))
            let base = try flows.first { $0.month == baseMonth }?.endCount
                ?? Registry.count(db, on: Day.endOfYear(settings.baseYear)).individual
            let units = try Registry.monthlyFlows(db, month...month, of: .unit)[0]
            // Who is in good standing at the end of the month, read once for the breakdowns and the standing.
            let standing = try GoodStanding(db, on: month.lastDay, rule: settings.registration)
            // The end of the month before: with registration, standing also changes without a join or an exit.
            let previous = flows[flows.count - 2]
            var report = MonthlyReport(
                month: month, startCount: previous.endCount,
                joined: current.joined, left: current.left, endCount: current.endCount,
                yearAgoEndCount: yearAgo.endCount,
                goal: settings.growthGoal.evaluate(baseCount: base, count: current.endCount),
                series: flows.map { MonthCount(month: $0.month, endCount: $0.endCount) },
                breakdowns: try Registry.breakdown(db, on: month.lastDay, standing: standing).reportBreakdowns,
                units: UnitMemberFlow(startCount: units.endCount - units.joined + units.left, joined: units.joined,
                                      left: units.left, endCount: units.endCount))
            if settings.registration.isRequired(in: month.year) {
                // The unit members at the end of the month are the unit flows' month-end count (`Standing.monthEnds`).
                report.standing = MembershipCount(asOf: month.lastDay.iso, individual: standing.inGoodStanding,
                                                  unit: units.endCount, individualOnRoll: standing.onRoll)
            }
            report.activity = try Registry.activity(db, flows: flows)
            report.society = settings.name
            return report
        }
    }

    /// This month, last month and the year to date, from the month-end flows (the last of which is
    /// this month) and the registrations dated in each stretch.
    static func activity(_ db: Database, flows: [MonthFlow]) throws -> [ActivityWindow] {
        guard let current = flows.last, flows.count >= 12 else { return [] }
        let last = flows[flows.count - 2]
        let windows: [(ActivityWindow.Window, ArraySlice<MonthFlow>)] = [
            (.thisMonth, flows.suffix(1)), (.lastMonth, [last][...]), (.yearToDate, flows.suffix(current.month.month)),
        ]
        let stretches = windows.map { _, months in
            (from: months.first?.month ?? current.month, through: months.last?.month ?? current.month)
        }
        // The three windows' renewals in one pass over the registrations, not one pass each: the
        // date is worked out once a row, and only the rows within the windows are counted.
        var arguments: [String] = []
        for stretch in stretches { arguments += [stretch.from.firstDay.iso, stretch.through.lastDay.iso] }
        arguments += [stretches.map(\.from).min()?.firstDay.iso ?? "", stretches.map(\.through).max()?.lastDay.iso ?? ""]
        let renewals = try Row.fetchOne(db, sql: """
            SELECT count(dated BETWEEN ?1 AND ?2 OR NULL), count(dated BETWEEN ?3 AND ?4 OR NULL),
                   count(dated BETWEEN ?5 AND ?6 OR NULL)
            FROM (SELECT coalesce(paid_on, recorded_on) AS dated FROM registration
                  WHERE coalesce(paid_on, recorded_on) BETWEEN ?7 AND ?8)
            """, arguments: StatementArguments(arguments)).map { row in (0..<3).map { row[$0] as Int } } ?? [0, 0, 0]
        return windows.enumerated().map { index, window in
            let (kind, months) = window
            return ActivityWindow(window: kind, from: stretches[index].from, through: stretches[index].through,
                                  newMembers: months.reduce(0) { $0 + $1.joined }, renewals: renewals[index],
                                  exits: months.reduce(0) { $0 + $1.left }, inGoodStanding: months.last?.endCount ?? current.endCount)
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
