import ArgumentParser
import RegistrarKit

extension Registrar {
    /// `registrar board`: board rules (B1, B2).
    struct Board: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Board size caps and composition checks.", zh: "理事会规模上限与构成检查。").inHelp,
            subcommands: [Caps.self, Check.self])
    }
}

extension Registrar.Board {
    /// `registrar board caps`: the cap on directors for a board elected in a year.
    struct Caps: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "The cap on directors for a board elected in YEAR, from members at the end of the year before.",
                           zh: "YEAR 年换届理事会的理事人数上限，按上年末会员数计。").inHelp)

        @OptionGroup var options: GlobalOptions

        @Option(help: Text(en: "The election year (default: this year).", zh: "换届年份（默认：今年）。").asHelp)
        var year: Int?

        @Option(name: .customLong("previous-size"), help: Text(en: "Directors on the outgoing board, at a re-election.",
                                                               zh: "换届时上届理事会的理事人数。").asHelp)
        var previousSize: Int?

        func validate() throws {
            try options.require(formatIn: Self.formats)
            try options.require(year: year)
            if let previousSize, !(0...10_000).contains(previousSize) {
                throw ValidationError(Text(en: "--previous-size is a number of directors, from 0 to 10000",
                                           zh: "--previous-size 是理事人数，应在 0 至 10000 之间")(options.language))
            }
        }

        func run() throws {
            let cap = try options.openRegistryToRead().boardCap(year: year ?? Day.today().year, previousBoardSize: previousSize)
            if options.format == .json { return Console.write(try cap.json(options.language)) }
            Console.write(cap.table(options.language))
        }
    }

    /// `registrar board check`: every board rule for a term, exit 3 when any is not met.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Check a term's board against the caps, composition, attendance and secretary-general rules (exit 3 when any is not met).",
                           zh: "按上限、构成、出席和秘书长规定检查一届理事会（有不符合时退出码为 3）。").inHelp)

        @OptionGroup var options: GlobalOptions

        @Option(help: Text(en: "The term number (届次; default: the latest term).", zh: "届次（默认：最近一届）。").asHelp)
        var term: Int?

        func validate() throws { try options.require(formatIn: Self.formats) }

        func run() throws {
            let check = try options.openRegistryToRead().boardCheck(termNo: term)
            Console.write(options.format == .json ? try check.json(options.language) : check.table(options.language))
            if !check.allMet { throw CheckVerdict() }
        }
    }
}
