import RegistrarModel
/// How registration cells read (DESIGN.md "Annual registration"): years, yes/no words, and amounts
/// of money in yuan. Pure functions of normalised text, so the roster and the registrations file agree.
package enum RegistrationValues {
    package static let years = 1900...9999

    /// Words that mean "registered for the year of --as-of".
    package static let yes: Set<String> = ["是", "已注册", "注册", "yes", "y", "1", "true"]
    /// Words that mean "nothing recorded" (never removes a recorded registration).
    package static let no: Set<String> = ["否", "未注册", "no", "n", "0", "false"]

    package static let yearsExpected = Text(
        en: "write one or more years such as 2018, 2017,2018 or 2017、2018, or 是/否",
        zh: "请填写一个或多个年份，如 2018、2017,2018 或 2017、2018，或填写 是/否")

    /// The years a roster's registration cell records: the years listed, the year of `asOf` for a
    /// yes, none for a no or an empty cell; nil when the cell is none of these.
    package static func rosterYears(_ text: String, asOf: Day) -> [Int]? {
        let value = text.trimmingWhitespace
        if value.isEmpty || no.contains(value.lowercased()) { return [] }
        if yes.contains(value.lowercased()) { return [asOf.year] }
        var result: [Int] = []
        for part in value.split(whereSeparator: { ",、;；/ ".contains($0) }) {
            guard let year = year(String(part)) else { return nil }
            if !result.contains(year) { result.append(year) }
        }
        return result.isEmpty ? nil : result
    }

    /// A registration year: four digits, optionally followed by 年 or 年度.
    package static func year(_ text: String) -> Int? {
        var value = text.trimmingWhitespace
        for suffix in ["年度", "年"] where value.hasSuffix(suffix) { value.removeLast(suffix.count); break }
        guard value.utf8.count == 4, value.utf8.allSatisfy({ (48...57).contains($0) }), let year = Int(value),
              years.contains(year) else { return nil }
        return year
    }

    /// An amount in yuan with at most two decimals, as whole fen: `128`, `128.5`, `1,280.00`, `¥128`,
    /// `128元`. Nil for anything else, negative amounts included.
    package static func fen(_ text: String) -> Int? {
        var value = text.trimmingWhitespace
        for prefix in ["¥", "￥", "RMB", "CNY"] where value.hasPrefix(prefix) { value.removeFirst(prefix.count); break }
        if value.hasSuffix("元") { value.removeLast() }
        value = value.trimmingWhitespace.replacingOccurrences(of: ",", with: "")
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 12,
              parts[0].utf8.allSatisfy({ (48...57).contains($0) }), let yuan = Int(parts[0]) else { return nil }
        var fen = yuan * 100
        if parts.count == 2 {
            let decimals = parts[1]
            guard (1...2).contains(decimals.count), decimals.utf8.allSatisfy({ (48...57).contains($0) }),
                  let digits = Int(decimals) else { return nil }
            fen += decimals.count == 1 ? digits * 10 : digits
        }
        return fen
    }

    /// Why a registration year before the year of the member's first period (`first`, `YYYY-MM-DD`)
    /// is refused, by the roster's registration column and the registrations file alike.
    package static func beforeJoining(_ year: Int, first: String) -> Text {
        Text(en: "\(year) is before the member joined (\(first)); check the year",
             zh: "\(year) 年早于该会员入会日期（\(first)）；请核对年份")
    }

    package static let amountExpected = Text(en: "write an amount in yuan with at most two decimals, such as 200 or 150.50",
                                     zh: "请填写以元为单位、最多两位小数的金额，如 200 或 150.50")
}

fileprivate extension String {
    var trimmingWhitespace: String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}
