import RegistrarKit

/// The typed shape of a page's content, turned into the `sections` template's values in one place.
struct PageModel {
    var form: QueryForm?
    var sections: [Section] = []
    var pager: Pager?

    struct QueryForm {
        var action: String
        var fields: [Field]
        var submit: String
    }

    struct Field {
        var name: String
        var label: String
        var value: String
        var type: String? = nil
        var placeholder: String? = nil
    }

    struct Cell {
        var text: String
        var num = false
        var href: String? = nil
        /// The row's heading cell (`<th scope="row">`).
        var header = false

        static func number(_ value: Int) -> Cell { Cell(text: NumberText.grouped(value), num: true) }
    }

    struct Section {
        var heading: String?
        var paragraphs: [(text: String, strong: Bool)] = []
        var caption: String? = nil
        var headers: [(text: String, num: Bool)] = []
        var rows: [[Cell]] = []
        var empty: String? = nil
        var links: [(text: String, href: String)] = []
        var postForm: (action: String, submit: String)? = nil
        /// HTML already escaped by RegistrarKit's renderers (reports, the chart); never user text.
        var fragment: String? = nil
    }

    struct Pager {
        var label: String
        var page: String
        var previous: String?
        var previousLabel: String
        var next: String?
        var nextLabel: String
    }

    func values(csrf: String) -> [String: Any] {
        var top: [String: Any] = [:]
        if let form {
            top["form"] = [
                "action": form.action, "submit": form.submit,
                "fields": form.fields.map { field -> [String: Any] in
                    var entry: [String: Any] = ["name": field.name, "label": field.label, "value": field.value]
                    if let type = field.type { entry["type"] = type }
                    if let placeholder = field.placeholder { entry["placeholder"] = placeholder }
                    return entry
                },
            ] as [String: Any]
        }
        top["sections"] = sections.map { section -> [String: Any] in
            var entry: [String: Any] = [
                "paragraphs": section.paragraphs.map { ["text": $0.text, "strong": $0.strong] as [String: Any] },
                "hasTable": !section.headers.isEmpty,
                "headers": section.headers.map { ["text": $0.text, "num": $0.num] as [String: Any] },
                "rows": section.rows.map { row in
                    ["cells": row.map { cell -> [String: Any] in
                        var value: [String: Any] = ["text": cell.text, "num": cell.num, "header": cell.header]
                        if let href = cell.href { value["href"] = href }
                        return value
                    }] as [String: Any]
                },
                "hasLinks": !section.links.isEmpty,
                "links": section.links.map { ["text": $0.text, "href": $0.href] },
            ]
            if let heading = section.heading { entry["heading"] = heading }
            if let caption = section.caption { entry["caption"] = caption }
            if let empty = section.empty { entry["empty"] = empty }
            if let form = section.postForm { entry["postForm"] = ["action": form.action, "submit": form.submit, "csrf": csrf] }
            if let fragment = section.fragment { entry["fragment"] = fragment }
            return entry
        }
        if let pager {
            var entry: [String: Any] = ["label": pager.label, "page": pager.page,
                                        "previousLabel": pager.previousLabel, "nextLabel": pager.nextLabel]
            if let previous = pager.previous { entry["previous"] = previous }
            if let next = pager.next { entry["next"] = next }
            top["pager"] = entry
        }
        return top
    }
}
