extension ReportSection {
    /// The section as a titled terminal table, its note on the line below.
    func table(_ language: Language) -> String {
        var columns = [TextTable.Column(headings[0](language))]
        for index in headings.indices.dropFirst() {
            let title = headings[index](language)
            columns.append(isNumericColumn(index - 1) ? .number(title) : .init(title))
        }
        var table = TextTable(columns: columns)
        for row in rows {
            table.append([row.label(language)] + row.values.map { $0.display(language) })
        }
        var text = title(language) + "\n" + table.render()
        if let note { text += TextWrap.paragraph(note(language), width: TerminalWidth.columns) + "\n" }
        return text
    }

    /// The section as `section,key,label,value` records; the note becomes a `reason` record.
    func csvRecords(_ language: Language) -> String {
        var text = ""
        for row in rows {
            text += CSVField.record([key, row.key, row.label(language), row.values.first?.machine(language) ?? ""])
        }
        if let note {
            text += CSVField.record([key, "reason", ReportWords.reason(language), note(language)])
        }
        return text
    }

    /// The section as an HTML heading, table and note, every text escaped.
    func html(_ language: Language) -> String {
        var html = "<section>\n<h2>\(HTMLEscape.escape(title(language)))</h2>\n<table>\n<thead><tr>"
        for (index, heading) in headings.enumerated() {
            let numeric = index > 0 && isNumericColumn(index - 1)
            html += "<th\(numeric ? " class=\"num\"" : "")>\(HTMLEscape.escape(heading(language)))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr><td>\(HTMLEscape.escape(row.label(language)))</td>"
            for value in row.values {
                html += "<td\(value.isNumeric ? " class=\"num\"" : "")>\(HTMLEscape.escape(value.display(language)))</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if let note { html += "<p class=\"note\">\(HTMLEscape.escape(note(language)))</p>\n" }
        return html + "</section>\n"
    }
}
