import ArgumentParser
import RegistrarKit

extension Registrar {
    /// `registrar member`: individual members.
    struct Member: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Show individual members.", zh: "查看个人会员。").inHelp,
            subcommands: [Show.self])
    }
}

extension Registrar.Member {
    /// `registrar member show KEY`: one member's record and membership history.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Show a member by member number, identity number or ORCID (identity number masked).",
                           zh: "按会员编号、证件号码或 ORCID 查看会员（证件号码打码）。").inHelp)

        @OptionGroup var options: GlobalOptions

        @Argument(help: Text(en: "Member number, identity number or ORCID iD.", zh: "会员编号、证件号码或 ORCID。").asHelp)
        var key: String

        @Flag(help: Text(en: "Show the identity number unmasked (recorded in the audit log).",
                         zh: "显示完整证件号码（记入审计日志）。").asHelp)
        var reveal = false

        func validate() throws { try options.require(formatIn: Self.formats) }

        func run() throws {
            let profile = try options.openRegistry().showMember(key: key, reveal: reveal)
            let view = MemberView(profile: profile, reveal: reveal, language: options.language)
            if options.format == .json { return try Output.json(view.json) }
            Console.write(view.text)
        }
    }
}
