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
        let present = p.fields(reveal: reveal, language).map { [$0.label, $0.value] }
            + [[Text(en: "integrity cases", zh: "诚信案件")(language), String(p.integrityCaseCount)]]
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
