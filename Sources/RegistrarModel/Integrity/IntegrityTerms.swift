/// The words of an integrity case (学术诚信案件): what was alleged, where the case stands, what was
/// found, and the sanction, each with its stored code, its standard Chinese term, and roster spellings.
public enum Allegation: String, Sendable, CaseIterable {
    case fabrication, falsification, plagiarism
    case improperAuthorship = "improper_authorship"
    case duplicateSubmission = "duplicate_submission"
    case paperMill = "paper_mill"
    case reviewManipulation = "review_manipulation"
    case other

    public var label: Text {
        switch self {
        case .fabrication: Text(en: "fabrication", zh: "捏造")
        case .falsification: Text(en: "falsification", zh: "篡改")
        case .plagiarism: Text(en: "plagiarism", zh: "剽窃")
        case .improperAuthorship: Text(en: "improper authorship", zh: "不当署名")
        case .duplicateSubmission: Text(en: "duplicate submission", zh: "一稿多投")
        case .paperMill: Text(en: "purchased or ghost-written paper", zh: "买卖/代写论文")
        case .reviewManipulation: Text(en: "peer-review manipulation", zh: "评审造假")
        case .other: Text(en: "other", zh: "其他")
        }
    }

    package static let vocabulary = Vocabulary(allCases.map { ($0.rawValue, $0) } + [
        ("捏造", .fabrication), ("篡改", .falsification), ("剽窃", .plagiarism), ("抄袭", .plagiarism),
        ("不当署名", .improperAuthorship), ("一稿多投", .duplicateSubmission), ("买卖或代写论文", .paperMill),
        ("买卖/代写论文", .paperMill), ("买卖论文", .paperMill), ("代写论文", .paperMill), ("评审造假", .reviewManipulation),
        ("其他", .other),
    ], accepted: "捏造, 篡改, 剽窃, 不当署名, 一稿多投, 买卖或代写论文, 评审造假, 其他 (" + allCases.map(\.rawValue).joined(separator: ", ") + ")")
}

public enum CaseStatus: String, Sendable, CaseIterable {
    case open, investigating, decided, appealed, closed

    public var label: Text {
        switch self {
        case .open: Text(en: "open", zh: "立案")
        case .investigating: Text(en: "under investigation", zh: "调查中")
        case .decided: Text(en: "decided", zh: "已处理")
        case .appealed: Text(en: "appealed", zh: "申诉中")
        case .closed: Text(en: "closed", zh: "结案")
        }
    }

    /// Still being decided: shown as a warning before a nomination, never blocking on its own.
    public var isPending: Bool { self == .open || self == .investigating || self == .appealed }

    package static let vocabulary = Vocabulary(allCases.map { ($0.rawValue, $0) } + [
        ("立案", .open), ("调查中", .investigating), ("已处理", .decided), ("已决定", .decided),
        ("申诉中", .appealed), ("结案", .closed), ("已结案", .closed),
    ], accepted: "立案, 调查中, 已处理, 申诉中, 结案 (open, investigating, decided, appealed, closed)")
}

public enum Finding: String, Sendable, CaseIterable {
    case substantiated, unsubstantiated

    public var label: Text {
        switch self {
        case .substantiated: Text(en: "substantiated", zh: "属实")
        case .unsubstantiated: Text(en: "not substantiated", zh: "不属实")
        }
    }

    package static let vocabulary = Vocabulary(allCases.map { ($0.rawValue, $0) } + [("属实", .substantiated), ("不属实", .unsubstantiated)],
                                       accepted: "属实, 不属实 (substantiated, unsubstantiated)")
}

public enum Sanction: String, Sendable, CaseIterable {
    case none, warning, criticism, suspension, expulsion
    case awardRevocation = "award_revocation"
    case nominationBan = "nomination_ban"

    public var label: Text {
        switch self {
        case .none: Text(en: "none", zh: "无")
        case .warning: Text(en: "warning", zh: "警告")
        case .criticism: Text(en: "circulated criticism", zh: "通报批评")
        case .suspension: Text(en: "membership suspended", zh: "暂停会籍")
        case .expulsion: Text(en: "membership revoked", zh: "取消会籍")
        case .awardRevocation: Text(en: "award revoked", zh: "撤销奖励")
        case .nominationBan: Text(en: "barred from nomination", zh: "禁止推荐")
        }
    }

    /// RULES.md I1: these block a nomination, award or board seat while in force.
    public var blocksNomination: Bool { self == .suspension || self == .expulsion || self == .nominationBan }

    package static let vocabulary = Vocabulary(allCases.map { ($0.rawValue, $0) } + [
        ("无", .none), ("警告", .warning), ("通报批评", .criticism), ("暂停会籍", .suspension), ("取消会籍", .expulsion),
        ("撤销奖励", .awardRevocation), ("禁止推荐", .nominationBan),
    ], accepted: "无, 警告, 通报批评, 暂停会籍, 取消会籍, 撤销奖励, 禁止推荐")
}

/// 学术诚信案件: one case of a member's academic-integrity dossier.
public struct IntegrityCase: Sendable, Equatable {
    public var caseNo: String
    public var memberID: Int64
    public var openedOn: Day
    public var allegation: Allegation
    public var status: CaseStatus
    public var finding: Finding?
    public var decidedOn: Day?
    public var sanction: Sanction
    public var sanctionStart: Day?
    public var sanctionEnd: Day?
    public var reference: String?
    public var note: String?

    public init(caseNo: String, memberID: Int64, openedOn: Day, allegation: Allegation, status: CaseStatus,
                finding: Finding?, decidedOn: Day?, sanction: Sanction, sanctionStart: Day?, sanctionEnd: Day?,
                reference: String?, note: String?) {
        self.caseNo = caseNo
        self.memberID = memberID
        self.openedOn = openedOn
        self.allegation = allegation
        self.status = status
        self.finding = finding
        self.decidedOn = decidedOn
        self.sanction = sanction
        self.sanctionStart = sanctionStart
        self.sanctionEnd = sanctionEnd
        self.reference = reference
        self.note = note
    }

    /// The day an expulsion ends the member's membership (RULES.md I1): the day it was decided, else
    /// the day the sanction starts; nil for any other sanction and for a finding that clears the member.
    public var expulsionDay: Day? {
        guard sanction == .expulsion, finding != .unsubstantiated else { return nil }
        return decidedOn ?? sanctionStart
    }

    /// In force on `day`: start ≤ day < end, or no end (permanent).
    public func sanctionInForce(on day: Day) -> Bool {
        guard sanction != .none, let start = sanctionStart, start <= day else { return false }
        return sanctionEnd.map { day < $0 } ?? true
    }

    public var blocks: Bool { sanction.blocksNomination && finding != .unsubstantiated }

    /// The columns of `integrity_case` and this case's values for them, in one order.
    package var columns: [(String, String?)] {
        [("opened_on", openedOn.iso), ("allegation", allegation.rawValue), ("status", status.rawValue),
         ("finding", finding?.rawValue), ("decided_on", decidedOn?.iso), ("sanction", sanction.rawValue),
         ("sanction_start", sanctionStart?.iso), ("sanction_end", sanctionEnd?.iso), ("reference", reference), ("note", note)]
    }

    /// Checks what a person can get wrong; nil when the case holds together.
    package func problem() -> (field: String, reason: Text)? {
        if let decidedOn, decidedOn < openedOn {
            return ("decided_on", Text(en: "the decision date \(decidedOn) is before the case was opened (\(openedOn))",
                                       zh: "处理日期 \(decidedOn) 早于立案日期 \(openedOn)"))
        }
        if sanction != .none && sanctionStart == nil {
            return ("sanction_start", Text(en: "a sanction needs its start date (or a decision date to start from)",
                                           zh: "处理措施需要开始日期（或处理日期）"))
        }
        if let start = sanctionStart, let end = sanctionEnd, end < start {
            return ("sanction_end", Text(en: "the sanction ends (\(end)) before it starts (\(start))",
                                         zh: "处理结束日期 \(end) 早于开始日期 \(start)"))
        }
        return nil
    }
}

