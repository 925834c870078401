import ArgumentParser
import Foundation
import RegistrarKit

/// The flags every command takes: where the registry is, how to print, in which language.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: Text(en: "The registry file (default: $REGISTRAR_DB, else ./registrar.sqlite).",
                                    zh: "会员库文件（默认：$REGISTRAR_DB，否则 ./registrar.sqlite）。").asHelp)
    var db: String?

    @Option(name: .long, help: Text(en: "Output format (the ones this command offers).",
                                    zh: "输出格式（本命令提供的几种）。").asHelp)
    var format: OutputFormat = .table

    @Option(name: .long, help: Text(en: "Language of labels and messages: en or zh (default: $REGISTRAR_LANG, else en).",
                                    zh: "界面语言：en 或 zh（默认：$REGISTRAR_LANG，否则 en）。").asHelp)
    var lang: Language?

    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["REGISTRAR_DB"] ?? "registrar.sqlite"
    }

    var language: Language {
        lang ?? GlobalOptions.environmentLanguage
    }

    static var environmentLanguage: Language {
        ProcessInfo.processInfo.environment["REGISTRAR_LANG"].flatMap(Language.init(rawValue:)) ?? .en
    }

    /// The language the command line asks for, read from the arguments themselves: for messages
    /// printed before (or without) a successful parse, and for the help texts, which the parser
    /// reads while it parses.
    static let requestedLanguage: Language = {
        let arguments = CommandLine.arguments
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count, let language = Language(rawValue: arguments[index + 1]) {
                return language
            }
            if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst(7))) {
                return language
            }
        }
        return environmentLanguage
    }()

    func openRegistry() throws -> Registry {
        try Registry.open(path: databasePath, mode: .existing)
    }

    /// For a command that only reads and audits nothing: works on a read-only mount too.
    func openRegistryToRead() throws -> Registry {
        try Registry.open(path: databasePath, mode: .readOnly)
    }

    /// Refuses a year outside the years a registry can speak of (`growth --year 18`, `--year 0`),
    /// naming the flag, before anything is opened.
    func require(year: Int?, flag: String = "--year") throws {
        guard let year, !Day.acceptedYears.contains(year) else { return }
        throw ValidationError(Text(
            en: "\(flag) \(year) is not a year registrar can count; give a four-digit year from \(Day.acceptedYears.lowerBound) to \(Day.acceptedYears.upperBound), e.g. \(flag) 2018",
            zh: "\(flag) \(year) 不是可统计的年份；请输入 \(Day.acceptedYears.lowerBound) 至 \(Day.acceptedYears.upperBound) 之间的四位年份，如 \(flag) 2018")(language))
    }

    /// Rejects a format the command does not offer, saying which ones it does.
    func require(formatIn allowed: [OutputFormat]) throws {
        guard allowed.contains(format) else {
            let choices = allowed.map(\.rawValue)
            throw ValidationError(Text(en: "--format \(format.rawValue) is not offered by this command; use one of: \(choices.joined(separator: ", "))",
                                       zh: "本命令不提供 --format \(format.rawValue)；可选：\(choices.joined(separator: "、"))"))
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, html, md

    /// Only the formats the command being parsed offers, so its help lists them and the parser's
    /// refusal names them.
    init?(argument: String) {
        guard let format = OutputFormat(rawValue: argument), CommandTree.offeredFormats.contains(format) else { return nil }
        self = format
    }

    static var allValueStrings: [String] { CommandTree.offeredFormats.map(\.rawValue) }
}

extension ValidationError {
    /// A refusal of the arguments in the language the command line asks for.
    init(_ text: Text) {
        self.init(text(GlobalOptions.requestedLanguage))
    }
}

extension Language: ExpressibleByArgument {}

/// A day flag declared without `DayArgument.day` still reads every form `DateFlag` does.
extension Day: ExpressibleByArgument {
    public init?(argument: String) {
        guard let day = DateFlag.day(argument) else { return nil }
        self = day
    }
}
