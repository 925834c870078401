import Foundation
import Hummingbird
import RegistrarKit

extension WebApp {
    func addRegistrationRoutes(_ router: Router<WebContext>) {
        router.get("/registration/due") { request, context -> Response in
            _ = try context.require(.staff)
            let l = context.language
            let today = Day.today()
            let year = try Self.year(request.query("year"), default: today.year)
            let due = try await self.registry(context) { try $0.registrationDueShown(year: year, on: today) }
            var model = PageModel()
            model.form = self.yearForm("/registration/due", year, l, label: Text(en: "Registration year", zh: "注册年度"))
            var section = PageModel.Section(heading: Text(en: "On the roll on \(today.iso), not registered for \(year): \(due.count)",
                                                          zh: "\(today.iso) 在册、未办理 \(year) 年度注册：\(due.count) 人")(l))
            if due.isEmpty {
                section.empty = Text(en: "No renewal is due (or registration is not required in \(year)).",
                                     zh: "没有待办的年度注册（或 \(year) 年不要求注册）。")(l)
            } else {
                section.headers = [(Text(en: "Member number", zh: "会员编号")(l), false), (Text(en: "Name", zh: "姓名")(l), false),
                                   (Text(en: "Employer", zh: "工作单位")(l), false), (Text(en: "Email", zh: "电子邮箱")(l), false),
                                   (Text(en: "Phone", zh: "手机")(l), false), (Text(en: "Last registered", zh: "最近注册年度")(l), true)]
                section.rows = due.prefix(1000).map { member in
                    [PageModel.Cell(text: member.memberNo ?? "", href: member.memberNo.map { "/members/" + FormData.percentEncode($0) }, header: true),
                     PageModel.Cell(text: member.name), PageModel.Cell(text: member.employer ?? ""), PageModel.Cell(text: member.email ?? ""),
                     PageModel.Cell(text: member.phone ?? ""), PageModel.Cell(text: member.lastRegistered.map(String.init) ?? "", num: true)]
                }
                if due.count > 1000 {
                    section.paragraphs.append((Text(en: "The first 1,000 are shown; download the CSV for all of them.",
                                                    zh: "仅显示前 1,000 人；全部名单请下载 CSV。")(l), false))
                }
                section.links = [(Text(en: "Download as CSV for a mail merge", zh: "下载 CSV（用于邮件合并）")(l),
                                  "/registration/due.csv?year=\(year)")]
            }
            model.sections.append(section)
            return self.pages.sections(title: Text(en: "Renewals due", zh: "待办年度注册")(l), model, request: request, context: context)
        }

        router.get("/registration/due.csv") { request, context -> Response in
            _ = try context.require(.staff)
            let today = Day.today()
            let year = try Self.year(request.query("year"), default: today.year)
            let (_, folder) = try await self.staging.newFolder()
            defer { Task { await self.staging.discard(folder: folder) } }
            let path = folder + "/due.csv"
            let language = context.language
            let data = try await self.registry(context) { registry -> Data in
                try registry.exportRegistrationDue(year: year, on: today, to: path, language: language)
                return try Data(contentsOf: URL(fileURLWithPath: path))
            }
            return Response(status: .ok, headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"registration-due-\(year).csv\"",
            ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
}
