import ArgumentParser
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

extension Registrar {
    /// `registrar count`: individual and unit members in good standing on a day.
    struct Count: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Count individual and unit members on a day.", zh: "统计某日的个人会员和单位会员数。").inHelp)

        @OptionGroup var options: GlobalOptions

        @Option(name: .customLong("as-of"), help: Text(en: "The day to count on, as 2018-12-31, 2018/12/31, 20181231 or 2018年12月31日 (default: today).",
                                                       zh: "统计日期，如 2018-12-31、2018/12/31、20181231 或 2018年12月31日（默认：今天）。").asHelp, transform: DayArgument.day)
        var asOf: Day?
        /// `--on`, as `registration status`, `segments` and `integrity check` spell it (hidden).
        @Option(name: .customLong("on"), help: .hidden, transform: DayArgument.day)
        var on: Day?

        func validate() throws {
            try options.require(formatIn: Self.formats)
            _ = try DayFlagPair.day(asOf, on, names: ("--as-of", "--on"))
        }

        func run() throws {
            let day = try DayFlagPair.day(asOf, on, names: ("--as-of", "--on")) ?? Day.today()
            let count = try options.openRegistryToRead().count(on: day)
            if options.format == .json { return try Output.json(count) }
            let language = options.language
            var headers = [Text(en: "as of", zh: "日期"), Text(en: "individual members", zh: "个人会员"), Text(en: "unit members", zh: "单位会员")]
            var keys = ["as_of", "individual", "unit"]
            var row = [count.asOf, String(count.individual), String(count.unit)]
            if count.unregistered > 0 { // registration required: who counts, and who is on the roll only
                headers += [Text(en: "on the roll", zh: "在册会员"), Text(en: "unregistered", zh: "未注册")]
                keys += ["individual_on_roll", "unregistered"]
                row += [String(count.individualOnRoll), String(count.unregistered)]
            }
            Output.rows(headers: headers.map { $0(language) }, keys: keys, [row], format: options.format)
        }
    }
}
