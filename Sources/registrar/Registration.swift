import ArgumentParser
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

extension Registrar {
    /// `registrar registration`: annual registration (年度注册, RULES.md R1).
    struct Registration: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Annual registration (年度注册): a member's status, the renewal work list, lapses.",
                           zh: "年度注册：会员注册状态、待续注册名单、视为自动退会处理。").inHelp,
            subcommands: [Status.self, Due.self, Lapse.self])
    }
}

extension Registrar.Registration {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "The years a member is registered for and their standing on a day.",
                           zh: "会员已注册的年度及其某日是否为有效会员。").inHelp)

        @OptionGroup var options: GlobalOptions
        @Argument(help: Text(en: "Member number, identity number or ORCID.", zh: "会员编号、证件号码或 ORCID。").asHelp)
        var key: String
        @Option(help: Text(en: "The day, as 2018-12-31, 2018/12/31, 20181231 or 2018年12月31日 (default: today).",
                           zh: "日期，如 2018-12-31、2018/12/31、20181231 或 2018年12月31日（默认：今天）。").asHelp, transform: DayArgument.day)
        var on: Day?
        /// `--as-of`, as `count` spells it (hidden).
        @Option(name: .customLong("as-of"), help: .hidden, transform: DayArgument.day)
        var asOf: Day?

        func validate() throws {
            try options.require(formatIn: [.table, .json])
            _ = try DayFlagPair.day(on, asOf, names: ("--on", "--as-of"))
        }

        func run() throws {
            let day = try DayFlagPair.day(on, asOf, names: ("--on", "--as-of")) ?? Day.today()
            let status = try options.openRegistry().registrationStatus(key: key, on: day)
            if options.format == .json { return try Output.json(RegistrationStatusJSON(status)) }
            let l = options.language
            let standing = status.inGoodStanding ? Text(en: "in good standing", zh: "有效会员（已注册）")
                : status.onRoll ? Text(en: "on the roll, unregistered", zh: "在册，未注册") : Text(en: "not on the roll", zh: "不在册")
            let required = status.requiredFrom.map { Text(en: "required from \($0)", zh: "自 \($0) 年起要求注册") }
                ?? Text(en: "not required", zh: "未要求注册")
            Output.rows(headers: [Text(en: "item", zh: "项目")(l), Text(en: "value", zh: "值")(l)], [
                [Text(en: "member", zh: "会员")(l), "\(status.memberNo ?? "") \(status.name)"],
                [Text(en: "registration", zh: "年度注册")(l), required(l)],
                [Text(en: "years recorded", zh: "已登记注册年度")(l), status.recordedYears.map(String.init).joined(separator: l == .zh ? "、" : ", ")],
                [Text(en: "years joined", zh: "入会年度")(l), status.joinedYears.map(String.init).joined(separator: l == .zh ? "、" : ", ")],
                [Text(en: "standing on \(status.on.iso)", zh: "\(status.on.iso) 状态")(l), standing(l)],
            ], format: options.format)
        }
    }

    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Members on the roll not registered for a year: the renewal work list.",
                           zh: "在册但未注册某年度的会员：待续注册名单。").inHelp)

        @OptionGroup var options: GlobalOptions
        @Option(help: Text(en: "The registration year (default: this year).", zh: "注册年度（默认：今年）。").asHelp)
        var year: Int?
        @Option(help: Text(en: "With --format csv: the file to write for a mail merge (identity numbers masked).",
                           zh: "与 --format csv 同用：写入供邮件合并的文件（身份证号已脱敏）。").asHelp)
        var out: String?

        func validate() throws {
            try options.require(formatIn: [.table, .csv, .json])
            if let year, !(1900...9999).contains(year) {
                throw ValidationError(Text(en: "--year takes a year from 1900 to 9999, such as 2019",
                                           zh: "--year 应为 1900 至 9999 之间的年份，如 2019")(options.language))
            }
            if out != nil && options.format != .csv {
                throw ValidationError(Text(en: "--out writes CSV; add --format csv", zh: "--out 写入 CSV；请加 --format csv")(options.language))
            }
        }

        func run() throws {
            let today = Day.today()
            let year = year ?? today.year
            // Members on the roll at the end of a past year, or today for this year and later ones.
            let day = year < today.year ? Day.endOfYear(year) : today
            let registry = try options.openRegistry()
            let l = options.language
            if let out {
                let count = try registry.exportRegistrationDue(year: year, on: day, to: out, language: l)
                return Console.error(Text(en: "\(count) members not registered for \(year) written to \(out) (identity numbers masked)",
                                          zh: "未注册 \(year) 年度的 \(count) 名会员已写入 \(out)（身份证号已脱敏）")(l))
            }
            let due = try registry.registrationDue(year: year, on: day)
            if options.format == .json { return try Output.json(due.map(DueJSON.init)) }
            // The CSV header is the JSON's keys, the same in every language; the table's headings are for people.
            Output.rows(headers: [Text(en: "member number", zh: "会员编号"), Text(en: "name", zh: "姓名"), Text(en: "email", zh: "电子邮箱"),
                                  Text(en: "phone", zh: "手机"), Text(en: "employer", zh: "工作单位"), Text(en: "identity number", zh: "身份证号"),
                                  Text(en: "last registered", zh: "最近注册年度")].map { $0(l) },
                        keys: DueJSON.keys, due.map(\.fields), format: options.format)
        }
    }

    struct Lapse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "End the memberships of members treated as withdrawn for not registering (视为自动退会).",
                           zh: "终止未注册而视为自动退会的会员的会籍。").inHelp)

        @OptionGroup var options: GlobalOptions
        @Option(name: .customLong("as-of"), help: Text(en: "The day to judge on, as 2019-01-01, 2019/01/01, 20190101 or 2019年1月1日.",
                                                       zh: "判定日期，如 2019-01-01、2019/01/01、20190101 或 2019年1月1日。").asHelp,
                transform: DayArgument.day)
        var asOf: Day?
        @Option(name: .customLong("on"), help: .hidden, transform: DayArgument.day)
        var on: Day?
        @Flag(name: .customLong("dry-run"), help: Text(en: "Report how many would be ended; change nothing.",
                                                       zh: "只报告将终止的人数，不做任何改动。").asHelp)
        var dryRun = false
        @Option(name: .customLong("max-lapse"), help: Text(en: "Refuse to end more than this percentage of current members.",
                                                           zh: "将终止的现有会员超过此百分比时拒绝执行。").asHelp)
        var maxLapse: String = "10"

        func validate() throws {
            try options.require(formatIn: [.table, .json])
            guard try day() != nil else {
                throw ValidationError(Text(en: "registration lapse needs the day to judge on: add --as-of, such as --as-of 2021-01-01",
                                           zh: "registration lapse 需要判定日期：请加 --as-of，如 --as-of 2021-01-01")(options.language))
            }
            guard PercentArgument.basisPoints(maxLapse) != nil else {
                throw ValidationError(Text(en: "--max-lapse takes a percentage such as 10 or 12.5",
                                           zh: "--max-lapse 应为百分数，如 10 或 12.5")(options.language))
            }
        }

        /// `--as-of`, or the same day given as `--on`, as the other day commands take.
        private func day() throws -> Day? { try DayFlagPair.day(asOf, on, names: ("--as-of", "--on")) }

        func run() throws {
            guard let asOf = try day() else { return }
            let result = try options.openRegistry().lapseUnregistered(
                asOf: asOf, dryRun: dryRun, maxLapseBasisPoints: PercentArgument.basisPoints(maxLapse) ?? 1000)
            if options.format == .json { return try Output.json(result) }
            let l = options.language
            Console.write((result.dryRun
                ? Text(en: "dry run: \(result.lapsed) memberships would be ended (unregistered); nothing was changed",
                       zh: "试运行：将终止 \(result.lapsed) 个会籍（未注册）；未作任何改动")
                : Text(en: "\(result.lapsed) memberships ended (unregistered)", zh: "已终止 \(result.lapsed) 个会籍（未注册）"))(l) + "\n")
        }
    }
}

/// `registration status --format json`.
struct RegistrationStatusJSON: Encodable {
    let member_no: String?
    let name: String
    let on: String
    let registration_required_from: Int?
    let recorded_years: [Int]
    let joined_years: [Int]
    let registered_this_year: Bool
    let on_roll: Bool
    let in_good_standing: Bool

    init(_ status: RegistrationStatus) {
        member_no = status.memberNo
        name = status.name
        on = status.on.iso
        registration_required_from = status.requiredFrom
        recorded_years = status.recordedYears
        joined_years = status.joinedYears
        registered_this_year = status.isRegistered(for: status.on.year)
        on_roll = status.onRoll
        in_good_standing = status.inGoodStanding
    }
}

/// One member of `registration due --format json`; the identity number is masked.
struct DueJSON: Encodable {
    /// The keys, in the order of `DueMember.fields`: `--format csv`'s header too.
    static let keys = ["member_no", "name", "email", "phone", "employer", "id_number_masked", "last_registered"]

    let member_no: String?
    let name: String
    let email: String?
    let phone: String?
    let employer: String?
    let id_number_masked: String?
    let last_registered: Int?

    init(_ member: DueMember) {
        member_no = member.memberNo
        name = member.name
        email = member.email
        phone = member.phone
        employer = member.employer
        id_number_masked = member.maskedIDNumber
        last_registered = member.lastRegistered
    }
}
