import RegistrarModel
extension MemberProfile {
    /// The profile's labelled values in the order `member show` and the member's web page list them,
    /// leaving out what the registry does not hold; the identity number masked unless `reveal`.
    /// Labels are as a line of `member show` starts ("member number"); a page may capitalise them.
    public func fields(reveal: Bool, _ language: Language) -> [(label: String, value: String)] {
        let yes = Text(en: "yes", zh: "是")(language), no = Text(en: "no", zh: "否")(language)
        let lines: [(Text, String?)] = [
            (Text(en: "member number", zh: "会员编号"), memberNo),
            (Text(en: "name", zh: "姓名"), name),
            (Text(en: "gender", zh: "性别"), gender.map { MemberTerms.gender($0)(language) }),
            (Text(en: "birth date", zh: "出生日期"), birthDate),
            (Text(en: "identity document", zh: "证件类型"), idType.map { MemberTerms.identityDocument($0)(language) }),
            (Text(en: "identity number", zh: "证件号码"), idNumber.map { reveal ? $0 : Masking.identityNumber($0) }),
            (Text(en: "ORCID", zh: "ORCID"), orcid),
            (Text(en: "email", zh: "电子邮箱"), email),
            (Text(en: "phone", zh: "手机"), phone),
            (Text(en: "employer", zh: "工作单位"), employer),
            (Text(en: "unit member", zh: "所属单位会员"), unitName),
            (Text(en: "title", zh: "职称"), title),
            (Text(en: "education", zh: "学历"), education),
            (Text(en: "discipline", zh: "专业"), discipline),
            (Text(en: "province", zh: "省份"), province),
            (Text(en: "nationality", zh: "国籍"), nationality),
            (Text(en: "grade", zh: "会员类别"), grade.map { MemberTerms.grade($0)(language) }),
            (Text(en: "grassroots front-line", zh: "基层一线"), grassroots.map { $0 ? yes : no }),
            (Text(en: "political status", zh: "政治面貌"), politicalStatus),
        ]
        return lines.compactMap { label, value in value.map { (label(language), $0) } }
    }
}
