/// 服务类型 and 渠道: the words service records use, and what each stored value is called.
public enum ServiceTerms {
    /// Stored service types, in the order reports list them.
    public static let types = ["conference", "training", "journal", "award", "recommendation",
                               "consultation", "mentoring", "popular_science", "other"]
    public static let channels = ["online", "offline"]

    public static let type = Vocabulary([
        ("学术会议", "conference"), ("会议", "conference"), ("conference", "conference"),
        ("培训", "training"), ("training", "training"),
        ("期刊", "journal"), ("journal", "journal"),
        ("奖励", "award"), ("award", "award"),
        ("举荐", "recommendation"), ("推荐", "recommendation"), ("recommendation", "recommendation"),
        ("咨询", "consultation"), ("consultation", "consultation"),
        ("导师", "mentoring"), ("mentoring", "mentoring"),
        ("科普", "popular_science"), ("popular_science", "popular_science"),
        ("其他", "other"), ("其它", "other"), ("other", "other"),
    ], accepted: "学术会议, 培训, 期刊, 奖励, 举荐, 咨询, 导师, 科普, 其他 (conference, training, journal, award, recommendation, consultation, mentoring, popular_science, other)")

    public static let channel = Vocabulary([
        ("线上", "online"), ("online", "online"), ("线下", "offline"), ("offline", "offline"),
    ], accepted: "线上, 线下 (online, offline)")

    /// The words a person reads for a stored type or channel.
    public static func label(_ value: String) -> Text {
        switch value {
        case "conference": Text(en: "conference", zh: "学术会议")
        case "training": Text(en: "training", zh: "培训")
        case "journal": Text(en: "journal", zh: "期刊")
        case "award": Text(en: "award", zh: "奖励")
        case "recommendation": Text(en: "recommendation", zh: "举荐")
        case "consultation": Text(en: "consultation", zh: "咨询")
        case "mentoring": Text(en: "mentoring", zh: "导师")
        case "popular_science": Text(en: "popular science", zh: "科普")
        case "other": Text(en: "other", zh: "其他")
        case "online": Text(en: "online", zh: "线上")
        case "offline": Text(en: "offline", zh: "线下")
        default: Text(en: value, zh: value)
        }
    }
}
