import ArgumentParser
import Foundation
import RegistrarKit

/// The root command: the subcommands and nothing else.
struct Registrar: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registrar",
        abstract: Text(en: "The membership registry and growth tracker of a national scientific society (全国学会).",
                       zh: "全国学会的会员库与会员增长跟踪工具。").inHelp,
        subcommands: [Initialize.self, Demo.self, Import.self, Member.self, Count.self, Growth.self, Report.self, Board.self, Branches.self, Integrity.self, Services.self, Segments.self, Settings.self, Audit.self, Registration.self, Serve.self, Users.self, Backup.self, Check.self]
    )
}
