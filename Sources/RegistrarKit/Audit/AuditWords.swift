/// The words of an audit entry for a person to read, in their language.
///
/// The log stores stable English codes and details (scripts filter on them, and the log is never
/// rewritten), so the Chinese table says them in Chinese when it shows them: the action by its
/// code, the detail phrase by phrase, since every detail is written from a few fixed templates
/// (`batch 3, sha256 …, as of 2018-12-31: read 10, inserted 9, …`).
public enum AuditWords {
    public static func action(_ code: String, _ language: Language) -> String {
        guard language == .zh else { return code }
        return actions[code] ?? code
    }

    public static func detail(_ text: String, _ language: Language) -> String {
        guard language == .zh else { return text }
        var result = text.hasPrefix("on ") ? String(text.dropFirst(3)) : text
        // The columns a change names (`batch 3: phone, grade`, `updated: status, finding`).
        if let colon = result.range(of: ": ", options: .backwards) {
            let names = result[colon.upperBound...].components(separatedBy: ", ").map { $0.components(separatedBy: " (batch ") }
            if names.contains(where: { fields[$0[0]] != nil }) {
                result = result[..<colon.upperBound] + names.map { parts in
                    (fields[parts[0]] ?? parts[0]) + (parts.count > 1 ? "（批次 " + parts[1].dropLast() + "）" : "")
                }.joined(separator: "、")
            }
        }
        for (english, chinese) in phrases {
            result = result.replacingOccurrences(of: english, with: chinese)
        }
        return result
    }

    public static func subject(_ text: String, _ language: Language) -> String {
        guard language == .zh else { return text }
        var result = text
        for (english, chinese) in subjects where result.hasPrefix(english) {
            result = chinese + result.dropFirst(english.count)
            break
        }
        return result.replacingOccurrences(of: "member #", with: "会员 #")
    }

    /// Stored column names, as the Chinese roster headers call them.
    static let fields: [String: String] = [
        "member_no": "会员编号", "name": "姓名", "gender": "性别", "birth_date": "出生日期", "id_type": "证件类型",
        "id_number": "证件号码", "orcid": "ORCID", "email": "电子邮箱", "phone": "手机", "employer": "工作单位",
        "unit_id": "所属单位会员", "title": "职称", "title_level": "职称级别", "education": "学历", "degree": "学位",
        "discipline": "学科", "province": "省份", "nationality": "国籍", "grade": "会员类别", "grassroots": "基层一线",
        "political_status": "政治面貌", "uscc": "统一社会信用代码", "kind": "单位性质", "staff_count": "职工总数",
        "opened_on": "立案日期", "allegation": "问题类型", "status": "状态", "finding": "认定结果", "decided_on": "处理日期",
        "sanction": "处理措施", "sanction_start": "处理开始日期", "sanction_end": "处理结束日期", "reference": "文号",
        "note": "备注", "member_id": "会员",
    ]

    static let actions: [String: String] = [
        "init": "初始化", "upgrade": "升级", "import": "导入", "member.update": "会员信息修改", "unit.update": "单位会员修改",
        "member.show": "查看会员", "member.reveal": "明文查看证件号码", "integrity.lookup": "诚信档案查询",
        "integrity.check": "诚信核查", "integrity.reveal": "诚信档案明文证件号码", "integrity.change": "诚信案件修改",
        "settings.change": "设置修改", "segment.export": "分群导出",
    ]

    /// The import kinds a subject starts with (`members: roster.csv`).
    static let subjects: [(String, String)] = [
        ("members: ", "个人会员："), ("units: ", "单位会员："), ("services: ", "会员服务："), ("integrity: ", "诚信案件："),
        ("board-seats: ", "理事席位："), ("board_seats: ", "理事席位："), ("board-attendance: ", "理事会出席："),
        ("board_attendance: ", "理事会出席："), ("branches: ", "分支机构："),
    ]

    /// Longest first where one phrase holds another.
    static let phrases: [(String, String)] = [
        ("identity numbers shown unmasked", "证件号码以明文显示"),
        ("identity numbers masked", "证件号码已脱敏"),
        ("migrations applied: ", "已应用迁移："),
        ("society: ", "学会："),
        ("member(s)", "名会员"),
        ("blocked by ", "受以下案件限制："),
        ("updated: ", "已修改："),
        (": clear", "：无限制"),
        ("query: ", "查询："),
        ("as of ", "截至 "),
        (", snapshot", "，完整名单"),
        ("batch ", "批次 "),
        ("read ", "读取 "),
        ("inserted ", "新增 "),
        ("updated ", "更新 "),
        ("unchanged ", "未变 "),
        ("rejected ", "拒绝 "),
        ("lapsed ", "终止 "),
        ("recorded", "已登记"),
        (" members to ", " 名会员写入 "),
        (" units to ", " 个单位会员写入 "),
        ("; ", "；"),
        (", ", "，"),
        (": ", "："),
    ]
}
