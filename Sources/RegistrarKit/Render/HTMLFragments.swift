/// The HTML reports' bodies without the page around them, for `registrar serve` to put in its own page
/// (with its navigation and language switch): the same sections, so a page and a file never disagree.
extension MonthlyReport {
    public func htmlFragment(_ language: Language) -> String {
        "<figure>\n\(chart(language).render())</figure>\n" + sections.map { $0.html(language) }.joined()
    }
}

extension AnnualReport {
    public func htmlFragment(_ language: Language) -> String {
        sections.map { $0.html(language) }.joined()
    }

    public func heading(_ language: Language) -> String { title(language)
    }
}

extension GrowthReport {
    public func htmlFragment(_ language: Language) -> String {
        sections.map { $0.html(language) }.joined()
    }
}

extension BoardCap {
    public func htmlFragment(_ language: Language) -> String {
        section.html(language) + (notes.isEmpty ? "" : "<ul>\n" + notes.map { "<li>\(HTMLEscape.escape($0(language)))</li>\n" }.joined() + "</ul>\n")
    }
}

extension BoardCheck {
    /// The verdicts in a table, then each rule's reason, notes and the directors it names.
    public func htmlFragment(_ language: Language) -> String {
        let esc: (String) -> String = { HTMLEscape.escape($0) }
        var html = "<section>\n<h2>\(esc(heading(language)))</h2>\n<table>\n<thead><tr><th>"
            + esc(Text(en: "Rule", zh: "规则")(language)) + "</th><th>" + esc(Text(en: "Verdict", zh: "结论")(language))
            + "</th><th>" + esc(ReportWords.reason(language)) + "</th></tr></thead>\n<tbody>\n"
        for rule in rules {
            html += "<tr><td>\(esc(rule.title(language)))</td><td>\(esc(rule.verdict.label(language)))</td><td>\(esc(rule.reason(language)))"
            if !rule.notes.isEmpty || !rule.named.isEmpty {
                html += "<ul>" + rule.notes.map { "<li>\(esc($0(language)))</li>" }.joined()
                html += rule.named.map { "<li>\(esc($0.memberNo)) \(esc($0.name)): \(esc($0.detail(language)))</li>" }.joined() + "</ul>"
            }
            html += "</td></tr>\n"
        }
        html += "</tbody>\n</table>\n<p class=\"note\">"
        html += esc((allMet ? Text(en: "Every rule is met or not applicable.", zh: "各项规则均符合或不适用。")
                            : Text(en: "At least one rule is not met.", zh: "至少一项规则不符合。"))(language))
        return html + "</p>\n</section>\n"
    }
}
