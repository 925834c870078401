import RegistrarModel
import RegistrarInput
/// The segments every registry has, from RULES.md M1: who members are and how they engage.
///
/// Each member segment is one `MemberCondition`, from which both its SQL predicate (exports) and its
/// Swift evaluator (counts in sequential passes) come; SegmentTests check the two on every edge.
public enum BuiltInSegments {
    /// Nationalities that are China: a member with another recorded nationality is foreign.
    package static let china = ["中国", "china", "cn", "chn", "中华人民共和国", "prc"]

    public static let all: [Segment] = [
        Segment(name: "young",
                description: Text(en: "aged 35 or under (completed years) on the day", zh: "当日年龄35周岁以下（含35周岁）"),
                suggestedService: Text(en: "young scientist awards, mentoring, early-career training", zh: "青年人才托举、导师指导、青年培训"),
                condition: .ageAtMost(35)),
        Segment(name: "women",
                description: Text(en: "women members", zh: "女性会员"),
                suggestedService: Text(en: "women-in-science forums and recommendation for awards", zh: "女科技工作者论坛、奖励举荐"),
                condition: .woman),
        Segment(name: "grassroots",
                description: Text(en: "grassroots front-line scientists", zh: "基层一线科技工作者"),
                suggestedService: Text(en: "on-site training and consultation", zh: "下基层培训与技术咨询"),
                condition: .grassroots),
        Segment(name: "foreign",
                description: Text(en: "foreign members: grade foreign, or a recorded nationality other than China",
                                  zh: "外籍会员：会员类别为外籍，或国籍不是中国"),
                suggestedService: Text(en: "international conferences and journal services in English", zh: "国际学术会议与英文期刊服务"),
                condition: .any([.grade(in: [.foreign]), .nationalityOtherThanChina])),
        Segment(name: "students",
                description: Text(en: "student members", zh: "学生会员"),
                suggestedService: Text(en: "summer schools, mentoring, conference fee waivers", zh: "暑期学校、导师指导、会议注册费减免"),
                condition: .grade(in: [.student])),
        Segment(name: "senior_and_fellows",
                description: Text(en: "senior members, fellows and honorary members", zh: "高级会员、会士与荣誉会员"),
                suggestedService: Text(en: "invitations to review, recommend and lead committees", zh: "邀请参与评审、举荐人才和专委会工作"),
                condition: .grade(in: [.senior, .fellow, .honorary])),
        Segment(name: "new_unserved",
                description: Text(en: "joined within the last 90 days (D included) and not yet served in this membership",
                                  zh: "近90天内（含当日）入会且本次入会以来尚未获得服务"),
                suggestedService: Text(en: "a welcome package and an invitation to the next event", zh: "新会员欢迎礼包及近期活动邀请"),
                condition: .all([.joinedOnOrAfter(.firstOfNinety), .notServedSinceJoining])),
        Segment(name: "active",
                description: Text(en: "served at least once in the 12 months up to the day (a service exactly 12 months before is not counted)",
                                  zh: "截至当日的12个月内至少获得一次服务（恰好12个月前的服务不计）"),
                suggestedService: Text(en: "ask for feedback and invite them to volunteer", zh: "征集意见，邀请参与志愿服务"),
                condition: .servedAfter(.yearAgo)),
        Segment(name: "dormant",
                description: Text(en: "members for a year or more with no service in the last 12 months",
                                  zh: "入会满一年且近12个月未获得服务"),
                suggestedService: Text(en: "a personal call and an online offer (journal access, webinars)", zh: "电话回访并推送线上服务（期刊、网络讲座）"),
                condition: .all([.joinedOnOrBefore(.yearAgo), .notServedAfter(.yearAgo)])),
        Segment(name: "unit_recruitment",
                description: Text(en: "unit members whose staff exceed ten times their individual members: recruit among their staff",
                                  zh: "职工人数超过其个人会员数10倍的单位会员：可在其职工中发展个人会员"),
                suggestedService: Text(en: "a recruitment visit with the unit's liaison", zh: "联系单位联络人上门发展会员"),
                population: .units,
                predicate: SQLFragment("u.staff_count > 10 * u.linked")),
    ]

    public static func named(_ name: String) -> Segment? { all.first { $0.name == name } }
}
