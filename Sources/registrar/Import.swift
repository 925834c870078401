import ArgumentParser
import Foundation
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

extension Registrar {
    /// `registrar import`: bring a file exported from the member system into the registry.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Import a roster or another file exported from the member system.",
                           zh: "导入会员名册或会员系统导出的其他文件。").inHelp,
            subcommands: [Members.self, Units.self, Services.self, Integrity.self, BoardSeats.self, BoardAttendance.self, Branches.self, Registrations.self])
    }
}

/// The flags every import takes.
struct ImportArguments: ParsableArguments {
    @Argument(help: Text(en: "The CSV file (UTF-8 or GB18030, Chinese or English headers).",
                         zh: "CSV 文件（UTF-8 或 GB18030，中文或英文表头）。").asHelp)
    var file: String

    @Option(name: .customLong("as-of"), help: Text(en: "The date the file describes, as 2018-12-31, 2018/12/31, 20181231 or 2018年12月31日 (default: today).",
                                                   zh: "文件所反映的日期，如 2018-12-31、2018/12/31、20181231 或 2018年12月31日（默认：今天）。").asHelp, transform: DayArgument.day)
    var asOf: Day?

    @Flag(help: Text(en: "The file is the complete roster at --as-of: members absent from it are ended on that date.",
                     zh: "文件是 --as-of 当日的完整名册：未列入的会员于该日终止会籍。").asHelp)
    var snapshot = false

    @Option(name: .customLong("max-lapse"), help: Text(en: "Refuse a snapshot that would end more than this percentage of current members.",
                                                       zh: "快照将终止的现有会员超过此百分比时拒绝导入。").asHelp)
    var maxLapse: String = "10"

    @Flag(name: .customLong("dry-run"), help: Text(en: "Validate and report what would change; change nothing.",
                                                   zh: "只校验并报告将有的改动，不做任何改动。").asHelp)
    var dryRun = false

    @Flag(help: Text(en: "Any rejected row aborts the whole import; nothing changes.",
                     zh: "任一行被拒绝即放弃整个导入，不做任何改动。").asHelp)
    var strict = false

    @Option(help: Text(en: "Where to write rejected rows (default: next to FILE, NAME.rejects.csv).",
                       zh: "被拒绝行的写入位置（默认：FILE 旁的 NAME.rejects.csv）。").asHelp)
    var rejects: String?

    @Option(help: Text(en: "auto, utf-8 or gb18030.", zh: "auto、utf-8 或 gb18030。").asHelp)
    var encoding: EncodingChoice = .auto

    @Option(help: Text(en: "A CSV of `header,field` lines naming your columns, over the built-in names.",
                       zh: "列名对照 CSV（每行 `表头,字段`），优先于内置列名。").asHelp)
    var map: String?

    func validate() throws {
        guard PercentArgument.basisPoints(maxLapse) != nil else {
            throw ValidationError(Text(en: "--max-lapse takes a percentage such as 10 or 12.5",
                                       zh: "--max-lapse 应为百分比，例如 10 或 12.5"))
        }
    }

    func options(language: Language) -> ImportOptions {
        var options = ImportOptions(asOf: asOf ?? Day.today())
        options.snapshot = snapshot
        options.maxLapseBasisPoints = PercentArgument.basisPoints(maxLapse) ?? 1_000
        options.dryRun = dryRun
        options.strict = strict
        options.rejectsPath = rejects
        options.encoding = encoding
        options.mapPath = map
        options.language = language
        options.firstLoadMayHoldReaders = true
        return options
    }

    func run(_ kind: FileKind, _ global: GlobalOptions) throws {
        let registry = try global.openRegistry()
        let language = global.language
        let progress = ProgressLine(language: language)
        let summary = try registry.importFile(kind, path: file, options: options(language: language), progress: progress.update)
        progress.finish()
        if global.format == .json {
            try Output.json(summary)
        } else {
            ImportReport(summary: summary, file: file, language: language).print(format: global.format)
        }
        if let failure = Console.outputFailure, let batch = summary.batch {
            throw OutputLost(reason: failure, committed: batch)
        }
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
        static let configuration = CommandConfiguration(abstract: Text(en: "Import the individual-member roster (个人会员).",
                                                                       zh: "导入个人会员名册。").inHelp)
        @OptionGroup var options: GlobalOptions
        @OptionGroup var arguments: ImportArguments
        func validate() throws { try options.require(formatIn: Self.formats) }
        func run() throws { try arguments.run(.members, options) }
    }

    struct Registrations: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text(
            en: "Import annual registrations (年度注册), one row per member and year, re-imported by member and year.",
            zh: "导入年度注册记录（每名会员每年一行），按会员和年度重新导入。").inHelp)
        @OptionGroup var options: GlobalOptions
        @OptionGroup var arguments: ImportArguments
        func validate() throws { try options.require(formatIn: [.table, .json]) }
        func run() throws { try arguments.run(.registrations, options) }
    }

    struct Units: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text(en: "Import the unit-member roster (单位会员).",
                                                                       zh: "导入单位会员名册。").inHelp)
        @OptionGroup var options: GlobalOptions
        @OptionGroup var arguments: ImportArguments
        func validate() throws { try options.require(formatIn: Self.formats) }
        func run() throws { try arguments.run(.units, options) }
    }

    struct Services: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text(en: "Import service records (会员服务); a row already recorded is left unchanged.",
                                                                       zh: "导入会员服务记录；已有的记录保持不变。").inHelp)
        @OptionGroup var options: GlobalOptions
        @OptionGroup var arguments: ImportArguments
        func validate() throws { try options.require(formatIn: Self.formats) }
        func run() throws { try arguments.run(.services, options) }
    }

    struct Integrity: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text(en: "Import integrity cases (学术诚信档案), re-imported by case number.",
                                                                       zh: "导入学术诚信案件，按案件编号更新。").inHelp)
        @OptionGroup var options: GlobalOptions
        @OptionGroup var arguments: ImportArguments
        func validate() throws { try options.require(formatIn: Self.formats) }
        func run() throws { try arguments.run(.integrity, options) }
    }

    struct BoardSeats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "board-seats",
            abstract: Text(en: "Import board seats (理事会成员) by term; a new term is created from its dates.",
                           zh: "按届导入理事会成员；新的一届按其起止日期建立。").inHelp)
        @OptionGroup var options: GlobalOptions
        @OptionGroup var arguments: ImportArguments
        func validate() throws { try options.require(formatIn: Self.formats) }
        func run() throws { try arguments.run(.boardSeats, options) }
    }

    struct BoardAttendance: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "board-attendance",
            abstract: Text(en: "Import attendance at board and standing-board meetings (出席/请假/缺席).",
                           zh: "导入理事会、常务理事会会议出席情况（出席/请假/缺席）。").inHelp)
        @OptionGroup var options: GlobalOptions
        @OptionGroup var arguments: ImportArguments
        func validate() throws { try options.require(formatIn: Self.formats) }
        func run() throws { try arguments.run(.boardAttendance, options) }
    }

    struct Branches: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text(en: "Import branches (分支机构), re-imported by name.",
                                                                       zh: "导入分支机构，按名称更新。").inHelp)
        @OptionGroup var options: GlobalOptions
        @OptionGroup var arguments: ImportArguments
        func validate() throws { try options.require(formatIn: Self.formats) }
        func run() throws { try arguments.run(.branches, options) }
    }
}
