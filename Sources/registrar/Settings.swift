import ArgumentParser
import RegistrarKit

extension Registrar {
    /// `registrar settings`: the society's settings the rules read.
    struct Settings: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Show or change the society's settings (growth goal, base and target years, board caps…).",
                           zh: "查看或修改学会设置（增长目标、基准年和目标年、理事会上限等）。").inHelp,
            subcommands: [Show.self, Set.self],
            defaultSubcommand: Show.self)
    }
}

extension Registrar.Settings {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text(en: "Show every setting.", zh: "列出全部设置。").inHelp)

        @OptionGroup var options: GlobalOptions

        func validate() throws { try options.require(formatIn: Self.formats) }

        func run() throws {
            try SettingsView(settings: try options.openRegistryToRead().settings()).print(options)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Change one setting; `none` clears the relaxed cap.",
                           zh: "修改一项设置；`none` 清除放宽后的上限。").inHelp,
            discussion: Text(en: "Keys: " + SocietySettings.Key.allCases.map(\.rawValue).joined(separator: ", "),
                             zh: "设置项：" + SocietySettings.Key.allCases.map(\.rawValue).joined(separator: "、")).inHelp)

        @OptionGroup var options: GlobalOptions

        @Argument(help: Text(en: "The setting, e.g. growth.goal.", zh: "设置项，例如 growth.goal。").asHelp)
        var key: SocietySettings.Key

        @Argument(help: Text(en: "The new value, e.g. 15 or 12.5 for a percentage.", zh: "新值，例如百分比 15 或 12.5。").asHelp)
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
            (.registrationRequiredFrom, s.registration.requiredFrom.map(String.init) ?? "none"),
            (.registrationGraceMonths, String(s.registration.graceMonths)),
            (.registrationLapseYears, String(s.registration.lapseYears)),
        ]
    }

    func print(_ options: GlobalOptions) throws {
        if options.format == .json {
            return try Output.json(Dictionary(uniqueKeysWithValues: rows.map { ($0.0.rawValue, $0.1) }))
        }
        let language = options.language
        Output.rows(headers: [Text(en: "setting", zh: "设置项")(language), Text(en: "value", zh: "值")(language)], keys: ["key", "value"],
                    rows.map { [$0.0.rawValue, $0.1] }, format: options.format)
    }
}
