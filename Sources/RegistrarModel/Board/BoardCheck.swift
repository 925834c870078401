/// A rule's verdict: met, not met, or not applicable (with the reason saying why).
public enum RuleVerdict: String, Sendable, Equatable {
    case met
    case notMet = "not_met"
    case notApplicable = "not_applicable"

    public var label: Text {
        switch self {
        case .met: Text(en: "met", zh: "符合")
        case .notMet: Text(en: "NOT MET", zh: "不符合")
        case .notApplicable: Text(en: "not applicable", zh: "不适用")
        }
    }
}

/// 理事会届次: a term of the board.
public struct BoardTerm: Sendable, Equatable {
    public let termNo: Int
    public let start: Day
    public let end: Day?

    package init(termNo: Int, start: Day, end: Day? = nil) {
        self.termNo = termNo
        self.start = start
        self.end = end
    }
}

/// A director at or over the society's threshold of absences without cause.
public struct AbsentDirector: Sendable, Equatable {
    /// RULES.md B2: a director is flagged at or above the threshold of unexcused absences in the term.
    public static func isFlagged(unexcused: Int, threshold: Int) -> Bool { unexcused >= threshold }

    public let memberNo: String
    public let name: String
    public let unexcused: Int

    package init(memberNo: String, name: String, unexcused: Int) {
        self.memberNo = memberNo
        self.name = name
        self.unexcused = unexcused
    }
}

/// A seat recorded as secretary-general (秘书长) and whether it is full-time.
public struct SecretaryGeneralSeat: Sendable, Equatable {
    public let memberNo: String
    public let name: String
    public let fullTime: Bool?

    package init(memberNo: String, name: String, fullTime: Bool? = nil) {
        self.memberNo = memberNo
        self.name = name
        self.fullTime = fullTime
    }
}

/// One rule of `board check` with its verdict, the numbers it rests on, and the reason in words.
public struct BoardRule: Sendable {
    public let key: String
    public let title: Text
    public let verdict: RuleVerdict
    package let numbers: [(key: String, value: ReportSection.Value)]
    public let reason: Text
    public let notes: [Text]
    /// The directors the rule names (attendance, secretary-general).
    public let named: [(memberNo: String, name: String, detail: Text)]
}

/// 理事会检查: every board rule (B1, B2, S1) for one term, with the numbers behind each verdict.
public struct BoardCheck: Sendable {
    public let term: BoardTerm
    public let previousTerm: BoardTerm?
    public let composition: BoardComposition
    public let previousComposition: BoardComposition?
    public let cap: BoardCap
    public let youngAge: Int
    public let absenceThreshold: Int
    public let meetings: Int
    /// Only the directors at or over the threshold.
    public let absentees: [AbsentDirector]
    public let secretaries: [SecretaryGeneralSeat]

    public var rules: [BoardRule] {
        [capRule, grassrootsRule(.directors), grassrootsRule(.standingDirectors), cpcRule, youngRule, womenRule,
         absenceRule, secretaryRule]
    }

    /// True when no rule is "not met".
    public var allMet: Bool { !rules.contains { $0.verdict == .notMet } }

    package var capRule: BoardRule {
        let directors = composition.directors
        let limit = cap.relaxedCap.map { max($0, cap.effectiveCap) } ?? cap.effectiveCap
        let met = directors <= limit
        let relaxedText = cap.relaxedCap != nil && limit > cap.effectiveCap
            ? Text(en: " (the configured relaxed cap)", zh: "（学会设定的放宽后上限）") : Text(en: "", zh: "")
        let reason = met
            ? Text(en: "Met: \(directors) directors, within the cap of \(limit)\(relaxedText.en) for a board elected in \(cap.year).",
                   zh: "符合：理事\(directors)人，未超过\(cap.year)年换届的规模上限\(limit)人\(relaxedText.zh)。")
            : Text(en: "Not met: \(directors) directors, over the cap of \(limit)\(relaxedText.en) for a board elected in \(cap.year) by \(directors - limit).",
                   zh: "不符合：理事\(directors)人，超过\(cap.year)年换届的规模上限\(limit)人\(relaxedText.zh)\(directors - limit)人。")
        return BoardRule(
            key: "b1_cap", title: Text(en: "B1 board size cap", zh: "B1 理事会规模"), verdict: met ? .met : .notMet,
            numbers: [("directors", .count(directors)), ("members", .count(cap.members)), ("tier_cap", .count(cap.tierCap)),
                      ("previous_size", .count(previousComposition?.directors)), ("effective_cap", .count(cap.effectiveCap)),
                      ("relaxed_cap", .count(cap.relaxedCap))],
            reason: reason, notes: cap.notes, named: [])
    }

    package func grassrootsRule(_ body: GrassrootsShare.Body) -> BoardRule {
        let share = body == .directors
            ? GrassrootsShare(body: body, grassroots: composition.grassrootsDirectors, total: composition.directors)
            : GrassrootsShare(body: body, grassroots: composition.grassrootsStanding, total: composition.standing)
        let verdict: RuleVerdict = switch share.outcome {
        case .met: .met
        case .notMet: .notMet
        case .notApplicable: .notApplicable
        }
        return BoardRule(
            key: body == .directors ? "grassroots_directors" : "grassroots_standing",
            title: body == .directors ? Text(en: "B2 grassroots share of directors (≥ 3/4)", zh: "B2 理事中基层一线比例（四分之三以上）")
                : Text(en: "B2 grassroots share of standing directors (≥ 2/3)", zh: "B2 常务理事中基层一线比例（三分之二以上）"),
            verdict: verdict,
            numbers: [("grassroots", .count(share.grassroots)), ("total", .count(share.total)), ("share_percent", .percent(share.share))],
            reason: share.reason, notes: [], named: [])
    }

    package var cpcRule: BoardRule {
        let share = composition.directors > 0 ? RoundedPercent(ratioOf: composition.cpc, to: composition.directors) : nil
        return BoardRule(
            key: "cpc_share", title: Text(en: "B2 CPC members among directors (reported)", zh: "B2 理事中中共党员比例（仅报告）"),
            verdict: .notApplicable,
            numbers: [("cpc", .count(composition.cpc)), ("total", .count(composition.directors)), ("share_percent", .percent(share))],
            reason: Text(
                en: "Reported only: \(composition.cpc) of \(composition.directors) directors (\(share?.text ?? "-")%) are CPC members; the text asks for \"a considerable proportion\" and sets no number.",
                zh: "仅报告：\(composition.directors)名理事中中共党员\(composition.cpc)名（\(share?.text ?? "-")%）；文件要求“相当比例”，未规定具体数字。"),
            notes: [], named: [])
    }

    package var youngRule: BoardRule {
        var notes: [Text] = []
        if composition.birthUnknown > 0 {
            notes.append(Text(en: "\(composition.birthUnknown) directors have no birth date on record and count as not young.",
                              zh: "\(composition.birthUnknown)名理事无出生日期记录，按非中青年计。"))
        }
        return risingShareRule(
            key: "young_share",
            title: Text(en: "B2 young and middle-aged directors (\(youngAge) or under), compared with the previous term",
                        zh: "B2 中青年理事（\(youngAge)周岁以下）比例，与上一届比较"),
            what: Text(en: "young and middle-aged", zh: "中青年"),
            count: composition.young, previous: previousComposition?.young, notes: notes)
    }

    package var womenRule: BoardRule {
        risingShareRule(
            key: "women_share", title: Text(en: "B2 women directors, compared with the previous term", zh: "B2 女性理事比例，与上一届比较"),
            what: Text(en: "women", zh: "女性"), count: composition.women, previous: previousComposition?.women, notes: [])
    }

    /// The share should rise: a fall from the previous term is "not met", decided as `c·p < q·n` exactly.
    private func risingShareRule(key: String, title: Text, what: Text, count: Int, previous: Int?, notes: [Text]) -> BoardRule {
        let total = composition.directors
        let share = total > 0 ? RoundedPercent(ratioOf: count, to: total) : nil
        let numbers: [(key: String, value: ReportSection.Value)] = [
            ("count", .count(count)), ("total", .count(total)), ("share_percent", .percent(share)),
            ("previous_count", .count(previous)), ("previous_total", .count(previousComposition?.directors)),
            ("previous_share_percent", .percent(previousComposition.flatMap { p in
                p.directors > 0 ? RoundedPercent(ratioOf: previous ?? 0, to: p.directors) : nil })),
        ]
        guard let previousTerm, let previousComposition, let previous, previousComposition.directors > 0, total > 0 else {
            let reason = previousTerm == nil
                ? Text(en: "Not applicable: there is no previous term in the registry to compare with (term \(term.termNo) is the earliest); \(count) of \(total) directors (\(share?.text ?? "-")%) are \(what.en).",
                       zh: "不适用：会员库中没有上一届可供比较（第\(term.termNo)届为最早一届）；\(total)名理事中\(what.zh)\(count)名（\(share?.text ?? "-")%）。")
                : Text(en: "Not applicable: one of the two terms has no directors.", zh: "不适用：两届中有一届没有理事。")
            return BoardRule(key: key, title: title, verdict: .notApplicable, numbers: numbers, reason: reason, notes: notes, named: [])
        }
        let before = RoundedPercent(ratioOf: previous, to: previousComposition.directors)
        let now = RoundedPercent(ratioOf: count, to: total) // the share above, there being directors
        let fell = count * previousComposition.directors < previous * total
        let reason = fell
            ? Text(en: "Not met: \(what.en) directors fell from \(before.text)% (\(previous) of \(previousComposition.directors), term \(previousTerm.termNo)) to \(now.text)% (\(count) of \(total)); the share should rise.",
                   zh: "不符合：\(what.zh)理事比例由第\(previousTerm.termNo)届的\(before.text)%（\(previousComposition.directors)名中\(previous)名）降至\(now.text)%（\(total)名中\(count)名）；该比例应提高。")
            : Text(en: "Met: \(what.en) directors \(now.text)% (\(count) of \(total)), not below \(before.text)% (\(previous) of \(previousComposition.directors)) in term \(previousTerm.termNo).",
                   zh: "符合：\(what.zh)理事比例\(now.text)%（\(total)名中\(count)名），不低于第\(previousTerm.termNo)届的\(before.text)%（\(previousComposition.directors)名中\(previous)名）。")
        return BoardRule(key: key, title: title, verdict: fell ? .notMet : .met, numbers: numbers, reason: reason, notes: notes, named: [])
    }

    package var absenceRule: BoardRule {
        let title = Text(en: "B2 unexcused absences (threshold \(absenceThreshold))", zh: "B2 无故缺席（阈值\(absenceThreshold)次）")
        let numbers: [(key: String, value: ReportSection.Value)] = [
            ("meetings", .count(meetings)), ("threshold", .count(absenceThreshold)), ("flagged", .count(absentees.count))]
        let named = absentees.map { ($0.memberNo, $0.name, Text(en: "\($0.unexcused) unexcused absences", zh: "无故缺席\($0.unexcused)次")) }
        if meetings == 0 {
            return BoardRule(key: "absences", title: title, verdict: .notApplicable, numbers: numbers, reason: Text(
                en: "Not applicable: no meetings of term \(term.termNo) are recorded; import them with registrar import board-attendance.",
                zh: "不适用：未记录第\(term.termNo)届的会议；请用 registrar import board-attendance 导入。"), notes: [], named: [])
        }
        if absentees.isEmpty {
            return BoardRule(key: "absences", title: title, verdict: .met, numbers: numbers, reason: Text(
                en: "Met: over \(meetings) meetings no director has \(absenceThreshold) or more absences without cause.",
                zh: "符合：\(meetings)次会议中没有理事无故缺席达到\(absenceThreshold)次。"), notes: [], named: named)
        }
        return BoardRule(key: "absences", title: title, verdict: .notMet, numbers: numbers, reason: Text(
            en: "Not met: \(absentees.count) director\(absentees.count == 1 ? "" : "s") missed \(absenceThreshold) or more of \(meetings) meetings without cause; they should be considered for replacement.",
            zh: "不符合：\(absentees.count)名理事在\(meetings)次会议中无故缺席达到\(absenceThreshold)次及以上，应考虑予以调整。"), notes: [], named: named)
    }

    package var secretaryRule: BoardRule {
        let title = Text(en: "S1 one full-time secretary-general", zh: "S1 秘书长专职且仅一名")
        let numbers: [(key: String, value: ReportSection.Value)] = [
            ("seats", .count(secretaries.count)), ("full_time", .count(secretaries.filter { $0.fullTime == true }.count))]
        let named = secretaries.map { seat in
            (seat.memberNo, seat.name, seat.fullTime == true ? Text(en: "full-time", zh: "专职")
                : seat.fullTime == false ? Text(en: "not full-time", zh: "非专职") : Text(en: "full-time not recorded", zh: "未记录是否专职"))
        }
        let (verdict, reason): (RuleVerdict, Text)
        switch secretaries.count {
        case 0:
            (verdict, reason) = (.notMet, Text(en: "Not met: no seat of term \(term.termNo) is recorded as secretary-general; record one (职务 秘书长).",
                                               zh: "不符合：第\(term.termNo)届没有登记秘书长；请登记（职务 秘书长）。"))
        case 1 where secretaries[0].fullTime == true:
            (verdict, reason) = (.met, Text(en: "Met: one secretary-general, full-time.", zh: "符合：秘书长一名，专职。"))
        case 1:
            (verdict, reason) = (.notMet, Text(en: "Not met: the secretary-general is not recorded as full-time (专职 是).",
                                               zh: "不符合：秘书长未登记为专职（专职 是）。"))
        default:
            (verdict, reason) = (.notMet, Text(en: "Not met: \(secretaries.count) seats are recorded as secretary-general; there should be one.",
                                               zh: "不符合：登记了\(secretaries.count)名秘书长；应为一名。"))
        }
        return BoardRule(key: "secretary_general", title: title, verdict: verdict, numbers: numbers, reason: reason, notes: [], named: named)
    }

    package init(term: BoardTerm, previousTerm: BoardTerm? = nil, composition: BoardComposition, previousComposition: BoardComposition? = nil, cap: BoardCap, youngAge: Int, absenceThreshold: Int, meetings: Int, absentees: [AbsentDirector], secretaries: [SecretaryGeneralSeat]) {
        self.term = term
        self.previousTerm = previousTerm
        self.composition = composition
        self.previousComposition = previousComposition
        self.cap = cap
        self.youngAge = youngAge
        self.absenceThreshold = absenceThreshold
        self.meetings = meetings
        self.absentees = absentees
        self.secretaries = secretaries
    }
}
