import Foundation
import Hummingbird
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

extension WebApp {
    /// What the import form offers (DESIGN.md: members, units, services, integrity; registrations once it exists).
    static let importKinds: [(FileKind, Text)] = [
        (.members, Text(en: "Individual roster (个人会员)", zh: "个人会员名册")),
        (.units, Text(en: "Unit-member roster (单位会员)", zh: "单位会员名册")),
        (.services, Text(en: "Service records (会员服务)", zh: "会员服务记录")),
        (.integrity, Text(en: "Integrity cases (学术诚信档案)", zh: "学术诚信案件")),
        (.registrations, Text(en: "Annual registrations (年度注册)", zh: "年度注册记录")),
    ]

    func addImportRoutes(_ router: Router<WebContext>) {
        router.get("/import") { request, context -> Response in
            _ = try context.require(.staff)
            return self.importForm(request, context)
        }

        router.post("/import") { request, context -> Response in
            let user = try context.require(.staff)
            return try await self.preview(request, context, user: user)
        }

        router.post("/import/:token/confirm") { request, context -> Response in
            let fields = try await FormData.read(request, context: context)
            try self.checkCSRF(fields, context)
            let user = try context.require(.staff)
            return try await self.confirm(context.parameters.get("token") ?? "", request, context, user: user)
        }

        router.get("/import/:token/rejects.csv") { request, context -> Response in
            let user = try context.require(.staff)
            let token = context.parameters.get("token") ?? ""
            guard let upload = await self.staging.get(token), upload.user == user.name,
                  FileManager.default.fileExists(atPath: upload.rejectsPath) else {
                throw WebProblem(status: .notFound, message: Self.unknownUpload)
            }
            let data = try await self.registry(context) { registry -> Data in
                try registry.recordRejectsDownload(file: upload.fileName)
                return try Data(contentsOf: URL(fileURLWithPath: upload.rejectsPath))
            }
            let name = (upload.fileName as NSString).deletingPathExtension + ".rejects.csv"
            return Response(status: .ok, headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"rejects.csv\"; filename*=UTF-8''" + FormData.percentEncode(name),
            ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    static let unknownUpload = Text(
        en: "That upload is not waiting here any more (an upload waits an hour, for the person who sent it). Upload the file again.",
        zh: "该上传已不在等待确认（上传仅为提交者保留一小时）。请重新上传文件。")

    func importForm(_ request: Request, _ context: WebContext, status: HTTPResponse.Status = .ok) -> Response {
        let l = context.language
        let content = pages.render("import", [
            "csrf": context.session?.csrf ?? "",
            "kindLabel": Text(en: "Kind of file", zh: "文件类型")(l),
            "kinds": Self.importKinds.map { ["value": $0.0.rawValue, "label": $0.1(l), "selected": $0.0 == .members] as [String: Any] },
            "fileLabel": Text(en: "File (CSV, UTF-8 or GB18030, Chinese or English headers)", zh: "文件（CSV，UTF-8 或 GB18030，中文或英文表头）")(l),
            "asOfLabel": Text(en: "The date the file describes", zh: "文件所反映的日期")(l),
            "asOf": Day.today().iso,
            "snapshotLabel": Text(en: "The file is the complete roster on that date: members absent from it are ended then",
                                  zh: "文件是该日的完整名册：未列入的会员于该日终止会籍")(l),
            "maxLapseLabel": Text(en: "Refuse a complete roster that would end more than this % of current members",
                                  zh: "完整名册将终止的现有会员超过此百分比时拒绝导入")(l),
            "explain": Text(en: "Nothing is imported yet: the next page shows what the file would change, and you confirm it there.",
                            zh: "此步不会导入：下一页显示该文件将作的改动，确认后才导入。")(l),
            "submit": Text(en: "Check the file", zh: "检查文件")(l),
        ])
        return pages.page(title: WebWords.importFile(l), content: content, request: request, context: context, status: status)
    }

    /// `POST /import`: the upload streamed to disk, then a dry run of exactly that file.
    func preview(_ request: Request, _ context: WebContext, user: WebUser) async throws -> Response {
        let l = context.language
        guard let boundary = MultipartUpload.boundary(request.headers[.contentType]) else {
            throw WebProblem.badInput(Text(en: "The upload must come from the import form; open the import page and send the file from there.",
                                           zh: "上传须来自导入表单；请打开导入页面并从那里提交文件。"))
        }
        let (token, folder) = try await staging.newFolder()
        let partPath = folder + "/upload.part"
        do {
            let upload: MultipartUpload
            do {
                upload = try await MultipartUpload.read(request.body, boundary: boundary, fileField: "file", filePath: partPath,
                                                        maxFileBytes: maxUploadBytes)
            } catch let failure as MultipartUpload.Failure {
                throw WebProblem.badInput(failure.message)
            }
            try checkCSRF(upload.fields, context)
            guard let kind = upload.fields["kind"].flatMap(FileKind.init(rawValue:)),
                  Self.importKinds.contains(where: { $0.0 == kind }) else {
                throw WebProblem.badInput(Text(en: "Choose the kind of file: members, units, services, integrity or registrations.",
                                               zh: "请选择文件类型：个人会员、单位会员、会员服务、诚信案件或年度注册。"))
            }
            guard let sha256 = upload.sha256, upload.fileBytes > 0 else {
                throw WebProblem.badInput(Text(en: "No file was sent, or it is empty. Choose the CSV file and send the form again.",
                                               zh: "未提交文件，或文件为空。请选择 CSV 文件后重新提交。"))
            }
            let asOfText = upload.fields["as_of"]?.trimmingCharacters(in: .whitespaces) ?? ""
            guard let asOf = DateFlag.day(asOfText) else {
                throw Self.badDay(asOfText, field: Text(en: "the date the file describes", zh: "文件所反映的日期"))
            }
            let maxLapseText = upload.fields["max_lapse"]?.trimmingCharacters(in: .whitespaces) ?? ""
            guard let maxLapse = Percent(maxLapseText.isEmpty ? "10" : maxLapseText), maxLapse.basisPoints >= 0 else {
                throw WebProblem.badInput(Text(en: "'\(Self.echo(maxLapseText))' is not a percentage; give one such as 10 or 12.5.",
                                               zh: "“\(Self.echo(maxLapseText))”不是百分比；请填写如 10 或 12.5。"))
            }
            let fileName = ImportStaging.safeFileName(upload.fileName)
            try FileManager.default.moveItem(atPath: partPath, toPath: folder + "/" + fileName)
            var options = ImportOptions(asOf: asOf)
            options.snapshot = upload.fields["snapshot"] != nil
            options.maxLapseBasisPoints = maxLapse.basisPoints
            options.maxLapseSetting = .formField
            options.dryRun = true
            options.language = l
            options.rejectsPath = folder + "/rejects.csv"
            var staged = ImportStaging.Staged(token: token, user: user.name, kind: kind, options: options, fileName: fileName,
                                              sha256: sha256, created: clock(), folder: folder)
            let path = staged.filePath
            let importer = pool.importer
            let dryRun = options
            let summary = try await Blocking.run(as: user.name) { try importer.importFile(kind, path: path, options: dryRun) }
            staged.preview = summary
            await staging.add(staged)
            return pages.sections(title: Text(en: "Check before importing", zh: "导入前检查")(l),
                                  importSummaryModel(staged, summary, confirmed: false, l), request: request, context: context,
                                  current: "/import")
        } catch {
            await staging.discard(folder: folder)
            throw error
        }
    }

    /// `POST /import/{token}/confirm`: the real import of the file previewed, refused if it changed.
    func confirm(_ token: String, _ request: Request, _ context: WebContext, user: WebUser) async throws -> Response {
        let l = context.language
        let staged: ImportStaging.Staged
        switch await staging.claim(token, user: user.name) {
        case .unknown:
            throw WebProblem(status: .notFound, message: Self.unknownUpload)
        case .importedAlready:
            throw WebProblem(status: .conflict, message: Text(
                en: "This file was imported already; importing it again is not needed. See the dashboard for the result.",
                zh: "该文件已导入，无需再次导入。结果见概览页。"))
        case .beingImported:
            throw WebProblem(status: .conflict, message: Text(
                en: "This file is being imported now (from another tab, or a second click); importing it again is not needed. See the dashboard for the result.",
                zh: "该文件正在导入（来自另一个标签页或重复点击），无需再次导入。结果见概览页。"))
        case .claimed(let upload):
            staged = upload
        }
        var real = staged.options
        real.dryRun = false
        let options = real
        let importer = pool.importer
        let summary: ImportSummary
        do {
            summary = try await Blocking.run(as: user.name) { () throws -> ImportSummary in
                // Exactly the bytes previewed: the digest taken while the upload streamed in must still hold.
                guard try FileDigest.sha256(path: staged.filePath, displayName: staged.fileName) == staged.sha256 else {
                    throw WebProblem(status: .conflict, message: Text(en: "The stored upload changed since its preview; upload the file again.",
                                                                      zh: "上传的文件在预览后发生了变化；请重新上传。"))
                }
                return try importer.importFile(staged.kind, path: staged.filePath, options: options)
            }
        } catch {
            await staging.release(token)
            throw error
        }
        await staging.markImported(token, summary)
        return pages.sections(title: Text(en: "Imported", zh: "已导入")(l), importSummaryModel(staged, summary, confirmed: true, l),
                              request: request, context: context, flash: Text(en: "The file is imported.", zh: "文件已导入。")(l),
                              current: "/import")
    }

    func importSummaryModel(_ staged: ImportStaging.Staged, _ summary: ImportSummary, confirmed: Bool, _ l: Language) -> PageModel {
        typealias Cell = PageModel.Cell
        var model = PageModel()
        let kind = Self.importKinds.first { $0.0 == staged.kind }?.1(l) ?? staged.kind.rawValue
        var counts = PageModel.Section(heading: Text(en: "\(kind): \(staged.fileName)", zh: "\(kind)：\(staged.fileName)")(l))
        counts.paragraphs.append((Text(
            en: "As of \(staged.options.asOf.iso)\(staged.options.snapshot ? ", complete roster" : ""); \(summary.encoding); SHA-256 \(staged.sha256).",
            zh: "数据日期 \(staged.options.asOf.iso)\(staged.options.snapshot ? "，完整名册" : "")；\(summary.encoding)；SHA-256 \(staged.sha256)。")(l), false))
        if !confirmed {
            counts.paragraphs.append((Text(en: "Nothing has been imported yet. This is what importing the file would do:",
                                           zh: "尚未导入。导入该文件将产生以下结果：")(l), true))
        }
        counts.headers = [(ReportWords.item(l), false), (Text(en: "Rows", zh: "行数")(l), true)]
        counts.rows = [
            [Cell(text: Text(en: "Read", zh: "读取")(l), header: true), .number(summary.read)],
            [Cell(text: Text(en: "New", zh: "新增")(l), header: true), .number(summary.inserted)],
            [Cell(text: Text(en: "Updated", zh: "更新")(l), header: true), .number(summary.updated)],
            [Cell(text: Text(en: "Unchanged", zh: "未变")(l), header: true), .number(summary.unchanged)],
            [Cell(text: Text(en: "Rejected", zh: "拒绝")(l), header: true), .number(summary.rejected)],
            [Cell(text: Text(en: "Memberships ended (absent from a complete roster)", zh: "终止会籍（完整名册中缺失）")(l), header: true),
             .number(summary.lapsed)],
        ]
        if !summary.unknownColumns.isEmpty {
            counts.paragraphs.append((Text(en: "Columns not recognised (ignored): ", zh: "未识别的列（已忽略）：")(l)
                + summary.unknownColumns.joined(separator: ", "), false))
        }
        model.sections.append(counts)
        if summary.rejected > 0 {
            var rejected = PageModel.Section(heading: Text(en: "Rejected rows", zh: "被拒绝的行")(l))
            if summary.rejected > summary.firstRejections.count {
                rejected.paragraphs.append((Text(en: "The first \(summary.firstRejections.count) of \(summary.rejected):",
                                                 zh: "共 \(summary.rejected) 行，以下为前 \(summary.firstRejections.count) 行：")(l), false))
            }
            rejected.headers = [(Text(en: "Line", zh: "行号")(l), true), (Text(en: "Column", zh: "列")(l), false),
                                (Text(en: "Reason", zh: "原因")(l), false)]
            rejected.rows = summary.firstRejections.map { [Cell(text: String($0.line), num: true, header: true),
                                                          Cell(text: $0.column ?? ""), Cell(text: $0.reason(l))] }
            rejected.links = [(Text(en: "Download all rejected rows (rejects.csv, for fixing in Excel)",
                                    zh: "下载全部被拒绝的行（rejects.csv，可在 Excel 中修改）")(l),
                               "/import/\(staged.token)/rejects.csv")]
            model.sections.append(rejected)
        }
        if !confirmed {
            var confirm = PageModel.Section(heading: Text(en: "Import it", zh: "确认导入")(l))
            confirm.paragraphs.append((Text(en: "Confirming imports exactly this file, as checked above. Rejected rows are left out.",
                                            zh: "确认后将导入上面检查过的这一文件；被拒绝的行不导入。")(l), false))
            confirm.postForm = ("/import/\(staged.token)/confirm", Text(en: "Confirm and import", zh: "确认导入")(l))
            confirm.links = [(Text(en: "Cancel: choose another file", zh: "取消：另选文件")(l), "/import")]
            model.sections.append(confirm)
        } else {
            model.sections.append(PageModel.Section(heading: nil, links: [
                (Text(en: "Back to the dashboard", zh: "返回概览")(l), "/"), (Text(en: "Import another file", zh: "导入其他文件")(l), "/import"),
            ]))
        }
        return model
    }
}
