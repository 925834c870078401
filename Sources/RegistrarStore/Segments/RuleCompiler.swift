import Foundation
import GRDB
import RegistrarModel
import RegistrarInput

/// Turns rules into segments: each field is a fixed SQL expression from `RuleField.all`, each
/// operator a fixed piece of SQL, and every value a bound parameter, so no text from the file
/// ever becomes SQL.
struct RuleCompiler {
    let file: String

    func segment(_ rule: SegmentRule) throws -> Segment {
        if BuiltInSegments.named(rule.name) != nil {
            throw RuleError(file: file, line: rule.line, problem: Text(
                en: "'\(rule.name)' is the name of a built-in segment; give this one another name",
                zh: "'\(rule.name)' 是内置分组的名称；请换一个名称"))
        }
        let description = rule.description ?? rule.descriptionZh ?? rule.name
        let service = rule.service ?? rule.serviceZh ?? ""
        return Segment(name: rule.name,
                       description: Text(en: description, zh: rule.descriptionZh ?? description),
                       suggestedService: Text(en: service, zh: rule.serviceZh ?? service),
                       predicate: try compile(rule.condition))
    }

    func compile(_ condition: RuleCondition) throws -> SQLFragment {
        switch condition {
        case .all(let children): return try join(children, "AND")
        case .any(let children): return try join(children, "OR")
        case .not(let children):
            let inner = try join(children, "AND")
            return SQLFragment("(NOT \(inner.sql))", inner.values)
        case .comparison(let name, let op, let values, let line):
            guard let field = RuleField.all[name] else {
                throw RuleError(file: file, line: line, problem: Text(
                    en: "unknown field '\(name)'; use one of \(RuleField.all.keys.sorted().joined(separator: ", "))",
                    zh: "未知字段 '\(name)'；可用：\(RuleField.all.keys.sorted().joined(separator: "、"))"))
            }
            guard field.kind.operators.contains(op) else {
                throw RuleError(file: file, line: line, problem: Text(
                    en: "operator '\(op.rawValue)' does not apply to '\(name)'; use one of \(field.kind.operators.map(\.rawValue).joined(separator: ", "))",
                    zh: "运算符 '\(op.rawValue)' 不适用于 '\(name)'；可用：\(field.kind.operators.map(\.rawValue).joined(separator: "、"))"))
            }
            var bound: [DatabaseValue] = []
            for value in values {
                guard let databaseValue = field.kind.value(value) else {
                    throw RuleError(file: file, line: line, problem: Text(
                        en: "'\(value)' is not a value of '\(name)'; \(field.kind.accepted.en)",
                        zh: "'\(value)' 不是 '\(name)' 的有效值；\(field.kind.accepted.zh)"))
                }
                bound.append(databaseValue)
            }
            let placeholders = Array(repeating: "?", count: bound.count).joined(separator: ", ")
            // coalesce(…, 0): a member with nothing recorded does not match, and does match under `not:`.
            let sql: String = switch op {
            case .isIn: "coalesce(\(field.sql) IN (\(placeholders)), 0)"
            case .notIn: "coalesce(\(field.sql) NOT IN (\(placeholders)), 0)"
            case .contains: "coalesce(instr(\(field.sql), ?) > 0, 0)"
            default: "coalesce(\(field.sql) \(op.rawValue) ?, 0)"
            }
            return SQLFragment(sql, bound)
        }
    }

    private func join(_ children: [RuleCondition], _ connective: String) throws -> SQLFragment {
        let parts = try children.map(compile)
        return SQLFragment("(" + parts.map(\.sql).joined(separator: " \(connective) ") + ")", parts.flatMap(\.values))
    }
}

/// A field a rule may test: the SQL expression over a row of `SegmentSQL.members` and its kind of value.
struct RuleField {
    enum Kind {
        case text, number, vocabulary(Vocabulary<String>, accepted: String), yesNo

        var operators: [RuleOperator] {
            switch self {
            case .text: [.equal, .notEqual, .isIn, .notIn, .contains]
            case .number: [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .isIn, .notIn]
            case .vocabulary: [.equal, .notEqual, .isIn, .notIn]
            case .yesNo: [.equal, .notEqual]
            }
        }

        func value(_ text: String) -> DatabaseValue? {
            switch self {
            case .text: return text.databaseValue
            case .number: return Int(text).map(\.databaseValue)
            case .vocabulary(let vocabulary, _): return vocabulary.match(text)?.databaseValue
            case .yesNo: return Vocabularies.yesNo.match(text).map { ($0 ? 1 : 0).databaseValue }
            }
        }

        var accepted: Text {
            switch self {
            case .text: Text(en: "any text", zh: "任意文字")
            case .number: Text(en: "write a whole number", zh: "请填写整数")
            case .vocabulary(_, let accepted): Text(en: "use one of \(accepted)", zh: "可用：\(accepted)")
            case .yesNo: Text(en: "use yes/no, 是/否 or 1/0", zh: "可用：是/否、yes/no、1/0")
            }
        }
    }

    let sql: String
    let kind: Kind

    static let all: [String: RuleField] = [
        "gender": RuleField(sql: "m.gender", kind: .vocabulary(Vocabularies.gender, accepted: Vocabularies.gender.accepted)),
        "grade": RuleField(sql: "m.grade", kind: .vocabulary(Vocabularies.grade, accepted: Vocabularies.grade.accepted)),
        "grassroots": RuleField(sql: "m.grassroots", kind: .yesNo),
        "province": RuleField(sql: "m.province", kind: .text),
        "discipline": RuleField(sql: "m.discipline", kind: .text),
        "employer": RuleField(sql: "m.employer", kind: .text),
        "nationality": RuleField(sql: "m.nationality", kind: .text),
        "education": RuleField(sql: "m.education", kind: .text),
        "political_status": RuleField(sql: "m.political_status", kind: .text),
        "title_level": RuleField(sql: "m.title_level", kind: .vocabulary(
            Vocabulary([("senior", "senior"), ("associate", "associate"), ("intermediate", "intermediate"),
                        ("junior", "junior"), ("other", "other"), ("正高", "senior"), ("副高", "associate"),
                        ("中级", "intermediate"), ("初级", "junior"), ("其他", "other")], accepted: ""),
            accepted: "senior, associate, intermediate, junior, other (正高, 副高, 中级, 初级, 其他)")),
        "employer_type": RuleField(sql: "(SELECT kind FROM unit_member WHERE id = m.unit_id)",
                                   kind: .vocabulary(Vocabularies.unitKind, accepted: Vocabularies.unitKind.accepted)),
        "age": RuleField(sql: "m.age", kind: .number),
        "membership_years": RuleField(sql: SQLExpressions.age(birthDate: "m.period_start"), kind: .number),
        "services_12m": RuleField(sql: "(SELECT count(*) FROM service_record s WHERE s.member_id = m.id AND s.served_on > ?2 AND s.served_on <= ?1)",
                                  kind: .number),
        "services_total": RuleField(sql: "(SELECT count(*) FROM service_record s WHERE s.member_id = m.id AND s.served_on <= ?1)",
                                    kind: .number),
        // Never served counts as infinitely long ago, so `last_service_days > 365` includes them.
        "last_service_days": RuleField(sql: "coalesce(CAST(julianday(?1) - julianday(m.last_served) AS INTEGER), 1000000000)",
                                       kind: .number),
    ]
}

/// Rules files: read, parse, compile.
public enum SegmentRules {
    /// The segments a rules file defines, or a one-line error naming the file and line.
    public static func load(path: String) throws -> [Segment] {
        let name = Sanitized.message((path as NSString).lastPathComponent)
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size <= 1024 * 1024 else {
            throw RuleError(file: name, line: 0, problem: Text(
                en: "cannot read the rules file \(name): it must be an ordinary file of at most 1 MiB; check the path",
                zh: "无法读取规则文件 \(name)：它须是不超过 1 MiB 的普通文件；请检查路径"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleError(file: name, line: 0, problem: Text(en: "cannot read the rules file \(path); check the path",
                                                              zh: "无法读取规则文件 \(path)；请检查路径"))
        }
        guard let source = String(data: data, encoding: .utf8) else {
            throw RuleError(file: name, line: 0, problem: Text(en: "the rules file is not UTF-8; save it as UTF-8",
                                                              zh: "规则文件不是 UTF-8 编码；请另存为 UTF-8"))
        }
        return try parse(source, file: name)
    }

    public static func parse(_ source: String, file: String) throws -> [Segment] {
        let compiler = RuleCompiler(file: file)
        return try RuleParser(file: file).parse(source).map(compiler.segment)
    }
}
