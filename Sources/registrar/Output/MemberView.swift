import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

/// How `member show` presents a profile: labelled lines for people, stable keys for scripts.
struct MemberView {
    let profile: MemberProfile
    let reveal: Bool
    let language: Language

    var idNumber: String? {
        profile.idNumber.map { reveal ? $0 : Masking.identityNumber($0) }
    }

    struct JSON: Encodable {
        var member_no: String?
        var name: String
        var gender: String?
        var birth_date: String?
        var id_type: String?
        var id_number: String?
        var orcid: String?
        var email: String?
        var phone: String?
        var employer: String?
        var unit: String?
        var title: String?
        var education: String?
        var discipline: String?
        var province: String?
        var nationality: String?
        var grade: String?
        var grassroots: Bool?
        var political_status: String?
        var periods: [MembershipPeriod]
        var integrity_cases: Int
    }

    var json: JSON {
        let p = profile
        return JSON(member_no: p.memberNo, name: p.name, gender: p.gender, birth_date: p.birthDate,
                    id_type: p.idType, id_number: idNumber, orcid: p.orcid, email: p.email, phone: p.phone,
                    employer: p.employer, unit: p.unitName, title: p.title, education: p.education,
                    discipline: p.discipline, province: p.province, nationality: p.nationality, grade: p.grade,
                    grassroots: p.grassroots, political_status: p.politicalStatus, periods: p.periods,
                    integrity_cases: p.integrityCaseCount)
    }

    var text: String {
        let p = profile
        let yes = Text(en: "yes", zh: "是")(language), no = Text(en: "no", zh: "否")(language)
        let lines: [(Text, String?)] = [
            (Text(en: "member number", zh: "会员编号"), p.memberNo),
            (Text(en: "name", zh: "姓名"), p.name),
            (Text(en: "gender", zh: "性别"), p.gender.map { MemberTerms.gender($0)(language) }),
            (Text(en: "birth date", zh: "出生日期"), p.birthDate),
            (Text(en: "identity document", zh: "证件类型"), p.idType.map { MemberTerms.identityDocument($0)(language) }),
            (Text(en: "identity number", zh: "证件号码"), idNumber),
            (Text(en: "ORCID", zh: "ORCID"), p.orcid),
            (Text(en: "email", zh: "电子邮箱"), p.email),
            (Text(en: "phone", zh: "手机"), p.phone),
            (Text(en: "employer", zh: "工作单位"), p.employer),
            (Text(en: "unit member", zh: "所属单位会员"), p.unitName),
            (Text(en: "title", zh: "职称"), p.title),
            (Text(en: "education", zh: "学历"), p.education),
            (Text(en: "discipline", zh: "专业"), p.discipline),
            (Text(en: "province", zh: "省份"), p.province),
            (Text(en: "nationality", zh: "国籍"), p.nationality),
            (Text(en: "grade", zh: "会员类别"), p.grade.map { MemberTerms.grade($0)(language) }),
            (Text(en: "grassroots front-line", zh: "基层一线"), p.grassroots.map { $0 ? yes : no }),
            (Text(en: "political status", zh: "政治面貌"), p.politicalStatus),
            (Text(en: "integrity cases", zh: "诚信案件"), String(p.integrityCaseCount)),
        ]
        let present = lines.compactMap { label, value in value.map { [label(language), $0] } }
        var out = TextTable(headers: [Text(en: "field", zh: "项目")(language), Text(en: "value", zh: "内容")(language)],
                            rows: present).render()
        out += "\n"
        let periodRows = p.periods.map { period in
            [period.start, period.end ?? "", period.endReason.flatMap(EndReason.init(rawValue:))?.label(language) ?? ""]
        }
        out += TextTable(headers: [Text(en: "member from", zh: "入会日期")(language), Text(en: "until", zh: "终止日期")(language),
                                   Text(en: "reason", zh: "终止原因")(language)],
                         rows: periodRows).render()
        return out
    }
}
