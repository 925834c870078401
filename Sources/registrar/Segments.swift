import ArgumentParser
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

extension Registrar {
    /// `registrar segments`: precision-service segments (精准服务) and their sizes, and exports of their members.
    struct Segments: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Precision-service segments (精准服务): their sizes, and a segment's members as a spreadsheet.",
                           zh: "精准服务分群：各群人数，以及导出某群会员表格。").inHelp,
            subcommands: [List.self, Export.self], defaultSubcommand: List.self)
    }
}

/// The flags that choose the segments and the day: shared by listing and export.
struct SegmentArguments: ParsableArguments {
    @Option(help: Text(en: "The day members are in good standing on, as 2018-12-31, 2018/12/31, 20181231 or 2018年12月31日 (default: today).",
                       zh: "会籍有效的判断日期，如 2018-12-31、2018/12/31、20181231 或 2018年12月31日（默认：今天）。").asHelp, transform: DayArgument.day) var on: Day?
    @Option(help: Text(en: "A rules file of your own segments (see README, \"User-defined segments\").",
                       zh: "自定义分群的规则文件（见 README「User-defined segments」）。").asHelp) var rules: String?
    /// `--as-of`, as `count` spells it (hidden).
    @Option(name: .customLong("as-of"), help: .hidden, transform: DayArgument.day) var asOf: Day?

    func validate() throws { _ = try DayFlagPair.day(on, asOf, names: ("--on", "--as-of")) }

    var day: Day { on ?? asOf ?? Day.today() }

    func segments() throws -> [Segment] {
        try BuiltInSegments.all + (rules.map { try SegmentRules.load(path: $0) } ?? [])
    }
}

extension Registrar.Segments {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text(en: "Every segment with its size and share of members in good standing.",
                                                                       zh: "各分群的人数及占会籍有效会员的比例。").inHelp)
        @OptionGroup var options: GlobalOptions
        @OptionGroup var arguments: SegmentArguments

        func validate() throws { try options.require(formatIn: Self.formats) }

        func run() throws {
            let sizes = try options.openRegistryToRead().segmentSizes(on: arguments.day, segments: try arguments.segments())
            let language = options.language
            if options.format == .json { return try Output.json(sizes.map { SegmentJSON($0, language: language) }) }
            // The count is a number in its own column, and what it counts (members or unit members) is
            // another, so the table right-aligns it and a spreadsheet reads it as a number.
            let csv = options.format == .csv
            Output.rows(
                headers: [Text(en: "segment", zh: "分组"), Text(en: "count", zh: "数量"), Text(en: "of", zh: "计数对象"),
                          Text(en: "share %", zh: "占比%"), Text(en: "who", zh: "说明"),
                          Text(en: "suggested service", zh: "建议服务")].map { $0(language) },
                keys: ["name", "count", "population", "share_percent", "description", "suggested_service"],
                sizes.map { size in
                    [size.segment.name, String(size.count),
                     csv ? size.segment.population.rawValue
                         : (size.segment.population == .units ? Text(en: "unit members", zh: "单位会员")
                                                              : Text(en: "members", zh: "个人会员"))(language),
                     NumberText.twoDecimals(hundredths: SegmentJSON.hundredths(size)), size.segment.description(language),
                     size.segment.suggestedService(language)]
                },
                format: options.format)
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Write a segment's members to a CSV for Excel (UTF-8 with BOM, identity numbers masked; audited).",
                           zh: "把某群会员写入 Excel 用的 CSV（UTF-8 带 BOM，证件号码打码；记入审计）。").inHelp)
        @OptionGroup var options: GlobalOptions
        @Argument(help: Text(en: "The segment's name, as `registrar segments` lists it.",
                             zh: "分群名称，即 `registrar segments` 所列。").asHelp) var name: String
        @Option(help: Text(en: "The CSV file to write.", zh: "要写入的 CSV 文件。").asHelp) var out: String
        @OptionGroup var arguments: SegmentArguments

        func run() throws {
            let segments = try arguments.segments()
            guard let segment = segments.first(where: { $0.name == name }) else {
                throw SegmentError(problem: Text(
                    en: "no segment named '\(name)'; use one of \(segments.map(\.name).joined(separator: ", "))",
                    zh: "没有名为 '\(name)' 的分组；可用：\(segments.map(\.name).joined(separator: "、"))"))
            }
            let count = try options.openRegistry().exportSegment(segment, on: arguments.day, to: out, language: options.language)
            Console.error(Text(en: "\(count) rows of segment \(name) written to \(out) (identity numbers masked)",
                               zh: "分组 \(name) 共 \(count) 行已写入 \(out)（身份证号已脱敏）")(options.language))
        }
    }
}

/// One segment in `segments --format json`: `name`, `count`, `description` (the contract), and more.
struct SegmentJSON: Encodable {
    var name: String
    var count: Int
    var description: String
    var population: String
    var populationCount: Int
    var sharePercent: Double
    var suggestedService: String

    init(_ size: SegmentSize, language: Language) {
        name = size.segment.name
        count = size.count
        description = size.segment.description(language)
        population = size.segment.population.rawValue
        populationCount = size.population
        sharePercent = Double(SegmentJSON.hundredths(size)) / 100
        suggestedService = size.segment.suggestedService(language)
    }

    /// The share in hundredths of a percent, rounded half up in integers.
    static func hundredths(_ size: SegmentSize) -> Int {
        size.population == 0 ? 0 : (size.count * 20_000 + size.population) / (2 * size.population)
    }

    enum CodingKeys: String, CodingKey {
        case name, count, description, population, populationCount = "population_count", sharePercent = "share_percent",
             suggestedService = "suggested_service"
    }
}
