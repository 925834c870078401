import Hummingbird
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

extension WebApp {
    static let searchPageSize = 50
    /// Past any registry's last page (5,000,000,000 members), and far from overflowing an offset:
    /// `?page=9223372036854775807` once stopped the server on an arithmetic overflow.
    static let lastSearchPage = 100_000_000

    func addMemberRoutes(_ router: Router<WebContext>) {
        router.get("/members") { request, context -> Response in
            _ = try context.require(.staff)
            let l = context.language
            let query = request.query("q") ?? ""
            let pageNumber = min(Self.lastSearchPage, max(1, request.query("page").flatMap { Int($0) } ?? 1))
            var model = PageModel()
            model.form = PageModel.QueryForm(action: "/members", fields: [
                PageModel.Field(name: "q", label: Text(en: "Member number, part of a name, identity number or ORCID",
                                                       zh: "会员编号、姓名（可部分）、证件号码或 ORCID")(l),
                                value: query, type: "search"),
            ], submit: WebWords.search(l))
            if !query.isEmpty {
                let offset = (pageNumber - 1) * Self.searchPageSize
                let names = self.memberNames.fresh()
                let page = try await self.registry(context) {
                    try $0.searchMembers(query, offset: offset, limit: Self.searchPageSize, names: names)
                }
                model.sections.append(self.searchResults(page, l))
                if page.hasMore || pageNumber > 1 {
                    let base = "/members?q=" + FormData.percentEncode(query) + "&page="
                    model.pager = PageModel.Pager(
                        label: Text(en: "Result pages", zh: "结果分页")(l), page: Text(en: "Page \(pageNumber)", zh: "第 \(pageNumber) 页")(l),
                        previous: pageNumber > 1 ? base + String(pageNumber - 1) : nil, previousLabel: Text(en: "Previous", zh: "上一页")(l),
                        next: page.hasMore && pageNumber < Self.lastSearchPage ? base + String(pageNumber + 1) : nil, nextLabel: Text(en: "Next", zh: "下一页")(l))
                }
            }
            return self.pages.sections(title: WebWords.members(l), model, request: request, context: context)
        }

        router.get("/members/:member_no") { request, context -> Response in
            _ = try context.require(.staff)
            return try await self.memberPage(Self.memberNumber(context), reveal: false, request: request, context: context)
        }

        router.post("/members/:member_no/reveal") { request, context -> Response in
            let fields = try await FormData.read(request, context: context)
            try self.checkCSRF(fields, context)
            _ = try context.require(.admin)
            return try await self.memberPage(Self.memberNumber(context), reveal: true, request: request, context: context)
        }
    }

    /// The member number in `/members/{member_no}`: the links percent-encode it (`/members/%E4%BC%9A001`
    /// for 会员001, `A%201`, `B%2F2`), and the router hands the segment over as sent.
    static func memberNumber(_ context: WebContext) -> String {
        let segment = context.parameters.get("member_no") ?? ""
        return segment.removingPercentEncoding ?? segment
    }

    func searchResults(_ page: MemberSearchPage, _ l: Language) -> PageModel.Section {
        typealias Cell = PageModel.Cell
        var section = PageModel.Section(heading: Text(en: "Results", zh: "搜索结果")(l))
        section.headers = [(Text(en: "Member number", zh: "会员编号")(l), false), (Text(en: "Name", zh: "姓名")(l), false),
                           (Text(en: "Employer", zh: "工作单位")(l), false), (Text(en: "Province", zh: "省份")(l), false),
                           (Text(en: "Member since", zh: "入会日期")(l), false), (Text(en: "Until", zh: "终止日期")(l), false)]
        section.rows = page.hits.map { hit in
            [Cell(text: hit.memberNo ?? "", href: hit.memberNo.map { "/members/" + FormData.percentEncode($0) }, header: true),
             Cell(text: hit.name), Cell(text: hit.employer ?? ""), Cell(text: hit.province ?? ""),
             Cell(text: hit.latestStart ?? ""), Cell(text: hit.latestEnd ?? "")]
        }
        if page.hits.isEmpty {
            section.headers = []
            section.empty = Text(en: "No member matches. Check the spelling, or search by member number.",
                                 zh: "没有匹配的会员。请检查输入，或按会员编号搜索。")(l)
        }
        return section
    }

    /// A member's page: profile, periods, annual registrations, services and integrity summary;
    /// identity number masked unless an admin asked to reveal it. `member show`, `registration status`
    /// and `integrity check` audit the look-up.
    func memberPage(_ memberNo: String, reveal: Bool, request: Request, context: WebContext) async throws -> Response {
        typealias Cell = PageModel.Cell
        let l = context.language
        let today = Day.today()
        let (profile, registration, services, verdict) = try await registry(context) { registry in
            let profile = try registry.showMember(key: memberNo, reveal: reveal)
            let key = profile.memberNo ?? memberNo
            let registration = try registry.registrationStatus(key: key, on: today)
            let services = try registry.services(ofMemberNo: key, limit: 50)
            let verdict = try registry.checkIntegrity(key: key, on: today)
            return (profile, registration, services, verdict)
        }
        var model = PageModel()
        var details = PageModel.Section(heading: Text(en: "Profile", zh: "基本信息")(l))
        details.headers = [(Text(en: "Field", zh: "项目")(l), false), (Text(en: "Value", zh: "内容")(l), false)]
        details.rows = profile.fields(reveal: reveal, l).map { [Cell(text: Self.sentenceCase($0.label), header: true), Cell(text: $0.value)] }
        if profile.idNumber != nil && !reveal && context.user?.role == .admin, let number = profile.memberNo {
            details.postForm = ("/members/" + FormData.percentEncode(number) + "/reveal",
                                Text(en: "Show the identity number in clear (recorded in the audit log)",
                                     zh: "显示完整证件号码（记入审计日志）")(l))
        }
        model.sections.append(details)

        var periods = PageModel.Section(heading: Text(en: "Membership periods", zh: "会籍期间")(l))
        periods.headers = [(Text(en: "Member from", zh: "入会日期")(l), false), (Text(en: "Until", zh: "终止日期")(l), false),
                           (Text(en: "Reason", zh: "终止原因")(l), false)]
        periods.rows = profile.periods.map { period in
            [Cell(text: period.start, header: true), Cell(text: period.end ?? ""),
             Cell(text: period.endReason.flatMap(EndReason.init(rawValue:))?.label(l) ?? period.endReason ?? "")]
        }
        model.sections.append(periods)
        model.sections.append(registrationSection(registration, l))

        var serviceSection = PageModel.Section(heading: Text(en: "Services (\(services.total))", zh: "会员服务（\(services.total)）")(l))
        if services.services.isEmpty {
            serviceSection.empty = Text(en: "No service recorded.", zh: "没有服务记录。")(l)
        } else {
            serviceSection.headers = [(Text(en: "Date", zh: "日期")(l), false), (Text(en: "Type", zh: "服务类型")(l), false),
                                      (Text(en: "Channel", zh: "渠道")(l), false), (Text(en: "Title", zh: "名称")(l), false)]
            serviceSection.rows = services.services.map { service in
                [Cell(text: service.servedOn, header: true), Cell(text: ServiceTerms.label(service.type)(l)),
                 Cell(text: ServiceTerms.label(service.channel)(l)), Cell(text: service.title)]
            }
            if services.total > services.services.count {
                serviceSection.paragraphs.append((Text(en: "The latest \(services.services.count) are shown.",
                                                       zh: "仅显示最近 \(services.services.count) 条。")(l), false))
            }
        }
        model.sections.append(serviceSection)
        model.sections.append(integritySection(verdict, caseCount: profile.integrityCaseCount, l))
        return pages.sections(title: profile.name, model, request: request, context: context, current: "/members")
    }

    /// The member's standing today and the years they are registered for (年度注册, RULES.md R1),
    /// as `registration status` reports them.
    func registrationSection(_ status: RegistrationStatus, _ l: Language) -> PageModel.Section {
        typealias Cell = PageModel.Cell
        var section = PageModel.Section(heading: Text(en: "Annual registration", zh: "年度注册")(l))
        let standing: Text = status.inGoodStanding
            ? Text(en: "In good standing on \(status.on.iso).", zh: "\(status.on.iso) 会籍正常。")
            : status.onRoll
                ? Text(en: "On the roll on \(status.on.iso) but not registered for \(status.on.year): not in good standing.",
                       zh: "\(status.on.iso) 在册，但未办理 \(status.on.year) 年度注册：会籍不正常。")
                : Text(en: "Not on the roll on \(status.on.iso).", zh: "\(status.on.iso) 不在册。")
        section.paragraphs.append((standing(l), status.onRoll && !status.inGoodStanding))
        section.paragraphs.append((status.requiredFrom.map {
            Text(en: "Registration is required from \($0); joining registers the year joined.",
                 zh: "自 \($0) 年起须办理年度注册；入会当年视为已注册。")(l)
        } ?? Text(en: "Registration is not required.", zh: "不要求年度注册。")(l), false))
        let years = Set(status.recordedYears).union(status.joinedYears).sorted(by: >)
        if years.isEmpty {
            section.empty = Text(en: "No registration recorded.", zh: "没有注册记录。")(l)
        } else {
            section.headers = [(Text(en: "Year", zh: "年度")(l), false), (Text(en: "Registered by", zh: "注册方式")(l), false)]
            section.rows = years.map { year in
                let how: [Text] = (status.recordedYears.contains(year) ? [Text(en: "registration recorded", zh: "已登记注册")] : [])
                    + (status.joinedYears.contains(year) ? [Text(en: "joining that year", zh: "当年入会")] : [])
                return [Cell(text: String(year), header: true), Cell(text: how.map { $0(l) }.joined(separator: l == .zh ? "；" : "; "))]
            }
        }
        return section
    }

    func integritySection(_ verdict: IntegrityVerdict, caseCount: Int?, _ l: Language) -> PageModel.Section {
        typealias Cell = PageModel.Cell
        var section = PageModel.Section(heading: Text(en: "Academic integrity on \(verdict.on)", zh: "学术诚信（\(verdict.on)）")(l))
        if let caseCount {
            section.paragraphs.append((Text(en: "Cases on record: \(caseCount).", zh: "诚信案件记录：\(caseCount) 件。")(l), false))
        }
        section.paragraphs.append((verdict.clear
            ? Text(en: "Clear: no sanction in force blocks a nomination.", zh: "无障碍：没有生效中的处理措施妨碍推荐。")(l)
            : Text(en: "Blocked: a sanction in force bars a nomination.", zh: "受限：有生效中的处理措施，不得推荐。")(l), true))
        let cases = verdict.blocking.map { ($0, true) } + verdict.warnings.map { ($0, false) }
        if !cases.isEmpty {
            section.headers = [(Text(en: "Case", zh: "案件编号")(l), false), (Text(en: "Allegation", zh: "问题类型")(l), false),
                               (Text(en: "Status", zh: "状态")(l), false), (Text(en: "Sanction", zh: "处理措施")(l), false),
                               (Text(en: "From", zh: "开始")(l), false), (Text(en: "Until", zh: "结束")(l), false),
                               (Text(en: "Blocks", zh: "是否妨碍")(l), false)]
            section.rows = cases.map { item, blocks in
                [Cell(text: item.caseNo, header: true), Cell(text: item.allegation.label(l)), Cell(text: item.status.label(l)),
                 Cell(text: item.sanction.label(l)), Cell(text: item.sanctionStart?.iso ?? ""),
                 Cell(text: item.sanctionEnd?.iso ?? (item.sanctionStart == nil ? "" : Text(en: "permanent", zh: "永久")(l))),
                 Cell(text: blocks ? WebWords.yes(l) : WebWords.no(l))]
            }
        }
        return section
    }
}
