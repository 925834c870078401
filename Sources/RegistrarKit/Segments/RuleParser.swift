import Foundation

/// Reads the rules file format (README "User-defined segments") into `SegmentRule`s.
///
/// ```
/// [segment young_women_beijing]
/// description = Young women in Beijing
/// description.zh = 北京青年女性会员
/// all:
///     gender = F
///     age <= 35
///     any:
///         province in 北京, 上海
///         not:
///             grassroots = 1
/// ```
/// Conditions at the top of a block are all required; `all:`, `any:` and `not:` group the lines indented under them.
struct RuleParser {
    let file: String

    private struct Line {
        var number: Int
        var indent: Int
        var text: String
    }

    static let metadataKeys = ["description", "description.zh", "service", "service.zh"]

    /// Far above what a society writes, and below what SQLite can take in one query (2,000 result
    /// columns, expression trees 1,000 deep, 32,766 bound values): a file past them is refused at its
    /// line, in its own words, before any SQL is made.
    static let maxSegments = 200
    static let maxDepth = 16
    static let maxConditionsPerSegment = 200
    static let maxValues = 10_000

    func parse(_ source: String) throws -> [SegmentRule] {
        var rules: [SegmentRule] = []
        var names: Set<String> = []
        var values = 0
        var header: (name: String, line: Int)?
        var metadata: [String: String] = [:]
        var body: [Line] = []

        func finish() throws {
            guard let current = header else { return }
            guard !body.isEmpty else {
                throw RuleError(file: file, line: current.line, problem: Text(
                    en: "segment '\(current.name)' has no conditions; add lines such as `age <= 35` under it",
                    zh: "分组 '\(current.name)' 没有条件；请在其下添加如 `age <= 35` 的条件行"))
            }
            if body.count > Self.maxConditionsPerSegment {
                throw RuleError(file: file, line: body[Self.maxConditionsPerSegment].number, problem: Text(
                    en: "segment '\(current.name)' has more than \(Self.maxConditionsPerSegment) condition lines; split it into smaller segments",
                    zh: "分组 '\(current.name)' 的条件行超过 \(Self.maxConditionsPerSegment) 行；请拆分为较小的分组"))
            }
            var index = 0
            let conditions = try block(body, &index, indent: body[0].indent, depth: 1, values: &values)
            if index < body.count {
                throw RuleError(file: file, line: body[index].number, problem: Text(
                    en: "this line is indented less than the segment's first condition; align it with the lines above",
                    zh: "此行缩进少于该分组第一个条件；请与上面的行对齐"))
            }
            rules.append(SegmentRule(name: current.name, line: current.line, description: metadata["description"],
                                     descriptionZh: metadata["description.zh"], service: metadata["service"],
                                     serviceZh: metadata["service.zh"],
                                     condition: conditions.count == 1 ? conditions[0] : .all(conditions)))
        }

        // Swift reads "\r\n" as one character, so a file saved by Notepad is split on it too.
        let lines = source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (offset, raw) in lines.enumerated() {
            let number = offset + 1
            var text = String(raw)
            if text.hasSuffix("\r") { text.removeLast() }
            if number == 1 && text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let content = text.trimmingCharacters(in: .whitespaces)
            if content.isEmpty || content.hasPrefix("#") { continue }
            let indent = text.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
            if content.hasPrefix("[") {
                try finish()
                let name = try segmentName(content, line: number)
                header = (name, number)
                guard names.insert(name).inserted else {
                    throw RuleError(file: file, line: number, problem: Text(
                        en: "a segment named '\(name)' is already defined above; give this one another name",
                        zh: "上文已定义名为 '\(name)' 的分组；请换一个名称"))
                }
                guard names.count <= Self.maxSegments else {
                    throw RuleError(file: file, line: number, problem: Text(
                        en: "more than \(Self.maxSegments) segments in one file; split the file and run it in parts",
                        zh: "一个文件中的分组超过 \(Self.maxSegments) 个；请拆分文件分别运行"))
                }
                metadata = [:]
                body = []
                continue
            }
            guard header != nil else {
                throw RuleError(file: file, line: number, problem: Text(
                    en: "this line is outside any segment; start a segment with `[segment NAME]`",
                    zh: "此行不属于任何分组；请先用 `[segment 名称]` 开始一个分组"))
            }
            if body.isEmpty, let equals = content.firstIndex(of: "="),
               Self.metadataKeys.contains(content[..<equals].trimmingCharacters(in: .whitespaces).lowercased()) {
                let key = content[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
                metadata[key] = content[content.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                continue
            }
            body.append(Line(number: number, indent: indent, text: content))
        }
        try finish()
        return rules
    }

    private func segmentName(_ content: String, line: Int) throws -> String {
        let inner = content.dropFirst().trimmingCharacters(in: .whitespaces)
        let parts = inner.split(separator: " ", omittingEmptySubsequences: true)
        guard content.hasSuffix("]"), parts.count == 2, parts[0] == "segment" else {
            throw RuleError(file: file, line: line, problem: Text(
                en: "'\(content)' is not a segment header; write `[segment NAME]`",
                zh: "'\(content)' 不是分组标题；请写作 `[segment 名称]`"))
        }
        let name = String(parts[1].dropLast())
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
            throw RuleError(file: file, line: line, problem: Text(
                en: "segment name '\(name)' may use only ASCII letters, digits, _ and -",
                zh: "分组名称 '\(name)' 只能使用英文字母、数字、_ 和 -"))
        }
        return name
    }

    /// The conditions at `indent` from `index` on, with their nested groups.
    private func block(_ lines: [Line], _ index: inout Int, indent: Int, depth: Int, values: inout Int) throws -> [RuleCondition] {
        var conditions: [RuleCondition] = []
        // Depth 1 is a segment's own conditions; each all:/any:/not: adds one.
        if depth > Self.maxDepth + 1, index < lines.count {
            throw RuleError(file: file, line: lines[index].number, problem: Text(
                en: "groups are nested more than \(Self.maxDepth) deep here; write the condition with fewer levels of all:/any:/not:",
                zh: "此处分组嵌套超过 \(Self.maxDepth) 层；请减少 all:/any:/not: 的层数"))
        }
        while index < lines.count {
            let line = lines[index]
            if line.indent < indent { break }
            if line.indent > indent {
                throw RuleError(file: file, line: line.number, problem: Text(
                    en: "unexpected indentation; indent only the lines under `all:`, `any:` or `not:`",
                    zh: "缩进有误；只有 `all:`、`any:`、`not:` 下的行需要缩进"))
            }
            index += 1
            let group = line.text.lowercased()
            if ["all:", "any:", "not:"].contains(group) {
                guard index < lines.count, lines[index].indent > indent else {
                    throw RuleError(file: file, line: line.number, problem: Text(
                        en: "`\(group)` needs at least one condition indented under it",
                        zh: "`\(group)` 下至少需要一条缩进的条件"))
                }
                let children = try block(lines, &index, indent: lines[index].indent, depth: depth + 1, values: &values)
                switch group {
                case "all:": conditions.append(.all(children))
                case "any:": conditions.append(.any(children))
                default: conditions.append(.not(children))
                }
            } else {
                let condition = try comparison(line)
                if case .comparison(_, _, let list, _) = condition { values += list.count }
                guard values <= Self.maxValues else {
                    throw RuleError(file: file, line: line.number, problem: Text(
                        en: "the file lists more than \(Self.maxValues) values in all; split it into smaller files",
                        zh: "文件中列出的值总数超过 \(Self.maxValues) 个；请拆分为较小的文件"))
                }
                conditions.append(condition)
            }
        }
        return conditions
    }

    /// `FIELD OP VALUE`, where VALUE is a comma-separated list after `in` and `not in`.
    private func comparison(_ line: Line) throws -> RuleCondition {
        let text = line.text
        let field = String(text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }).lowercased()
        guard !field.isEmpty else {
            throw RuleError(file: file, line: line.number, problem: Text(
                en: "'\(text)' is not a condition; write FIELD OPERATOR VALUE, e.g. `age <= 35`",
                zh: "'\(text)' 不是条件；请写作 字段 运算符 值，例如 `age <= 35`"))
        }
        var rest = text.dropFirst(field.count).drop { $0 == " " }
        guard let op = RuleOperator.spellings.first(where: { op in
            guard rest.lowercased().hasPrefix(op.rawValue) else { return false }
            let after = rest.dropFirst(op.rawValue.count).first
            // A word operator must end at a space: `income` is not `in` + `come`.
            return !((op.rawValue.last?.isLetter ?? false) && after != nil && after != " ")
        }) else {
            let word = rest.prefix { $0 != " " }
            throw RuleError(file: file, line: line.number, problem: Text(
                en: "unknown operator '\(word)'; use one of \(RuleOperator.allCases.map(\.rawValue).joined(separator: ", "))",
                zh: "未知运算符 '\(word)'；可用：\(RuleOperator.allCases.map(\.rawValue).joined(separator: "、"))"))
        }
        rest = rest.dropFirst(op.rawValue.count)
        let value = rest.trimmingCharacters(in: .whitespaces)
        let values: [String]
        if op == .isIn || op == .notIn {
            values = value.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" })
                .map { Self.unquoted($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
        } else {
            values = [Self.unquoted(value)]
        }
        guard !values.isEmpty, !values.contains(where: \.isEmpty) else {
            throw RuleError(file: file, line: line.number, problem: Text(
                en: "the condition on '\(field)' has no value; write one after '\(op.rawValue)'",
                zh: "字段 '\(field)' 的条件缺少值；请在 '\(op.rawValue)' 后填写"))
        }
        return .comparison(field: field, op: op, values: values, line: line.number)
    }

    /// A value may be written in double quotes, to keep a comma or surrounding spaces.
    private static func unquoted(_ value: String) -> String {
        value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"") ? String(value.dropFirst().dropLast()) : value
    }
}
