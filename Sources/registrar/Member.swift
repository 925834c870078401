import ArgumentParser
import RegistrarKit

extension Registrar {
    /// `registrar member`: individual members.
    struct Member: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show individual members.",
            subcommands: [Show.self])
    }
}

extension Registrar.Member {
    /// `registrar member show KEY`: one member's record and membership history.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a member by member number, identity number or ORCID (identity number masked).")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "Member number, identity number or ORCID iD.")
        var key: String

        @Flag(help: "Show the identity number unmasked (recorded in the audit log).")
        var reveal = false

        func validate() throws { try options.require(formatIn: [.table, .json]) }

        func run() throws {
            let profile = try options.openRegistry().showMember(key: key, reveal: reveal)
            let view = MemberView(profile: profile, reveal: reveal, language: options.language)
            if options.format == .json { return try Output.json(view.json) }
            Console.write(view.text)
        }
    }
}
