/// 理事会规模上限: the most directors a society may elect, with the notes that explain it (B1, item 3).
public struct BoardCap: Sendable, Hashable {
    /// The year the board is (re)elected; `members` is the count at the end of the year before.
    public let year: Int
    public let members: Int
    public let tier: BoardCapTier
    /// The cap after the rule that a board should not exceed the previous one when that was smaller.
    public let effectiveCap: Int
    public let relaxation: RelaxationEligibility?
    /// The configured relaxed cap when eligible; never invented when none is configured.
    public let relaxedCap: Int?
    /// Why the numbers are what they are, one line each, in the order they apply.
    public let notes: [Text]

    /// Works out the cap for a board elected in `year` by a society of `members` individual members.
    ///
    /// - Parameters:
    ///   - previousBoardSize: directors on the outgoing board, when the election is a re-election.
    ///   - relaxation: the growth verdict (G2) of the last full year, if known.
    ///   - relaxedCapSetting: the society's configured relaxation, if any.
    public init(year: Int, members: Int, previousBoardSize: Int? = nil,
                relaxation: RelaxationEligibility? = nil, relaxedCapSetting: RelaxedCapSetting? = nil) {
        precondition(previousBoardSize.map { $0 >= 0 } ?? true, "a board size is never negative")
        self.year = year
        self.members = members
        self.tier = BoardCapTier(members: members)
        self.relaxation = relaxation
        var notes: [Text] = []
        let count = NumberText.grouped(members)

        if tier == .exactly100000 {
            notes.append(Text(
                en: "\(count) members exactly: the text covers neither \"under 100,000\" nor \"over 100,000\"; the stricter middle tier (180) applies.",
                zh: "会员恰为\(count)人：文件“不足10万人”与“超过10万人”两档均未涵盖，按较严的中间档（180人）执行。"))
        }

        var effectiveCap = tier.cap
        if let previous = previousBoardSize {
            if previous < tier.cap {
                effectiveCap = previous
                notes.append(Text(
                    en: "The previous board had \(previous) directors, below the tier cap of \(tier.cap); the new board should not exceed the previous one.",
                    zh: "上一届理事会\(previous)人，低于规模上限\(tier.cap)人；新一届原则上不超过上一届。"))
            } else if previous > tier.cap {
                notes.append(Text(
                    en: "The previous board had \(previous) directors, above the tier cap of \(tier.cap); the new board must shrink to the cap.",
                    zh: "上一届理事会\(previous)人，超过规模上限\(tier.cap)人；新一届须压缩至上限以内。"))
            }
        }
        self.effectiveCap = effectiveCap

        var relaxedCap: Int?
        if let relaxation {
            notes.append(relaxation.reason)
            if relaxation.eligible == true {
                if let setting = relaxedCapSetting {
                    let relaxed = setting.relaxedCap(over: effectiveCap)
                    relaxedCap = relaxed
                    notes.append(Self.note(for: setting, relaxed: relaxed, over: effectiveCap))
                } else {
                    notes.append(Text(
                        en: "No relaxed cap is configured; the text sets no amount, so none is applied.",
                        zh: "学会未设定放宽后的规模；文件未规定放宽幅度，故不自行放宽。"))
                }
            }
        } else {
            notes.append(Text(
                en: "Growth of the last full year is unknown, so relaxation was not considered.",
                zh: "上年度增长情况未知，未考虑放宽。"))
        }
        self.relaxedCap = relaxedCap
        self.notes = notes
    }

    /// The cap before relaxation, from the member count alone.
    public var tierCap: Int { tier.cap }

    /// Eligibility as JSON carries it: an undefined growth is not eligible.
    public var relaxationEligible: Bool { relaxation?.eligible ?? false }

    private static func note(for setting: RelaxedCapSetting, relaxed: Int, over cap: Int) -> Text {
        switch setting {
        case .seats:
            if relaxed <= cap {
                return Text(
                    en: "The configured relaxed cap of \(relaxed) is not above the cap of \(cap), so it relaxes nothing; check the setting.",
                    zh: "设定的放宽规模\(relaxed)人不高于上限\(cap)人，并未放宽，请检查设置。")
            }
            return Text(
                en: "The society's configured relaxed cap is \(relaxed) directors.",
                zh: "学会设定的放宽后规模为\(relaxed)人。")
        case .percentOverCap(let percent):
            return Text(
                en: "Relaxed cap: \(cap) plus the configured \(percent)%, rounded down, is \(relaxed).",
                zh: "放宽后规模：\(cap)人增加设定的\(percent)%，向下取整为\(relaxed)人。")
        }
    }
}
