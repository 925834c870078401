/// The words for a member's stored codes (gender, grade), one table for every output.
public enum MemberTerms {
    public static let grades: [String: Text] = [
        "student": Text(en: "student", zh: "学生会员"), "regular": Text(en: "regular", zh: "普通会员"),
        "senior": Text(en: "senior", zh: "高级会员"), "fellow": Text(en: "fellow", zh: "会士"),
        "honorary": Text(en: "honorary", zh: "荣誉会员"), "foreign": Text(en: "foreign", zh: "外籍会员"),
    ]

    public static let genders: [String: Text] = ["M": Text(en: "male", zh: "男"), "F": Text(en: "female", zh: "女")]

    public static let identityDocuments: [String: Text] = [
        "resident": Text(en: "resident identity card", zh: "居民身份证"), "passport": Text(en: "passport", zh: "护照"),
        "hk_macao": Text(en: "Hong Kong/Macao permit", zh: "港澳居民来往内地通行证"),
        "taiwan": Text(en: "Taiwan permit", zh: "台湾居民来往大陆通行证"),
        "foreign_permanent": Text(en: "foreign permanent resident card", zh: "外国人永久居留身份证"),
        "other": Text(en: "other", zh: "其他"),
    ]

    public static func identityDocument(_ code: String) -> Text { identityDocuments[code] ?? Text(en: code, zh: code) }

    /// The word for a grade code; an unknown code is shown as stored.
    public static func grade(_ code: String) -> Text { grades[code] ?? Text(en: code, zh: code) }

    public static func gender(_ code: String) -> Text { genders[code] ?? Text(en: code, zh: code) }
}
