import ArgumentParser
import Foundation
import RegistrarKit

/// The root command: the subcommands and nothing else.
struct Registrar: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registrar",
        abstract: "The membership registry and growth tracker of a national scientific society (全国学会).",
        subcommands: [Initialize.self, Demo.self, Import.self, Member.self, Count.self, Growth.self, Report.self, Board.self, Branches.self, Integrity.self, Services.self, Segments.self, Settings.self, Audit.self]
    )
}
