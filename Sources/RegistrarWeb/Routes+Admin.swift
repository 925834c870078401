import Hummingbird
import RegistrarKit

extension WebApp {
    /// Admin only: the society's settings (changed through the same call as `registrar settings set`,
    /// which audits the change) and the web accounts (managed with `registrar users`).
    func addAdminRoutes(_ router: Router<WebContext>) {
        router.get("/settings") { request, context -> Response in
            _ = try context.require(.admin)
            let settings = try await self.registry(context) { try $0.settings() }
            return self.settingsPage(settings, request, context)
        }

        router.post("/settings") { request, context -> Response in
            let fields = try await FormData.read(request, context: context)
            try self.checkCSRF(fields, context)
            _ = try context.require(.admin)
            guard let key = fields["key"].flatMap(SocietySettings.Key.init(rawValue:)) else {
                throw WebProblem.badInput(Text(en: "Choose one of the settings on the settings page.", zh: "请在设置页面中选择一项设置。"))
            }
            let value = fields["value"]?.trimmingCharacters(in: .whitespaces) ?? ""
            let settings = try await self.registry(context) { try $0.setSetting(key, to: value) }
            return self.settingsPage(settings, request, context,
                                     flash: Text(en: "\(key.rawValue) is now \(value).", zh: "\(key.rawValue) 已改为 \(value)。")(context.language))
        }

        router.get("/users") { request, context -> Response in
            _ = try context.require(.admin)
            let l = context.language
            let users = try await self.registry(context) { try $0.webUsers() }
            var section = PageModel.Section(heading: Text(en: "Web users", zh: "网页用户")(l))
            section.paragraphs = [(Text(en: "Add, remove or reset them on the server: registrar users add NAME --role ROLE, users remove NAME, users set-password NAME.",
                                        zh: "在服务器上管理：registrar users add NAME --role ROLE、users remove NAME、users set-password NAME。")(l), false)]
            section.headers = [(Text(en: "Name", zh: "用户名")(l), false), (Text(en: "Role", zh: "角色")(l), false),
                               (Text(en: "Locked until (UTC)", zh: "锁定至（UTC）")(l), false), (Text(en: "Created", zh: "创建时间")(l), false)]
            section.rows = users.map { [PageModel.Cell(text: $0.name, header: true), PageModel.Cell(text: $0.role.label(l)),
                                        PageModel.Cell(text: $0.lockedUntil ?? ""), PageModel.Cell(text: $0.createdAt)] }
            var model = PageModel()
            model.sections = [section]
            return self.pages.sections(title: Text(en: "Users", zh: "用户")(l), model, request: request, context: context)
        }
    }

    func settingsPage(_ s: SocietySettings, _ request: Request, _ context: WebContext, flash: String? = nil) -> Response {
        let l = context.language
        func percent(_ basisPoints: Int?) -> String { basisPoints.map { Percent(basisPoints: $0).description } ?? "" }
        let values: [(SocietySettings.Key, String)] = [
            (.name, s.name), (.baseYear, String(s.baseYear)), (.targetYear, String(s.targetYear)),
            (.goal, percent(s.goalBasisPoints)), (.relaxationThreshold, percent(s.relaxationThresholdBasisPoints)),
            (.relaxedCapSeats, s.relaxedCapSeats.map(String.init) ?? ""), (.relaxedCapPercent, percent(s.relaxedCapBasisPoints)),
            (.youngAge, String(s.youngAge)), (.absenceThreshold, String(s.absenceThreshold)),
            (.branchInactiveMonths, String(s.branchInactiveMonths)),
            (.registrationRequiredFrom, s.registration.requiredFrom.map(String.init) ?? ""),
            (.registrationGraceMonths, String(s.registration.graceMonths)),
            (.registrationLapseYears, String(s.registration.lapseYears)),
        ]
        var section = PageModel.Section(heading: Text(en: "The society's settings", zh: "学会设置")(l))
        section.headers = [(Text(en: "Setting", zh: "设置项")(l), false), (Text(en: "Value", zh: "值")(l), false)]
        section.rows = values.map { [PageModel.Cell(text: $0.0.rawValue, header: true), PageModel.Cell(text: $0.1)] }
        let csrf = context.session?.csrf ?? ""
        let options = SocietySettings.Key.allCases.map { "<option value=\"\(HTMLEscape.escape($0.rawValue))\">\(HTMLEscape.escape($0.rawValue))</option>" }.joined()
        section.fragment = """
            <form method="post" action="/settings" class="query">
            <input type="hidden" name="csrf_token" value="\(HTMLEscape.escape(csrf))">
            <label for="key">\(HTMLEscape.escape(Text(en: "Change", zh: "修改")(l)))</label> <select id="key" name="key">\(options)</select>
            <label for="value">\(HTMLEscape.escape(Text(en: "to", zh: "为")(l)))</label> <input id="value" name="value" required>
            <button type="submit">\(HTMLEscape.escape(Text(en: "Save (audited)", zh: "保存（记入审计日志）")(l)))</button>
            </form>

            """
        var model = PageModel()
        model.sections = [section]
        return pages.sections(title: Text(en: "Settings", zh: "设置")(l), model, request: request, context: context, flash: flash)
    }
}
