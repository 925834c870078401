import ArgumentParser
import RegistrarKit

extension Registrar {
    /// `registrar branches`: branches with no activity for longer than the society's setting (O1).
    struct Branches: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Branches (分支机构) with no activity for more than the configured months (default 24); dissolved ones left out.",
                           zh: "超过设定月数（默认 24）无活动的分支机构；已撤销的不列。").inHelp)

        @OptionGroup var options: GlobalOptions

        @Option(help: Text(en: "The day to judge on, as 2018-12-31, 2018/12/31, 20181231 or 2018年12月31日 (default: today).",
                           zh: "判断日期，如 2018-12-31、2018/12/31、20181231 或 2018年12月31日（默认：今天）。").asHelp, transform: DayArgument.day)
        var on: Day?

        func validate() throws { try options.require(formatIn: Self.formats) }

        struct JSON: Encodable {
            var on: String
            var inactive_months: Int
            var branches: [Branch]
            struct Branch: Encodable {
                var name: String
                var founded_on: String?
                var last_activity_on: String?
                var months_since: Int?
                var days_beyond_months: Int?
            }
        }

        func run() throws {
            let day = on ?? Day.today()
            let (months, branches) = try options.openRegistryToRead().inactiveBranches(on: day)
            if options.format == .json {
                return try Output.json(JSON(on: day.iso, inactive_months: months, branches: branches.map {
                    .init(name: $0.name, founded_on: $0.foundedOn, last_activity_on: $0.lastActivityOn, months_since: $0.monthsSince,
                          days_beyond_months: $0.daysBeyondMonths)
                }))
            }
            let language = options.language
            let none = Text(en: "none recorded", zh: "无记录")(language)
            Output.rows(
                headers: [Text(en: "branch", zh: "分支机构")(language), Text(en: "founded", zh: "成立日期")(language),
                          Text(en: "last activity", zh: "最近活动日期")(language), Text(en: "inactive for", zh: "无活动时长")(language)],
                keys: ["name", "founded_on", "last_activity_on", "months_since", "days_beyond_months"],
                branches.map { branch in
                    let since: [String]
                    if options.format == .csv {
                        since = [branch.monthsSince.map(String.init) ?? "", branch.daysBeyondMonths.map(String.init) ?? ""]
                    } else if let months = branch.monthsSince {
                        let days = branch.daysBeyondMonths ?? 0
                        since = [Text(en: "\(months) months" + (days > 0 ? ", \(days) day" + (days == 1 ? "" : "s") : ""),
                                      zh: "\(months) 个月" + (days > 0 ? " \(days) 天" : ""))(language)]
                    } else {
                        since = [""]
                    }
                    return [branch.name, branch.foundedOn ?? "", branch.lastActivityOn ?? none] + since
                },
                format: options.format)
            if options.format == .table {
                Console.error(Text(en: "\(branches.count) branches with no activity for more than \(months) months on \(day.iso) (setting branches.inactive_months)",
                                   zh: "截至 \(day.iso)，超过 \(months) 个月无活动的分支机构 \(branches.count) 个（设置 branches.inactive_months）")(language))
            }
        }
    }
}
