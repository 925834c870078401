import ArgumentParser
import RegistrarKit

extension Registrar {
    /// `registrar services`: how many services were given, by type, by channel and by month.
    struct Services: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text(en: "Count services given (会员服务) by type, channel and month.",
                                                                       zh: "按类型、渠道和月份统计会员服务。").inHelp)

        @OptionGroup var options: GlobalOptions
        @Option(help: Text(en: "The first day counted, as 2018-12-31, 2018/12/31, 20181231 or 2018年12月31日 (default: the first service).",
                           zh: "统计起始日，如 2018-12-31、2018/12/31、20181231 或 2018年12月31日（默认：最早的服务）。").asHelp, transform: DayArgument.day) var from: Day?
        @Option(help: Text(en: "The last day counted, as 2018-12-31, 2018/12/31, 20181231 or 2018年12月31日 (default: the last service).",
                           zh: "统计截止日，如 2018-12-31、2018/12/31、20181231 或 2018年12月31日（默认：最近的服务）。").asHelp, transform: DayArgument.day) var to: Day?

        func validate() throws {
            try options.require(formatIn: Self.formats)
            if let from, let to, to < from { throw ValidationError(Text(en: "--to \(to) is before --from \(from); swap them",
                                                                                     zh: "--to \(to) 早于 --from \(from)；请对调")) }
        }

        func run() throws {
            let summary = try options.openRegistryToRead().serviceSummary(from: from, to: to)
            if options.format == .json { return try Output.json(ServicesJSON(summary)) }
            let language = options.language
            // CSV is for scripts: the dimension and the value as codes (type, conference), as in the JSON.
            let csv = options.format == .csv
            func word(_ text: Text, _ code: String) -> String { csv ? code : text(language) }
            let rows = summary.byType.map { [word(Text(en: "type", zh: "服务类型"), "type"),
                                             word(ServiceTerms.label($0.key), $0.key), String($0.count)] }
                + summary.byChannel.map { [word(Text(en: "channel", zh: "渠道"), "channel"),
                                           word(ServiceTerms.label($0.key), $0.key), String($0.count)] }
                + summary.byMonth.map { [word(Text(en: "month", zh: "月份"), "month"), $0.key, String($0.count)] }
                + [[word(Text(en: "total", zh: "合计"), "total"), "", String(summary.total)]]
            Output.rows(headers: [Text(en: "by", zh: "维度")(language), Text(en: "value", zh: "取值")(language),
                                  Text(en: "services", zh: "服务次数")(language)],
                        keys: ["by", "value", "count"], rows, format: options.format)
        }
    }
}

/// `services --format json`: `{"from", "to", "total", "by_type": {type: n}, "by_channel": {channel: n}, "by_month": [{"month", "count"}]}`.
struct ServicesJSON: Encodable {
    struct Month: Encodable { var month: String; var count: Int }
    var from: String?
    var to: String?
    var total: Int
    var byType: [String: Int]
    var byChannel: [String: Int]
    var byMonth: [Month]

    init(_ summary: ServiceSummary) {
        from = summary.from?.iso
        to = summary.to?.iso
        total = summary.total
        byType = Dictionary(uniqueKeysWithValues: summary.byType.map { ($0.key, $0.count) })
        byChannel = Dictionary(uniqueKeysWithValues: summary.byChannel.map { ($0.key, $0.count) })
        byMonth = summary.byMonth.map { Month(month: $0.key, count: $0.count) }
    }

    enum CodingKeys: String, CodingKey {
        case from, to, total, byType = "by_type", byChannel = "by_channel", byMonth = "by_month"
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(total, forKey: .total)
        try container.encode(byType, forKey: .byType)
        try container.encode(byChannel, forKey: .byChannel)
        try container.encode(byMonth, forKey: .byMonth)
    }
}
