import ArgumentParser
import RegistrarKit

extension Registrar {
    /// `registrar board`: board rules (B1, B2).
    struct Board: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Board size caps and composition checks.",
            subcommands: [Caps.self, Check.self])
    }
}

extension Registrar.Board {
    /// `registrar board caps`: the cap on directors for a board elected in a year.
    struct Caps: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The cap on directors for a board elected in YEAR, from members at the end of the year before.")

        @OptionGroup var options: GlobalOptions

        @Option(help: "The election year (default: this year).")
        var year: Int?

        @Option(name: .customLong("previous-size"), help: "Directors on the outgoing board, at a re-election.")
        var previousSize: Int?

        func validate() throws {
            try options.require(formatIn: [.table, .json])
            if let previousSize, previousSize < 0 { throw ValidationError("--previous-size is a number of directors, 0 or more") }
        }

        func run() throws {
            let cap = try options.openRegistry().boardCap(year: year ?? Day.today().year, previousBoardSize: previousSize)
            if options.format == .json { return Console.write(try cap.json(options.language) + "\n") }
            Console.write(cap.table(options.language))
        }
    }

    /// `registrar board check`: every board rule for a term, exit 3 when any is not met.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a term's board against the caps, composition, attendance and secretary-general rules (exit 3 when any is not met).")

        @OptionGroup var options: GlobalOptions

        @Option(help: "The term number (届次; default: the latest term).")
        var term: Int?

        func validate() throws { try options.require(formatIn: [.table, .json]) }

        func run() throws {
            let check = try options.openRegistry().boardCheck(termNo: term)
            Console.write(options.format == .json ? try check.json(options.language) : check.table(options.language))
            if !check.allMet { throw CheckVerdict() }
        }
    }
}
