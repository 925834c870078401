import RegistrarModel

/// The individual roster's fields: the one place each is declared, with the headers that name it in
/// a file (DESIGN.md "Roster columns") and the stored member columns a file that has it provides.
///
/// `FileKind.members` maps headers from this table, the validator decides from it which columns
/// a file sets, and fields stored as the file writes them are validated by the same loop. A new
/// field is a case here, its handling in `MemberRowValidator` if it needs one, and a column in the
/// schema with its `MemberColumn`.
package enum MemberField: Int, CaseIterable, Sendable {
    case memberNo, name, gender, birthDate, idType, idNumber, orcid, email, phone, employer, unitNo, title
    case education, degree, discipline, province, nationality, grade, grassroots, politicalStatus
    case joinDate, endDate, status, registrationYears

    /// The field's name in `--map` files, messages and the documentation.
    package var name: String {
        switch self {
        case .memberNo: "member_no"
        case .name: "name"
        case .gender: "gender"
        case .birthDate: "birth_date"
        case .idType: "id_type"
        case .idNumber: "id_number"
        case .orcid: "orcid"
        case .email: "email"
        case .phone: "phone"
        case .employer: "employer"
        case .unitNo: "unit_no"
        case .title: "title"
        case .education: "education"
        case .degree: "degree"
        case .discipline: "discipline"
        case .province: "province"
        case .nationality: "nationality"
        case .grade: "grade"
        case .grassroots: "grassroots"
        case .politicalStatus: "political_status"
        case .joinDate: "join_date"
        case .endDate: "end_date"
        case .status: "status"
        case .registrationYears: "registration_years"
        }
    }

    /// The headers a roster may name the field by, besides a `--map` file's; compared after
    /// normalising and lower-casing.
    package var headers: [String] {
        switch self {
        case .memberNo: ["member_no", "会员号", "会员编号", "会员证号"]
        case .name: ["name", "姓名"]
        case .gender: ["gender", "sex", "性别"]
        case .birthDate: ["birth_date", "出生日期", "出生年月"]
        case .idType: ["id_type", "证件类型"]
        case .idNumber: ["id_number", "身份证号", "身份证号码", "证件号码"]
        case .orcid: ["orcid"]
        case .email: ["email", "邮箱", "电子邮箱", "电子信箱"]
        case .phone: ["phone", "mobile", "手机", "手机号码", "联系电话"]
        case .employer: ["employer", "工作单位", "单位"]
        case .unitNo: ["unit_no", "单位会员编号"]
        case .title: ["title", "职称", "技术职称"]
        case .education: ["education", "学历"]
        case .degree: ["degree", "学位"]
        case .discipline: ["discipline", "学科", "专业", "现从事专业"]
        case .province: ["province", "省份", "地区"]
        case .nationality: ["nationality", "国籍"]
        case .grade: ["grade", "会员类别", "会员级别"]
        case .grassroots: ["grassroots", "基层一线"]
        case .politicalStatus: ["political_status", "政治面貌"]
        case .joinDate: ["join_date", "入会日期", "入会时间"]
        case .endDate: ["end_date", "退会日期"]
        case .status: ["status", "会员状态"]
        case .registrationYears: ["registration_years", "registered", "年度注册", "注册年度", "注册年份"]
        }
    }

    /// The stored columns a file with this field sets; the merge leaves every other column as it is.
    ///
    /// An identity number also says the document type, the birth date and the gender; an employer
    /// may name a unit member; a title has a level. The period fields and the registration years
    /// set no member column: they go to the member's periods and registrations.
    package var columns: [MemberColumn] {
        switch self {
        case .memberNo: [.memberNo]
        case .name: [.name]
        case .gender: [.gender]
        case .birthDate: [.birthDate]
        case .idType: []
        case .idNumber: [.idType, .idNumber, .gender, .birthDate]
        case .orcid: [.orcid]
        case .email: [.email]
        case .phone: [.phone]
        case .employer: [.employer, .unitID]
        case .unitNo: [.unitID]
        case .title: [.title, .titleLevel]
        case .education: [.education]
        case .degree: [.degree]
        case .discipline: [.discipline]
        case .province: [.province]
        case .nationality: [.nationality]
        case .grade: [.grade]
        case .grassroots: [.grassroots]
        case .politicalStatus: [.politicalStatus]
        case .joinDate, .endDate, .status, .registrationYears: []
        }
    }

    /// The column a field is stored in exactly as the file writes it (after normalising), for the
    /// fields no rule checks; nil for a field the validator reads.
    package var storedAsWritten: MemberColumn? {
        switch self {
        case .email: .email
        case .phone: .phone
        case .employer: .employer
        case .education: .education
        case .degree: .degree
        case .discipline: .discipline
        case .province: .province
        case .nationality: .nationality
        case .politicalStatus: .politicalStatus
        default: nil
        }
    }

    /// The fields stored as written, in declaration order: the validator's plain loop.
    package static let storedAsWritten: [(field: MemberField, column: MemberColumn)] =
        allCases.compactMap { field in field.storedAsWritten.map { (field, $0) } }

    /// The member columns a file with these fields sets, in `MemberColumn` order; the name always,
    /// since no row is without one.
    package static func columns(setBy fields: some Sequence<MemberField>) -> [MemberColumn] {
        var set: Set<MemberColumn> = [.name]
        for field in fields { set.formUnion(field.columns) }
        return MemberColumn.allCases.filter(set.contains)
    }
}
