import ArgumentParser
import Foundation
import RegistrarKit

extension Registrar {
    /// `registrar report`: the reports a secretariat prints.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reports: the monthly growth report.",
            subcommands: [Monthly.self])
    }
}

extension Registrar.Report {
    /// `registrar report monthly`: the month's joins and exits, progress to the goal, breakdowns.
    struct Monthly: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The monthly growth report (table, csv, json, or a self-contained HTML page with a chart).")

        @OptionGroup var options: GlobalOptions

        @Option(help: "The month, YYYY-MM (default: the last complete month).")
        var month: String?

        @Option(help: "Write the report to this file instead of standard output.")
        var out: String?

        func validate() throws {
            if let month, YearMonth(month) == nil { throw ValidationError("--month takes YYYY-MM, e.g. 2018-12") }
        }

        func run() throws {
            let chosen = month.flatMap(YearMonth.init) ?? YearMonth(Day.today()).adding(months: -1)
            let report = try options.openRegistry().monthlyReport(month: chosen)
            let format = ReportFormat(rawValue: options.format.rawValue)!
            let text = try report.rendered(as: format, language: options.language)
            guard let out else { return Console.write(text.hasSuffix("\n") ? text : text + "\n") }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out))
            } catch {
                throw ReportError(problem: Text(en: "cannot write \(out): \(error.localizedDescription); choose a writable path with --out",
                                                zh: "无法写入 \(out)：\(error.localizedDescription)；请用 --out 指定可写路径"))
            }
            Console.error(Text(en: "report written to \(out)", zh: "报告已写入 \(out)")(options.language))
        }
    }
}

struct ReportError: UserFacingError {
    var problem: Text
    func message(_ language: Language) -> String { problem(language) }
}
