import ArgumentParser
import RegistrarKit

extension Registrar {
    /// `registrar growth`: a year's growth, the 15% goal (G1) and board-cap relaxation (G2).
    struct Growth: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Year-over-year growth of individual members, the growth goal, and relaxation eligibility.")

        @OptionGroup var options: GlobalOptions

        @Option(help: "The year (default: the society's target year).")
        var year: Int?

        func validate() throws { try options.require(formatIn: [.table, .csv, .json]) }

        func run() throws {
            let registry = try options.openRegistry()
            let report = try registry.growthReport(year: year ?? registry.settings().targetYear)
            switch options.format {
            case .json: Console.write(try report.json() + "\n")
            case .csv: Console.write(report.csv(options.language))
            default: Console.write(report.table(options.language))
            }
        }
    }
}
