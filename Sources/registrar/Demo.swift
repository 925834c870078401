import ArgumentParser
import Foundation
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

extension Registrar {
    /// `registrar demo`: load the bundled fixtures into a fresh registry and show a tour.
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Load the bundled fixtures into a fresh registry (default ./registrar-demo.sqlite) and show a tour.",
                           zh: "把自带的示例数据导入新会员库（默认 ./registrar-demo.sqlite）并演示。").inHelp)

        @OptionGroup var options: GlobalOptions

        @Option(help: Text(en: "The fixtures folder.", zh: "示例数据文件夹。").asHelp)
        var fixtures = "fixtures"

        func validate() throws { try options.require(formatIn: Self.formats) }

        func run() throws {
            let language = options.language
            let path = options.db ?? "registrar-demo.sqlite"
            let rejectsFolder = OutputFile.folder(of: path)
            let (registry, summaries) = try RegistrarStore.Demo.load(
                path: path, fixtures: fixtures, rejectsFolder: rejectsFolder.isEmpty ? "." : rejectsFolder)
            func heading(_ text: Text) { Console.write("\n== " + text(language) + "\n\n") }

            heading(Text(en: "Imports (registrar import …)", zh: "导入（registrar import …）"))
            Output.rows(
                headers: [Text(en: "file", zh: "文件"), Text(en: "read", zh: "读取"), Text(en: "inserted", zh: "新增"),
                          Text(en: "updated", zh: "更新"), Text(en: "unchanged", zh: "未变"), Text(en: "rejected", zh: "拒绝"),
                          Text(en: "lapsed", zh: "终止")].map { $0(language) },
                summaries.map { file, s in [file, s.read, s.inserted, s.updated, s.unchanged, s.rejected, s.lapsed].map { "\($0)" } },
                format: .table)

            heading(Text(en: "Members at year end (registrar count --as-of …)", zh: "年末会员数（registrar count --as-of …）"))
            let counts = try (2015...2019).map { try registry.count(on: Day.endOfYear($0)) }
            Output.rows(headers: [Text(en: "as of", zh: "日期")(language), Text(en: "individual", zh: "个人会员")(language),
                                  Text(en: "unit", zh: "单位会员")(language)],
                        counts.map { [$0.asOf, String($0.individual), String($0.unit)] }, format: .table)

            heading(Text(en: "The 15% goal (registrar growth --year 2018)",
                         zh: "15% 增长目标（registrar growth --year 2018）"))
            Console.write(try registry.growthReport(year: 2018).table(language))

            heading(Text(en: "Board cap for an election in 2019 (registrar board caps --year 2019)",
                         zh: "2019 年换届理事会规模上限（registrar board caps --year 2019）"))
            Console.write(try registry.boardCap(year: 2019, previousBoardSize: nil).table(language))

            heading(Text(en: "Before a nomination (registrar integrity check M100192 --on 2019-06-01)",
                         zh: "推荐前核查（registrar integrity check M100192 --on 2019-06-01）"))
            Console.write(DossierView(language: language, reveal: false).text(
                try registry.checkIntegrity(key: "M100192", on: Day(derivedYear: 2019, month: 6, day: 1))))

            heading(Text(en: "Try next", zh: "接下来可以试试"))
            for line in [
                "swift run registrar report monthly --month 2018-12 --db \(path)",
                "swift run registrar report monthly --month 2018-12 --format html --out report.html --db \(path)",
                "swift run registrar member show M100160 --db \(path) --lang zh",
                "swift run registrar integrity lookup 张 --db \(path) --lang zh",
                "swift run registrar board check --db \(path) --lang zh",
                "swift run registrar segments --on 2019-12-31 --db \(path) --lang zh",
                "swift run registrar services --from 2019-01-01 --to 2019-12-31 --db \(path)",
                "swift run registrar report annual --year 2019 --format html --out annual.html --db \(path) --lang zh",
                "swift run registrar audit --db \(path)",
            ] { Console.write("  " + line + "\n") }
            Console.write("\n" + TextWrap.paragraph(Text(
                en: "(From the repository folder. To type plain `registrar …`, install the binary: swift build -c release && cp .build/release/registrar /usr/local/bin/)",
                zh: "（在仓库目录下运行。若想直接输入 `registrar …`，请先安装：swift build -c release && cp .build/release/registrar /usr/local/bin/）")(language), width: TerminalWidth.columns) + "\n")
            for (file, summary) in summaries where summary.rejected > 0 {
                Console.error(Text(en: "\(file): \(summary.rejected) rows rejected on purpose (bad data in the fixture); see \(summary.rejectsFile ?? "")",
                                   zh: "\(file)：\(summary.rejected) 行按设计被拒绝（示例中的错误数据）；见 \(summary.rejectsFile ?? "")")(language))
            }
        }
    }
}
