import Foundation
import Hummingbird
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

extension WebApp {
    func addReportRoutes(_ router: Router<WebContext>) {
        router.get("/reports/monthly") { request, context -> Response in
            _ = try context.require(.viewer)
            let l = context.language
            let month = try Self.month(request.query("month"))
            let report = try await self.registry(context) { try $0.monthlyReport(month: month) }
            return self.reportPage(title: ReportWords.monthlyTitle(l) + " " + month.description, fragment: report.htmlFragment(l),
                                   form: PageModel.QueryForm(action: "/reports/monthly", fields: [
                                       PageModel.Field(name: "month", label: ReportWords.month(l), value: month.description,
                                                       type: "month", placeholder: "YYYY-MM")], submit: WebWords.show(l)),
                                   request, context)
        }

        router.get("/reports/annual") { request, context -> Response in
            _ = try context.require(.viewer)
            let l = context.language
            let year = try Self.year(request.query("year"), default: Day.today().year - 1)
            let report = try await self.registry(context) { try $0.annualReport(year: year) }
            return self.reportPage(title: report.heading(l), fragment: report.htmlFragment(l),
                                   form: self.yearForm("/reports/annual", year, l), request, context)
        }

        router.get("/growth") { request, context -> Response in
            _ = try context.require(.viewer)
            let l = context.language
            let year = try Self.year(request.query("year"), default: Day.today().year)
            let report = try await self.registry(context) { try $0.growthReport(year: year) }
            return self.reportPage(title: ReportWords.growthTitle(l) + " " + String(year), fragment: report.htmlFragment(l),
                                   form: self.yearForm("/growth", year, l), request, context)
        }

        router.get("/board") { request, context -> Response in
            _ = try context.require(.viewer)
            let l = context.language
            let year = try Self.year(request.query("year"), default: Day.today().year)
            let (cap, check) = try await self.registry(context) { registry -> (BoardCap, Result<BoardCheck, BoardError>) in
                let check: Result<BoardCheck, BoardError>
                do { check = .success(try registry.boardCheck(termNo: nil)) } catch let error as BoardError { check = .failure(error) }
                return (try registry.boardCap(year: year, previousBoardSize: nil), check)
            }
            var fragment = cap.htmlFragment(l)
            switch check {
            case .success(let check): fragment += check.htmlFragment(l)
            case .failure(let error): fragment += "<p class=\"note\">" + HTMLEscape.escape(error.message(l)) + "</p>\n"
            }
            return self.reportPage(title: WebWords.board(l), fragment: fragment,
                                   form: self.yearForm("/board", year, l, label: Text(en: "Election year", zh: "换届年份")), request, context)
        }

        router.get("/integrity") { request, context -> Response in
            _ = try context.require(.staff)
            let l = context.language
            let key = request.query("key")
            let on = try Self.day(request.query("on"), field: Text(en: "on", zh: "日期"))
            var model = PageModel()
            model.form = PageModel.QueryForm(action: "/integrity", fields: [
                PageModel.Field(name: "key", label: Text(en: "Member number, identity number or ORCID", zh: "会员编号、证件号码或 ORCID")(l),
                                value: key ?? ""),
                PageModel.Field(name: "on", label: Text(en: "On", zh: "日期")(l), value: on.iso, type: "date"),
            ], submit: Text(en: "Check", zh: "检查")(l))
            if let key {
                let verdict = try await self.registry(context) { try $0.checkIntegrity(key: key, on: on) }
                var section = self.integritySection(verdict, caseCount: nil, l)
                section.heading = "\(verdict.memberNo ?? "") \(verdict.name) · " + (section.heading ?? "")
                model.sections.append(section)
            }
            return self.pages.sections(title: WebWords.integrity(l), model, request: request, context: context)
        }

        router.get("/segments") { request, context -> Response in
            _ = try context.require(.staff)
            let l = context.language
            let on = try Self.day(request.query("on"), field: Text(en: "on", zh: "日期"))
            let sizes = try await self.registry(context) { try $0.segmentSizes(on: on, segments: BuiltInSegments.all) }
            var model = PageModel()
            model.form = PageModel.QueryForm(action: "/segments", fields: [
                PageModel.Field(name: "on", label: Text(en: "On", zh: "日期")(l), value: on.iso, type: "date"),
            ], submit: WebWords.show(l))
            var section = PageModel.Section(heading: Text(en: "Segments on \(on.iso)", zh: "\(on.iso) 的会员分群")(l))
            section.headers = [(Text(en: "Segment", zh: "分群")(l), false), (Text(en: "Who", zh: "说明")(l), false),
                               (ReportWords.members(l), true), (ReportWords.share(l), true),
                               (Text(en: "Suggested service", zh: "建议服务")(l), false), (Text(en: "Download", zh: "下载")(l), false)]
            section.rows = sizes.map { size in
                [PageModel.Cell(text: size.segment.name, header: true), PageModel.Cell(text: size.segment.description(l)),
                 .number(size.count), PageModel.Cell(text: Self.share(size), num: true),
                 PageModel.Cell(text: size.segment.suggestedService(l)),
                 PageModel.Cell(text: "CSV", href: "/segments/\(size.segment.name).csv?on=\(on.iso)")]
            }
            model.sections.append(section)
            return self.pages.sections(title: WebWords.segments(l), model, request: request, context: context)
        }

        router.get("/segments/:file") { request, context -> Response in
            _ = try context.require(.staff)
            let file = context.parameters.get("file") ?? ""
            guard file.hasSuffix(".csv"), let segment = BuiltInSegments.named(String(file.dropLast(4))) else {
                throw WebProblem(status: .notFound, message: Text(en: "There is no such segment; choose one from the segments page.",
                                                                  zh: "没有这个分群；请在会员分群页面中选择。"))
            }
            let on = try Self.day(request.query("on"), field: Text(en: "on", zh: "日期"))
            let (token, folder) = try await self.staging.newFolder()
            defer { Task { await self.staging.discard(folder: folder) } }
            _ = token
            let path = folder + "/" + segment.name + ".csv"
            let language = context.language
            let data = try await self.registry(context) { registry -> Data in
                try registry.exportSegment(segment, on: on, to: path, language: language)
                return try Data(contentsOf: URL(fileURLWithPath: path))
            }
            return Response(status: .ok, headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"\(segment.name)-\(on.iso).csv\"",
            ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }

        router.get("/audit") { request, context -> Response in
            _ = try context.require(.admin)
            let l = context.language
            let since = try request.query("since").map { try Self.day($0, field: Text(en: "since", zh: "起始日期")) }
            let entries = try await self.registry(context) { try $0.recentAuditEntries(since: since, limit: 500) }
            var model = PageModel()
            model.form = PageModel.QueryForm(action: "/audit", fields: [
                PageModel.Field(name: "since", label: Text(en: "Since", zh: "起始日期")(l), value: since?.iso ?? "", type: "date"),
            ], submit: WebWords.show(l))
            var section = PageModel.Section(heading: Text(en: "The latest \(entries.count) entries, newest first",
                                                          zh: "最近 \(entries.count) 条，最新在前")(l))
            section.headers = [(Text(en: "When (UTC)", zh: "时间（UTC）")(l), false), (Text(en: "Who", zh: "操作者")(l), false),
                               (Text(en: "Action", zh: "操作")(l), false), (Text(en: "Subject", zh: "对象")(l), false),
                               (Text(en: "Detail", zh: "详情")(l), false)]
            section.rows = entries.map { entry in
                [PageModel.Cell(text: entry.at, header: true), PageModel.Cell(text: entry.actor), PageModel.Cell(text: entry.action),
                 PageModel.Cell(text: entry.subject ?? ""), PageModel.Cell(text: entry.detail ?? "")]
            }
            model.sections.append(section)
            return self.pages.sections(title: WebWords.audit(l), model, request: request, context: context)
        }
    }

    func reportPage(title: String, fragment: String, form: PageModel.QueryForm, _ request: Request, _ context: WebContext) -> Response {
        var model = PageModel()
        model.form = form
        model.sections = [PageModel.Section(heading: nil, fragment: fragment)]
        return pages.sections(title: title, model, request: request, context: context)
    }

    func yearForm(_ action: String, _ year: Int, _ l: Language, label: Text = ReportWords.year) -> PageModel.QueryForm {
        PageModel.QueryForm(action: action, fields: [
            PageModel.Field(name: "year", label: label(l), value: String(year), type: "number"),
        ], submit: WebWords.show(l))
    }

    /// A month typed into a page, read as the commands read `--month` (`DateFlag.month`): the same
    /// forms and the same years, so a page and a command take the same values.
    static func month(_ text: String?) throws -> YearMonth {
        guard let text else { return YearMonth(Day.today()) }
        guard let month = DateFlag.month(text) else {
            throw WebProblem.badInput(Text(en: "'\(echo(text))' is not a month; use YYYY-MM, YYYY/M or YYYY年M月 from 1900 to 9999, such as 2018-12.",
                                           zh: "“\(echo(text))”不是月份；请用 YYYY-MM、YYYY/M 或 YYYY年M月 格式（1900 至 9999 年），如 2018-12。"))
        }
        return month
    }

    /// A segment's share of its population as `registrar segments` shows it: 0.00 on a day with no
    /// one in good standing (a date before the first member once stopped the server here).
    static func share(_ size: SegmentSize) -> String {
        size.population > 0 ? RoundedPercent(ratioOf: size.count, to: size.population).text : RoundedPercent(hundredths: 0).text
    }

    /// A year typed into a page: four digits (full-width too) from 1900 to 9999, as the commands take.
    static func year(_ text: String?, default fallback: Int) throws -> Int {
        guard let text else { return fallback }
        guard let year = Int(FieldNormalizer.normalize(text)), DateFlag.years.contains(year) else {
            throw WebProblem.badInput(Text(en: "'\(echo(text))' is not a year; use four digits from 1900 to 9999, such as 2018.",
                                           zh: "“\(echo(text))”不是年份；请用 1900 至 9999 之间的四位数字，如 2018。"))
        }
        return year
    }

    /// A value typed into a date, month or year field, safe to repeat: one too short to be an identity
    /// number as typed, anything longer masked as the commands mask keys.
    static func echo(_ text: String) -> String {
        text.count <= 10 ? text : Masking.safeEcho(text)
    }

    /// A day typed into a page, read as the commands read `--on` and `--as-of` (`DateFlag.day`).
    static func day(_ text: String?, field: Text) throws -> Day {
        guard let text else { return Day.today() }
        guard let day = DateFlag.day(text) else { throw badDay(text, field: field) }
        return day
    }

    static func badDay(_ text: String, field: Text) -> WebProblem {
        WebProblem.badInput(Text(
            en: "'\(echo(text))' in '\(field.en)' is not a date; use YYYY-MM-DD, YYYY/M/D, YYYYMMDD or YYYY年M月D日 from 1900 to 9999, such as 2019-06-01.",
            zh: "“\(field.zh)”中的“\(echo(text))”不是日期；请用 YYYY-MM-DD、YYYY/M/D、YYYYMMDD 或 YYYY年M月D日 格式（1900 至 9999 年），如 2019-06-01。"))
    }
}
