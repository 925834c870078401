import ArgumentParser
import Foundation
import RegistrarKit

extension Registrar {
    /// `registrar import`: bring a file exported from the member system into the registry.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a roster or another file exported from the member system.",
            subcommands: [Members.self, Units.self, Services.self, Integrity.self, BoardSeats.self, BoardAttendance.self, Branches.self])
    }
}

/// The flags every import takes.
struct ImportArguments: ParsableArguments {
    @Argument(help: "The CSV file (UTF-8 or GB18030, Chinese or English headers).")
    var file: String

    @Option(name: .customLong("as-of"), help: "The date the file describes, YYYY-MM-DD (default: today).")
    var asOf: Day?

    @Flag(help: "The file is the complete roster at --as-of: members absent from it are ended on that date.")
    var snapshot = false

    @Option(name: .customLong("max-lapse"), help: "Refuse a snapshot that would end more than this percentage of current members.")
    var maxLapse: String = "10"

    @Flag(name: .customLong("dry-run"), help: "Validate and report what would change; change nothing.")
    var dryRun = false

    @Flag(help: "Any rejected row aborts the whole import; nothing changes.")
    var strict = false

    @Option(help: "Where to write rejected rows (default: next to FILE, NAME.rejects.csv).")
    var rejects: String?

    @Option(help: "auto, utf-8 or gb18030.")
    var encoding: EncodingChoice = .auto

    @Option(help: "A CSV of `header,field` lines naming your columns, over the built-in names.")
    var map: String?

    func validate() throws {
        guard PercentArgument.basisPoints(maxLapse) != nil else {
            throw ValidationError("--max-lapse takes a percentage such as 10 or 12.5")
        }
    }

    func options(language: Language) -> ImportOptions {
        var options = ImportOptions(asOf: asOf ?? Day.today())
        options.snapshot = snapshot
        options.maxLapseBasisPoints = PercentArgument.basisPoints(maxLapse)!
        options.dryRun = dryRun
        options.strict = strict
        options.rejectsPath = rejects
        options.encoding = encoding
        options.mapPath = map
        options.language = language
        return options
    }

    func run(_ kind: FileKind, _ global: GlobalOptions) throws {
        let registry = try global.openRegistry()
        let language = global.language
        let progress = ProgressLine(language: language)
        let summary = try registry.importFile(kind, path: file, options: options(language: language), progress: progress.update)
        progress.finish()
        if global.format == .json { return try Output.json(summary) }
        ImportReport(summary: summary, file: file, language: language).print(format: global.format)
    }
}

extension EncodingChoice: ExpressibleByArgument {}

enum PercentArgument {
    /// "10" → 1000, "12.5" → 1250; nil for a negative value or more than two decimals.
    static func basisPoints(_ text: String) -> Int? {
        guard let percent = Percent(text), percent.basisPoints >= 0 else { return nil }
        return percent.basisPoints
    }
}

extension Registrar.Import {
    struct Members: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import the individual-member roster (个人会员).")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var arguments: ImportArguments
        func validate() throws { try options.require(formatIn: [.table, .json]) }
        func run() throws { try arguments.run(.members, options) }
    }

    struct Units: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import the unit-member roster (单位会员).")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var arguments: ImportArguments
        func validate() throws { try options.require(formatIn: [.table, .json]) }
        func run() throws { try arguments.run(.units, options) }
    }

    struct Services: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import service records (会员服务); a row already recorded is left unchanged.")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var arguments: ImportArguments
        func validate() throws { try options.require(formatIn: [.table, .json]) }
        func run() throws { try arguments.run(.services, options) }
    }

    struct Integrity: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import integrity cases (学术诚信档案), re-imported by case number.")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var arguments: ImportArguments
        func validate() throws { try options.require(formatIn: [.table, .json]) }
        func run() throws { try arguments.run(.integrity, options) }
    }

    struct BoardSeats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "board-seats",
            abstract: "Import board seats (理事会成员) by term; a new term is created from its dates.")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var arguments: ImportArguments
        func validate() throws { try options.require(formatIn: [.table, .json]) }
        func run() throws { try arguments.run(.boardSeats, options) }
    }

    struct BoardAttendance: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "board-attendance",
            abstract: "Import attendance at board and standing-board meetings (出席/请假/缺席).")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var arguments: ImportArguments
        func validate() throws { try options.require(formatIn: [.table, .json]) }
        func run() throws { try arguments.run(.boardAttendance, options) }
    }

    struct Branches: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import branches (分支机构), re-imported by name.")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var arguments: ImportArguments
        func validate() throws { try options.require(formatIn: [.table, .json]) }
        func run() throws { try arguments.run(.branches, options) }
    }
}
