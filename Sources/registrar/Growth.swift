import ArgumentParser
import RegistrarKit

extension Registrar {
    /// `registrar growth`: a year's growth, the 15% goal (G1) and board-cap relaxation (G2).
    struct Growth: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Year-over-year growth of individual members, the growth goal, and relaxation eligibility.",
                           zh: "个人会员同比增长、增长目标及放宽条件。").inHelp)

        @OptionGroup var options: GlobalOptions

        @Option(help: Text(en: "The year (default: the society's target year).", zh: "年份（默认：学会的目标年）。").asHelp)
        var year: Int?

        func validate() throws {
            try options.require(formatIn: Self.formats)
            try options.require(year: year)
        }

        func run() throws {
            let registry = try options.openRegistryToRead()
            let report = try registry.growthReport(year: year ?? registry.settings().targetYear)
            switch options.format {
            case .json: Console.write(try report.json())
            case .csv: Console.write(report.csv(options.language))
            default: Console.write(report.table(options.language))
            }
        }
    }
}
