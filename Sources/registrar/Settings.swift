import ArgumentParser
import RegistrarKit

extension Registrar {
    /// `registrar settings`: the society's settings the rules read.
    struct Settings: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or change the society's settings (growth goal, base and target years, board caps…).",
            subcommands: [Show.self, Set.self],
            defaultSubcommand: Show.self)
    }
}

extension Registrar.Settings {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show every setting.")

        @OptionGroup var options: GlobalOptions

        func validate() throws { try options.require(formatIn: [.table, .csv, .json]) }

        func run() throws {
            try SettingsView(settings: try options.openRegistry().settings()).print(options)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change one setting; `none` clears the relaxed cap.",
            discussion: "Keys: " + SocietySettings.Key.allCases.map(\.rawValue).joined(separator: ", "))

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The setting, e.g. growth.goal.")
        var key: SocietySettings.Key

        @Argument(help: "The new value, e.g. 15 or 12.5 for a percentage.")
        var value: String

        func run() throws {
            let settings = try options.openRegistry().setSetting(key, to: value)
            try SettingsView(settings: settings).print(options)
        }
    }
}

extension SocietySettings.Key: ExpressibleByArgument {}

/// The settings as key/value rows, the same keys `settings set` takes.
struct SettingsView {
    let settings: SocietySettings

    var rows: [(SocietySettings.Key, String)] {
        let s = settings
        func percent(_ basisPoints: Int) -> String { Percent(basisPoints: basisPoints).description }
        return [
            (.name, s.name), (.baseYear, String(s.baseYear)), (.targetYear, String(s.targetYear)),
            (.goal, percent(s.goalBasisPoints)), (.relaxationThreshold, percent(s.relaxationThresholdBasisPoints)),
            (.relaxedCapSeats, s.relaxedCapSeats.map(String.init) ?? "none"),
            (.relaxedCapPercent, s.relaxedCapBasisPoints.map(percent) ?? "none"),
            (.youngAge, String(s.youngAge)), (.absenceThreshold, String(s.absenceThreshold)),
            (.branchInactiveMonths, String(s.branchInactiveMonths)),
        ]
    }

    func print(_ options: GlobalOptions) throws {
        if options.format == .json {
            return try Output.json(Dictionary(uniqueKeysWithValues: rows.map { ($0.0.rawValue, $0.1) }))
        }
        let language = options.language
        Output.rows(headers: [Text(en: "setting", zh: "设置项")(language), Text(en: "value", zh: "值")(language)],
                    rows.map { [$0.0.rawValue, $0.1] }, format: options.format)
    }
}
