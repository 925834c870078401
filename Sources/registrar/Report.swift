import ArgumentParser
import Foundation
import RegistrarKit

extension Registrar {
    /// `registrar report`: the reports a secretariat prints.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Reports: the monthly growth report and the annual disclosure.",
                           zh: "报告：月度增长报告和年报会员部分。").inHelp,
            subcommands: [Monthly.self, Annual.self])
    }
}

extension Registrar.Report {
    /// `registrar report monthly`: the month's joins and exits, progress to the goal, breakdowns.
    struct Monthly: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "The monthly growth report (table, csv, json, or a self-contained HTML page with a chart).",
                           zh: "月度增长报告（table、csv、json，或带图表的独立 HTML 页面）。").inHelp)

        @OptionGroup var options: GlobalOptions

        @Option(help: Text(en: "The month, as 2018-12, 2018/12 or 2018年12月 (default: the last complete month).",
                           zh: "月份，如 2018-12、2018/12 或 2018年12月（默认：上一个完整月份）。").asHelp, transform: DayArgument.month)
        var month: YearMonth?

        @Option(help: Text(en: "How many month-end counts to show, up to 120 (default: 24).",
                           zh: "显示多少个月末会员数，最多 120（默认：24）。").asHelp)
        var months = 24

        @Option(help: Text(en: "Write the report to this file instead of standard output.",
                           zh: "把报告写入此文件，而非标准输出。").asHelp)
        var out: String?

        func validate() throws {
            try options.require(formatIn: Self.formats)
            guard (1...MonthlyReport.maximumSeriesLength).contains(months) else {
                throw ValidationError(Text(en: "--months takes a number of months from 1 to \(MonthlyReport.maximumSeriesLength)",
                                           zh: "--months 应为 1 至 \(MonthlyReport.maximumSeriesLength) 之间的月数"))
            }
        }

        func run() throws {
            let target = try ReportOutput.target(out, options)
            let chosen = month ?? YearMonth(Day.today()).adding(months: -1)
            let registry = try options.openRegistryToRead()
            var report = try registry.monthlyReport(month: chosen)
            report.shownMonths = months
            report.madeOn = Day.today()
            if report.series.allSatisfy({ $0.endCount == 0 }), try registry.count(on: Day.today()).individual == 0 {
                Console.error(Text(en: "the registry has no members yet: import the unit roster, then the member roster "
                                       + "(registrar import units FILE, registrar import members FILE)",
                                   zh: "会员库中还没有会员：请先导入单位会员名册，再导入个人会员名册"
                                       + "（registrar import units 文件，registrar import members 文件）")(options.language))
            }
            let format = ReportFormat(rawValue: options.format.rawValue) ?? .table
            try ReportOutput.write(try report.rendered(as: format, language: options.language), to: target, language: options.language)
        }
    }

    /// `registrar report annual`: the membership part of the annual disclosure (学会年报).
    struct Annual: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "The membership part of the annual disclosure (学会年报): table, md, json, or a self-contained HTML page.",
                           zh: "学会年报的会员部分：table、md、json 或独立 HTML 页面。").inHelp)

        @OptionGroup var options: GlobalOptions

        @Option(help: Text(en: "The calendar year.", zh: "年份。").asHelp)
        var year: Int

        @Option(help: Text(en: "Write the report to this file instead of standard output.",
                           zh: "把报告写入此文件，而非标准输出。").asHelp)
        var out: String?

        func validate() throws {
            try options.require(formatIn: Self.formats)
            try options.require(year: year)
        }

        func run() throws {
            let target = try ReportOutput.target(out, options)
            var report = try options.openRegistryToRead().annualReport(year: year)
            report.madeOn = Day.today()
            let text = switch options.format {
            case .json: try report.json()
            case .html: report.html(options.language)
            case .md: report.markdown(options.language)
            default: report.table(options.language)
            }
            try ReportOutput.write(text, to: target, language: options.language)
        }
    }
}

/// Writes a report to standard output, or to `--out` with a line on standard error saying where.
enum ReportOutput {
    /// Refuses an `--out` that would destroy the registry (or is a link, a folder, …) before any work.
    static func target(_ out: String?, _ options: GlobalOptions) throws -> OutputFile? {
        try out.map { try OutputFile(path: $0, protecting: .init(registry: options.databasePath)) }
    }

    static func write(_ text: String, to out: OutputFile?, language: Language) throws {
        guard let out else { return Console.write(text.hasSuffix("\n") ? text : text + "\n") }
        try out.write(text)
        Console.error(Text(en: "report written to \(out.path)", zh: "报告已写入 \(out.path)")(language))
    }
}
