import RegistrarModel

/// How `member show` presents a profile: labelled lines for people, stable keys for scripts.
package struct MemberView {
    package let profile: MemberProfile
    package let reveal: Bool
    package let language: Language

    package var idNumber: String? {
        profile.idNumber.map { reveal ? $0 : Masking.identityNumber($0) }
    }

    package struct JSON: Encodable {
        package var member_no: String?
        package var name: String
        package var gender: String?
        package var birth_date: String?
        package var id_type: String?
        package var id_number: String?
        package var orcid: String?
        package var email: String?
        package var phone: String?
        package var employer: String?
        package var unit: String?
        package var title: String?
        package var education: String?
        package var discipline: String?
        package var province: String?
        package var nationality: String?
        package var grade: String?
        package var grassroots: Bool?
        package var political_status: String?
        package var periods: [MembershipPeriod]
        package var integrity_cases: Int
    }

    package var json: JSON {
        let p = profile
        return JSON(member_no: p.memberNo, name: p.name, gender: p.gender, birth_date: p.birthDate,
                    id_type: p.idType, id_number: idNumber, orcid: p.orcid, email: p.email, phone: p.phone,
                    employer: p.employer, unit: p.unitName, title: p.title, education: p.education,
                    discipline: p.discipline, province: p.province, nationality: p.nationality, grade: p.grade,
                    grassroots: p.grassroots, political_status: p.politicalStatus, periods: p.periods,
                    integrity_cases: p.integrityCaseCount)
    }

    package var text: String {
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

    package init(profile: MemberProfile, reveal: Bool, language: Language) {
        self.profile = profile
        self.reveal = reveal
        self.language = language
    }
}
