import Foundation
import Hummingbird
import Mustache
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

/// Turns page models into whole HTML pages: the layout (navigation for the user's role, the language
/// switch, who is signed in) around each page's content. The templates escape every value;
/// `{{{…}}}` is used only for HTML this code made.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let society: String

    init(society: String) throws {
        var library = MustacheLibrary()
        let templates: [(String, [UInt8])] = [
            ("layout", PackageResources.layout_mustache), ("login", PackageResources.login_mustache),
            ("problem", PackageResources.problem_mustache), ("sections", PackageResources.sections_mustache),
            ("import", PackageResources.import_mustache),
        ]
        for (name, bytes) in templates {
            try library.register(String(decoding: bytes, as: UTF8.self), named: name)
        }
        self.library = library
        self.society = society
    }

    func render(_ template: String, _ values: [String: Any]) -> String {
        library.render(values, withTemplate: template) ?? ""
    }

    /// A whole page around `content` (HTML made by `render`).
    func page(title: String, content: String, request: Request, context: WebContext,
              status: HTTPResponse.Status = .ok, flash: String? = nil, current: String? = nil) -> Response {
        let language = context.language
        var values: [String: Any] = [
            "htmlLang": language == .zh ? "zh-CN" : "en", "title": title, "appName": WebWords.appName(language),
            "style": Self.style, "skip": WebWords.skip(language), "society": society, "content": content,
            "navLabel": WebWords.navigation(language),
            "switchHref": Self.switchHref(request, to: language == .zh ? .en : .zh),
            "switchLang": language == .zh ? "en" : "zh-CN", "switchLabel": WebWords.switchLanguage(language),
        ]
        if let flash { values["flash"] = flash }
        if let user = context.user, let session = context.session {
            values["user"] = ["name": user.name, "role": user.role.label(language), "csrf": session.csrf,
                              "signedInAs": WebWords.signedInAs(language), "signOut": WebWords.signOut(language)]
            let nav = Self.navigation(for: user.role).map { item -> [String: Any] in
                ["href": item.href, "label": item.label(language), "current": item.href == (current ?? request.uri.path)]
            }
            values["nav"] = nav
            values["hasNav"] = !nav.isEmpty
        }
        return Self.html(render("layout", values), status: status, context: context)
    }

    /// The refusal page: what is wrong and what to do, nothing changed.
    func problem(_ message: Text, status: HTTPResponse.Status, request: Request, context: WebContext,
                 back: String = "/") -> Response {
        let language = context.language
        // As on the commands' stderr: a NUL or an escape typed into a field is shown as `\u{0}`, and
        // anything shaped like an identity number is masked, whichever layer wrote the message.
        let content = render("problem", ["message": Sanitized.message(message(language)), "unchanged": WebWords.whatToDo(language),
                                         "backHref": back, "backLabel": WebWords.back(language)])
        return page(title: WebWords.problemTitle(language), content: content, request: request, context: context,
                    status: status)
    }

    func sections(title: String, _ model: PageModel, request: Request, context: WebContext,
                  status: HTTPResponse.Status = .ok, flash: String? = nil, current: String? = nil) -> Response {
        let content = render("sections", model.values(csrf: context.session?.csrf ?? ""))
        return page(title: title, content: content, request: request, context: context, status: status, flash: flash,
                    current: current)
    }

    static func html(_ body: String, status: HTTPResponse.Status, context: WebContext) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        if context.languageChosen {
            headers[values: .setCookie].append(
                "registrar_lang=\(context.language.rawValue); Path=/; Max-Age=31536000; SameSite=Strict; HttpOnly")
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    struct NavItem {
        let href: String
        let label: Text
        let role: WebRole
    }

    static let navItems: [NavItem] = [
        NavItem(href: "/", label: WebWords.dashboard, role: .viewer),
        NavItem(href: "/members", label: WebWords.members, role: .staff),
        NavItem(href: "/import", label: WebWords.importFile, role: .staff),
        NavItem(href: "/reports/monthly", label: WebWords.monthly, role: .viewer),
        NavItem(href: "/reports/annual", label: WebWords.annual, role: .viewer),
        NavItem(href: "/growth", label: WebWords.growth, role: .viewer),
        NavItem(href: "/board", label: WebWords.board, role: .viewer),
        NavItem(href: "/integrity", label: WebWords.integrity, role: .staff),
        NavItem(href: "/segments", label: WebWords.segments, role: .staff),
        NavItem(href: "/registration/due", label: Text(en: "Renewals due", zh: "待办注册"), role: .staff),
        NavItem(href: "/audit", label: WebWords.audit, role: .admin),
        NavItem(href: "/settings", label: Text(en: "Settings", zh: "设置"), role: .admin),
        NavItem(href: "/users", label: Text(en: "Users", zh: "用户"), role: .admin),
    ]

    static func navigation(for role: WebRole) -> [NavItem] { navItems.filter { $0.role <= role } }

    /// The same page in the other language: GET pages keep their query; after a POST, the page it came from.
    static func switchHref(_ request: Request, to language: Language) -> String {
        var path = request.uri.path
        var items: [String] = []
        if request.method == .get {
            for (key, value) in request.uri.queryParameters where key != "lang" {
                items.append(FormData.percentEncode(String(key)) + "=" + FormData.percentEncode(String(value)))
            }
        } else if path.hasPrefix("/import") {
            path = "/import"
        } else if path.hasPrefix("/members") {
            path = "/members"
        } else {
            path = "/"
        }
        items.append("lang=" + language.rawValue)
        return path + "?" + items.joined(separator: "&")
    }

    static let style = """
        body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 0 auto; max-width: 64em; padding: 0 1em 2em; color: #222; line-height: 1.45; }
        header { border-bottom: 2px solid #8b1a1a; padding: 0.5em 0; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em 1.5em; }
        .brand { font-weight: bold; margin: 0; }
        nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.2em 0.9em; }
        nav a[aria-current] { font-weight: bold; text-decoration: none; color: #222; }
        .who { margin-left: auto; display: flex; gap: 0.7em; align-items: center; }
        a { color: #1f4f8b; } a:focus, button:focus, input:focus, select:focus { outline: 3px solid #f0a500; outline-offset: 1px; }
        .skip { position: absolute; left: -999em; } .skip:focus { position: static; }
        h1 { font-size: 1.5em; margin-top: 0.8em; } h2 { font-size: 1.15em; margin-top: 1.4em; }
        table { border-collapse: collapse; margin: 0.5em 0; min-width: 24em; }
        caption { text-align: left; font-weight: bold; padding: 0.2em 0; }
        th, td { border: 1px solid #ccc; padding: 0.25em 0.7em; text-align: left; vertical-align: top; }
        thead th { background: #f2f4f7; } tbody th { font-weight: normal; background: #fafbfc; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .note { color: #444; } .verdict { font-weight: bold; }
        .flash { background: #eef6ee; border-left: 4px solid #3c7d3c; padding: 0.4em 0.8em; }
        .problem { background: #fdf0ef; border-left: 4px solid #b3261e; padding: 0.4em 0.8em; }
        form.inline { display: inline; } form.query { margin: 0.8em 0; } .stack label { font-weight: bold; }
        input, select, button { font: inherit; padding: 0.2em 0.4em; }
        figure { margin: 1em 0; } svg { max-width: 100%; height: auto; }
        .pager { margin: 1em 0; }
        @media print { header nav, .who, form, .skip, .pager { display: none; } body { max-width: none; } a { color: #222; text-decoration: none; } }
        """
}
