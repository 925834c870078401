import Foundation
import RegistrarModel

/// The kinds of file registrar reads, each with its fields and the headers that name them.
public enum FileKind: String, Sendable, CaseIterable {
    case members, units, services, integrity
    case boardSeats = "board-seats"
    case boardAttendance = "board-attendance"
    case branches
    case registrations

    /// The `import_batch.kind` a file of this kind is recorded under: both board files are `board`.
    package var batchKind: String {
        switch self {
        case .boardSeats, .boardAttendance: "board"
        default: rawValue
        }
    }

    /// Field name → accepted headers (DESIGN.md "Roster columns", "Other input files"). The two
    /// rosters' fields are declared with what they set, in `MemberField` and `UnitField`.
    public var catalogue: [(field: String, headers: [String])] {
        switch self {
        case .members: MemberField.allCases.map { ($0.name, $0.headers) }
        case .units: UnitField.allCases.map { ($0.name, $0.headers) }
        case .services: [
            ("member_no", ["member_no", "会员编号", "会员号"]),
            ("date", ["date", "日期", "服务日期"]),
            ("type", ["type", "服务类型"]),
            ("channel", ["channel", "渠道"]),
            ("title", ["title", "名称", "服务名称"]),
        ]
        case .integrity: [
            ("case_no", ["case_no", "案件编号"]),
            ("member_no", ["member_no", "会员编号"]),
            ("id_number", ["id_number", "身份证号", "身份证号码", "证件号码"]),
            ("opened_on", ["opened_on", "立案日期"]),
            ("allegation", ["allegation", "问题类型"]),
            ("status", ["status", "状态"]),
            ("finding", ["finding", "认定结果"]),
            ("decided_on", ["decided_on", "处理日期"]),
            ("sanction", ["sanction", "处理措施"]),
            ("sanction_start", ["sanction_start", "处理开始日期"]),
            ("sanction_end", ["sanction_end", "处理结束日期"]),
            ("reference", ["reference", "文号"]),
            ("note", ["note", "备注"]),
        ]
        case .registrations: [
            ("member_no", ["member_no", "会员编号", "会员号"]),
            ("id_number", ["id_number", "身份证号", "身份证号码", "证件号码"]),
            ("year", ["year", "注册年度", "注册年份", "年度"]),
            ("paid_on", ["paid_on", "缴费日期"]),
            ("amount", ["amount", "金额", "缴费金额"]),
            ("receipt", ["receipt", "票据号", "收据号"]),
        ]
        case .boardSeats: [
            ("term_no", ["term_no", "届次"]),
            ("term_start", ["term_start", "届期开始", "届期开始日期"]),
            ("term_end", ["term_end", "届期结束", "届期结束日期"]),
            ("member_no", ["member_no", "会员编号", "会员号"]),
            ("standing", ["standing", "常务理事"]),
            ("office", ["office", "职务"]),
            ("grassroots", ["grassroots", "基层一线"]),
            ("full_time", ["full_time", "专职"]),
        ]
        case .boardAttendance: [
            ("term_no", ["term_no", "届次"]),
            ("held_on", ["held_on", "会议日期"]),
            ("kind", ["kind", "会议类型"]),
            ("member_no", ["member_no", "会员编号", "会员号"]),
            ("attendance", ["attendance", "出席情况", "出席"]),
        ]
        case .branches: [
            ("name", ["name", "分支机构名称", "名称"]),
            ("founded_on", ["founded_on", "成立日期"]),
            ("last_activity_on", ["last_activity_on", "最近活动日期"]),
            ("dissolved_on", ["dissolved_on", "撤销日期"]),
        ]
        }
    }

    /// The roster a file of this kind could be mistaken for: individuals for units and units for
    /// individuals.
    package var otherRoster: FileKind? {
        switch self {
        case .members: .units
        case .units: .members
        default: nil
        }
    }

    /// The fields only a roster of this kind has: a person's identity for individuals, a credit code
    /// or a staff count for units. (A unit roster may well carry a contact's phone or email.)
    package var tellingFields: Set<String> {
        switch self {
        case .members: ["member_no", "gender", "birth_date", "id_type", "id_number", "orcid", "political_status"]
        case .units: ["uscc", "staff_count"]
        default: []
        }
    }

    /// Groups of fields of which at least one must be a column, with how to say so.
    package var requirements: [[String]] {
        switch self {
        case .members: [["member_no", "id_number"], ["name"]]
        case .units: [["unit_no", "uscc"], ["name"]]
        case .services: [["member_no"], ["date"], ["type"]]
        case .integrity: [["case_no"], ["member_no", "id_number"], ["opened_on"], ["allegation"], ["status"]]
        case .boardSeats: [["term_no"], ["member_no"]]
        case .boardAttendance: [["term_no"], ["held_on"], ["kind"], ["member_no"], ["attendance"]]
        case .branches: [["name"]]
        case .registrations: [["member_no", "id_number"], ["year"]]
        }
    }
}

/// Which column of a file holds which field.
public struct HeaderMapping: Sendable {
    public let kind: FileKind
    /// Field → column index.
    public let columns: [String: Int]
    /// Headers that name no field: reported once, then ignored.
    public let unknownHeaders: [String]
    public let headers: [String]

    public func column(_ field: String) -> Int? { columns[field] }
    public func has(_ field: String) -> Bool { columns[field] != nil }

    /// Maps a header row; missing required fields and doubly-mapped fields stop the import here,
    /// before anything changes.
    public init(kind: FileKind, headers: [String], file: String, extra: [String: String] = [:]) throws {
        self.kind = kind
        self.headers = headers
        var lookup: [String: String] = [:]
        for (field, names) in kind.catalogue {
            for name in names { lookup[HeaderMapping.key(name)] = field }
        }
        for (header, field) in extra { lookup[HeaderMapping.key(header)] = field }
        var columns: [String: Int] = [:]
        var unknown: [String] = []
        // Kept until the roster's kind is checked: a roster of the other kind often has two columns
        // that name one field here (会员编号 and 单位会员编号 in a units import), and the kind is its mistake.
        var doubled: InputError?
        for (index, header) in headers.enumerated() {
            guard let field = lookup[HeaderMapping.key(header)] else {
                if !header.trimmingCharacters(in: .whitespaces).isEmpty { unknown.append(header) }
                continue
            }
            if let earlier = columns[field] {
                doubled = doubled ?? InputError(file: file, line: 1, column: header, problem: Text(
                    en: "names the same field (\(field)) as column '\(headers[earlier])'; remove one of them or rename it in a --map file",
                    zh: "与列 '\(headers[earlier])' 指向同一字段（\(field)）；请删除其一，或在 --map 文件中改名"))
                continue
            }
            columns[field] = index
        }
        // A roster of the other kind maps its key and name here and would rename what it matches:
        // a member roster imported as units renames each member's unit after the member.
        if let other = kind.otherRoster {
            var otherLookup: [String: String] = [:]
            for (field, names) in other.catalogue where other.tellingFields.contains(field) {
                for name in names { otherLookup[HeaderMapping.key(name)] = field }
            }
            let telling = unknown.filter { otherLookup[HeaderMapping.key($0)] != nil }
            if !telling.isEmpty {
                let command = other == .members ? "registrar import members" : "registrar import units"
                throw InputError(file: file, line: 1, column: telling[0], problem: Text(
                    en: "has columns of \(other == .members ? "an individual" : "a unit") roster (\(telling.prefix(3).joined(separator: ", "))); import it with \(command), or remove those columns; nothing was imported",
                    zh: "含有\(other == .members ? "个人会员" : "单位会员")名册的列（\(telling.prefix(3).joined(separator: "、"))）；请用 \(command) 导入，或删除这些列；未导入任何数据"))
            }
        }
        if let doubled { throw doubled }
        for group in kind.requirements where !group.contains(where: { columns[$0] != nil }) {
            let names = group.map { field in
                let headers = kind.catalogue.first { $0.field == field }?.headers ?? [field]
                return headers.joined(separator: "/")
            }
            throw InputError(file: file, line: 1, problem: Text(
                en: "no column for \(names.joined(separator: " or ")); add one, or map your header to it with --map; nothing was imported",
                zh: "缺少 \(names.joined(separator: " 或 ")) 列；请添加该列，或用 --map 把表头映射过去；未导入任何数据"))
        }
        self.columns = columns
        self.unknownHeaders = unknown
    }

    package static func key(_ header: String) -> String {
        var key = FieldNormalizer.normalize(header).lowercased()
        if key.hasPrefix("\u{FEFF}") { key.removeFirst() }
        return key
    }

    /// Reads a `--map` file: a two-column CSV `header,field`, any encoding the rosters may have.
    public static func readMapFile(path: String, kind: FileKind) throws -> [String: String] {
        let name = (path as NSString).lastPathComponent
        let survey = try FileSurvey.of(path: path, displayName: name)
        let reader = try CSVReader(path: path, displayName: name, encoding: try survey.encoding(for: .auto, file: name),
                                   firstInvalidUTF8: survey.firstInvalidUTF8)
        let fields = Set(kind.catalogue.map(\.field))
        var map: [String: String] = [:]
        /// Where each header was mapped, by its key: a header mapped twice to different fields is refused.
        var mappedAt: [String: (line: Int, field: String)] = [:]
        var first = true
        try reader.forEachRecord { record in
            defer { first = false }
            let header = FieldNormalizer.normalize(record.string(0))
            let field = FieldNormalizer.normalize(record.string(1)).lowercased()
            if first && header.lowercased() == "header" && field == "field" { return }
            guard record.count == 2, !header.isEmpty else {
                throw InputError(file: name, line: record.line, problem: Text(
                    en: "a map line has two fields: the header in your file, then the field it holds",
                    zh: "映射文件每行两项：您文件中的表头，以及它对应的字段"))
            }
            guard fields.contains(field) else {
                throw InputError(file: name, line: record.line, column: header, problem: Text(
                    en: "'\(field)' is not a field of \(kind.rawValue) files; use one of: \(kind.catalogue.map(\.field).joined(separator: ", "))",
                    zh: "'\(field)' 不是\(kind.rawValue)文件的字段；可用字段：\(kind.catalogue.map(\.field).joined(separator: ", "))"))
            }
            if let earlier = mappedAt[key(header)], earlier.field != field {
                throw InputError(file: name, line: record.line, column: header, problem: Text(
                    en: "'\(header)' is mapped twice: to '\(earlier.field)' on line \(earlier.line) and to '\(field)' here; keep the line you mean",
                    zh: "'\(header)' 被映射了两次：第 \(earlier.line) 行映射为 '\(earlier.field)'，此处为 '\(field)'；请只保留正确的一行"))
            }
            mappedAt[key(header)] = (record.line, field)
            map[header] = field
        }
        return map
    }
}
