import Foundation

/// The words rosters use for enumerated values, in Chinese and English, and what they mean.
///
/// Matching is on normalised bytes, ASCII case-insensitively, with no `String` made per row.
public struct Vocabulary<Value: Sendable>: Sendable {
    package let entries: [([UInt8], Value)]
    /// What to tell a person whose value is not in the table.
    public let accepted: String

    public init(_ entries: [(String, Value)], accepted: String) {
        self.entries = entries.map { (Array($0.0.lowercased().utf8), $0.1) }
        self.accepted = accepted
    }

    public func match(_ bytes: UnsafeRawBufferPointer) -> Value? {
        guard bytes.count <= 64 else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { lowered in
            for (index, byte) in bytes.enumerated() {
                lowered[index] = (byte >= 0x41 && byte <= 0x5A) ? byte + 32 : byte
            }
            let candidate = UnsafeBufferPointer(rebasing: lowered[0..<bytes.count])
            for (word, value) in entries where word.count == candidate.count
                && word.withUnsafeBufferPointer({ word in
                    guard let a = word.baseAddress, let b = candidate.baseAddress else { return candidate.isEmpty }
                    return memcmp(a, b, candidate.count) == 0
                }) {
                return value
            }
            return nil
        }
    }

    public func match(_ text: String) -> Value? {
        var text = text
        return text.withUTF8 { match(UnsafeRawBufferPointer($0)) }
    }
}

/// What a roster's status column says about the membership.
public enum MembershipStatus: Sendable, Equatable {
    case active
    case ended(EndReason)
}

public enum Vocabularies {
    public static let gender = Vocabulary([("男", "M"), ("女", "F"), ("m", "M"), ("f", "F"), ("male", "M"), ("female", "F")],
                                          accepted: "男/女, M/F, male/female")
    public static let yesNo = Vocabulary([("是", true), ("否", false), ("yes", true), ("no", false), ("y", true), ("n", false),
                                          ("1", true), ("0", false), ("true", true), ("false", false)],
                                         accepted: "是/否, yes/no, 1/0")
    public static let grade = Vocabulary([
        ("学生会员", "student"), ("student", "student"), ("普通会员", "regular"), ("会员", "regular"), ("regular", "regular"),
        ("高级会员", "senior"), ("senior", "senior"), ("会士", "fellow"), ("fellow", "fellow"),
        ("荣誉会员", "honorary"), ("honorary", "honorary"), ("外籍会员", "foreign"), ("foreign", "foreign"),
    ], accepted: "学生会员, 普通会员, 高级会员, 会士, 荣誉会员, 外籍会员 (student, regular, senior, fellow, honorary, foreign)")
    public static let status = Vocabulary<MembershipStatus>([
        ("正常", .active), ("有效", .active), ("在籍", .active), ("active", .active),
        ("退会", .ended(.resigned)), ("resigned", .ended(.resigned)),
        ("过期", .ended(.lapsed)), ("欠费", .ended(.lapsed)), ("lapsed", .ended(.lapsed)),
        ("除名", .ended(.expelled)), ("开除", .ended(.expelled)), ("expelled", .ended(.expelled)),
        ("去世", .ended(.deceased)), ("已故", .ended(.deceased)), ("死亡", .ended(.deceased)), ("deceased", .ended(.deceased)),
    ], accepted: "正常/有效, 退会, 过期, 除名, 去世 (active, resigned, lapsed, expelled, deceased)")
    public static let idType = Vocabulary([
        ("居民身份证", "resident"), ("身份证", "resident"), ("resident", "resident"),
        ("护照", "passport"), ("passport", "passport"),
        ("港澳居民来往内地通行证", "hk_macao"), ("港澳通行证", "hk_macao"), ("hk_macao", "hk_macao"),
        ("台湾居民来往大陆通行证", "taiwan"), ("台胞证", "taiwan"), ("taiwan", "taiwan"),
        ("外国人永久居留身份证", "foreign_permanent"), ("永久居留证", "foreign_permanent"), ("foreign_permanent", "foreign_permanent"),
        ("其他", "other"), ("other", "other"),
    ], accepted: "居民身份证, 护照, 港澳居民来往内地通行证, 台湾居民来往大陆通行证, 外国人永久居留身份证, 其他")
    public static let unitKind = Vocabulary([
        ("高校", "university"), ("高等院校", "university"), ("大学", "university"), ("university", "university"),
        ("科研院所", "institute"), ("研究所", "institute"), ("institute", "institute"),
        ("企业", "enterprise"), ("enterprise", "enterprise"), ("医院", "hospital"), ("hospital", "hospital"),
        ("其他", "other"), ("other", "other"),
    ], accepted: "高校, 科研院所, 企业, 医院, 其他 (university, institute, enterprise, hospital, other)")

    /// 技术职称 to its level; a title not listed keeps its text and gets the level `other`.
    public static let titleLevel = Vocabulary([
        ("正高职", "senior"), ("正高", "senior"), ("正高级", "senior"), ("教授", "senior"), ("研究员", "senior"),
        ("主任医师", "senior"), ("正高级工程师", "senior"), ("教授级高级工程师", "senior"), ("编审", "senior"),
        ("高职", "associate"), ("副高", "associate"), ("副高级", "associate"), ("副教授", "associate"),
        ("副研究员", "associate"), ("副主任医师", "associate"), ("高级工程师", "associate"), ("高级实验师", "associate"),
        ("副编审", "associate"),
        ("中职", "intermediate"), ("中级", "intermediate"), ("讲师", "intermediate"), ("助理研究员", "intermediate"),
        ("工程师", "intermediate"), ("主治医师", "intermediate"), ("实验师", "intermediate"), ("编辑", "intermediate"),
        ("初职", "junior"), ("初级", "junior"), ("助教", "junior"), ("研究实习员", "junior"), ("助理工程师", "junior"),
        ("医师", "junior"), ("技术员", "junior"),
        ("其它", "other"), ("其他", "other"),
    ], accepted: "正高职/高职/中职/初职/其它 or a full title")
}
