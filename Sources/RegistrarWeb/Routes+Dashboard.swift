import Hummingbird
import RegistrarKit

extension WebApp {
    func addDashboardRoutes(_ router: Router<WebContext>) {
        router.get("/") { request, context -> Response in
            _ = try context.require(.viewer)
            let today = Day.today()
            let cache = self.dashboards
            let dashboard = try await Blocking.run(as: context.user?.name) { try cache.dashboard(today: today) }
            return self.pages.sections(title: WebWords.dashboard(context.language), self.dashboardModel(dashboard, context.language),
                                       request: request, context: context)
        }
    }

    func dashboardModel(_ d: Dashboard, _ l: Language) -> PageModel {
        typealias Cell = PageModel.Cell
        var model = PageModel()
        let today = Text(en: "Today, \(d.today.iso)", zh: "今日（\(d.today.iso)）")(l)
        model.sections.append(PageModel.Section(
            heading: today,
            headers: [(ReportWords.item(l), false), (ReportWords.members(l), true)],
            rows: [
                [Cell(text: Text(en: "Individual members in good standing", zh: "个人会员（正常）")(l), header: true), .number(d.count.individual)],
                [Cell(text: Text(en: "Individual members on the roll (registered or not)", zh: "个人会员（在册，含未注册）")(l), header: true),
                 .number(d.count.individualOnRoll)],
                [Cell(text: Text(en: "Unit members", zh: "单位会员")(l), header: true), .number(d.count.unit)],
            ]))
        model.sections.append(PageModel.Section(
            heading: Text(en: "New members, renewals and exits", zh: "新入会、注册与退会")(l),
            headers: [(Text(en: "Period", zh: "期间")(l), false), (ReportWords.joined(l), true),
                      (Text(en: "Renewals", zh: "年度注册")(l), true), (ReportWords.left(l), true),
                      (Text(en: "In good standing at the end", zh: "期末正常会员")(l), true)],
            rows: d.activity.map { window in
                [Cell(text: Self.sentenceCase(window.window.title(l)), header: true), .number(window.newMembers), .number(window.renewals),
                 .number(window.exits), .number(window.inGoodStanding)]
            }))
        let progress = d.progress
        var goalRows: [[Cell]] = [
            [Cell(text: ReportWords.baseYear(l), header: true), Cell(text: String(d.goal.goal.baseYear), num: true)],
            [Cell(text: ReportWords.baseCount(l), header: true), .number(d.goal.baseCount)],
            [Cell(text: ReportWords.targetYear(l), header: true), Cell(text: String(d.goal.goal.targetYear), num: true)],
        ]
        if let target = d.goal.targetCount {
            goalRows.append([Cell(text: ReportWords.targetCount(l), header: true), .number(target)])
        }
        goalRows.append([Cell(text: ReportWords.met(l), header: true), Cell(text: ReportWords.verdict(d.goal.met)(l))])
        if let needed = progress.needed {
            goalRows.append([Cell(text: ReportWords.needed(l), header: true), .number(needed)])
        }
        goalRows.append([Cell(text: ReportWords.monthsLeft(l), header: true), .number(progress.monthsLeft)])
        if let pace = progress.monthlyPaceNeeded {
            goalRows.append([Cell(text: ReportWords.paceNeeded(l), header: true), .number(pace)])
        }
        model.sections.append(PageModel.Section(
            heading: Text(en: "Growth against the goal", zh: "增长目标进度")(l),
            paragraphs: [(progress.reason(l), true)],
            headers: [(ReportWords.item(l), false), (ReportWords.value(l), true)], rows: goalRows))
        model.sections.append(PageModel.Section(heading: ReportWords.chartTitle(l), fragment: "<figure>\n" + chart(d, l).render() + "</figure>\n"))

        var attention = PageModel.Section(heading: Text(en: "What needs attention", zh: "需要关注")(l))
        if let problem = d.boardProblem {
            attention.paragraphs.append((Text(en: "Board check: ", zh: "理事会检查：")(l) + problem(l), false))
        } else {
            attention.caption = Text(en: "Board check, latest term", zh: "理事会检查（最近一届）")(l)
            attention.headers = [(Text(en: "Rule", zh: "规则")(l), false), (Text(en: "Verdict", zh: "结论")(l), false)]
            attention.rows = d.boardRules.map { [Cell(text: $0.title(l), header: true), Cell(text: $0.verdict.label(l))] }
        }
        attention.paragraphs.append((d.inactiveBranches.isEmpty
            ? Text(en: "No branch has gone more than \(d.inactiveBranchMonths) months without activity.",
                   zh: "没有超过 \(d.inactiveBranchMonths) 个月无活动的分支机构。")(l)
            : Text(en: "Branches with no activity for more than \(d.inactiveBranchMonths) months: ",
                   zh: "超过 \(d.inactiveBranchMonths) 个月无活动的分支机构：")(l)
                + d.inactiveBranches.map(\.name).joined(separator: l == .zh ? "、" : ", "), !d.inactiveBranches.isEmpty))
        if let due = d.renewalsDue {
            attention.paragraphs.append((Text(en: "Renewals due for \(d.today.year): \(NumberText.grouped(due)) members on the roll are not registered yet.",
                                              zh: "\(d.today.year) 年度待办注册：\(NumberText.grouped(due)) 名在册会员尚未注册。")(l), due > 0))
            attention.links.append((Text(en: "The renewal list", zh: "待办注册名单")(l), "/registration/due?year=\(d.today.year)"))
        }
        if let batch = d.lastImport {
            attention.paragraphs.append((Text(
                en: "Last import: \(batch.kind) \(batch.fileName) as of \(batch.asOf), finished \(batch.finishedAt ?? "?"): read \(batch.read), inserted \(batch.inserted), updated \(batch.updated), rejected \(batch.rejected), lapsed \(batch.lapsed).",
                zh: "最近一次导入：\(batch.kind) \(batch.fileName)，数据日期 \(batch.asOf)，完成于 \(batch.finishedAt ?? "?")：读取 \(batch.read)，新增 \(batch.inserted)，更新 \(batch.updated)，拒绝 \(batch.rejected)，终止 \(batch.lapsed)。")(l),
                batch.rejected > 0))
        } else {
            attention.paragraphs.append((Text(en: "Nothing has been imported yet.", zh: "尚未导入任何数据。")(l), false))
        }
        model.sections.append(attention)
        return model
    }

    /// The last 24 month-end counts against the base and the target, as the monthly report draws them.
    func chart(_ d: Dashboard, _ l: Language) -> SVGLineChart {
        var lines = [SVGLineChart.ReferenceLine(label: "\(ReportWords.baseLine(l)) (\(d.goal.goal.baseYear))",
                                                value: d.goal.baseCount, color: "#7a7a7a")]
        if let target = d.goal.targetCount {
            lines.append(.init(label: "\(ReportWords.targetLine(l)) (\(d.goal.goal.targetYear))", value: target, color: "#c0392b"))
        }
        return SVGLineChart(title: ReportWords.chartTitle(l), xAxisTitle: ReportWords.month(l), yAxisTitle: ReportWords.members(l),
                            seriesLabel: ReportWords.endCount(l),
                            points: d.series.map { .init(label: $0.month.description, value: $0.endCount) }, referenceLines: lines)
    }

    /// "this month" → "This month"; Chinese is left as it is.
    static func sentenceCase(_ text: String) -> String {
        guard let first = text.first, first.isASCII else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
