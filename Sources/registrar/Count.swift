import ArgumentParser
import RegistrarKit

extension Registrar {
    /// `registrar count`: individual and unit members in good standing on a day.
    struct Count: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Count individual and unit members on a day.", zh: "统计某日的个人会员和单位会员数。").inHelp)

        @OptionGroup var options: GlobalOptions

        @Option(name: .customLong("as-of"), help: Text(en: "The day to count on, as 2018-12-31, 2018/12/31, 20181231 or 2018年12月31日 (default: today).",
                                                       zh: "统计日期，如 2018-12-31、2018/12/31、20181231 或 2018年12月31日（默认：今天）。").asHelp, transform: DayArgument.day)
        var asOf: Day?

        func validate() throws { try options.require(formatIn: Self.formats) }

        func run() throws {
            let count = try options.openRegistry().count(on: asOf ?? Day.today())
            if options.format == .json { return try Output.json(count) }
            let language = options.language
            Output.rows(
                headers: [Text(en: "as of", zh: "日期")(language), Text(en: "individual members", zh: "个人会员")(language),
                          Text(en: "unit members", zh: "单位会员")(language)],
                keys: ["as_of", "individual", "unit"],
                [[count.asOf, String(count.individual), String(count.unit)]],
                format: options.format)
        }
    }
}
