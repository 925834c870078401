import ArgumentParser
import RegistrarKit

/// The command a command line names, found from its words before the parser runs: to answer a
/// mistyped command word (`registrar reprot monthly`) with the commands there are, and to know
/// which output formats the named command offers while the parser builds its options.
enum CommandTree {
    struct Resolution {
        /// The command the words name (a group's default subcommand when they stop at the group).
        var command: ParsableCommand.Type
        /// The words that named it, e.g. `["report", "monthly"]`.
        var path: [String]
        /// A word where a subcommand's name was needed that names none.
        var unknown: String?
        /// The group whose subcommands `unknown` should have been one of.
        var group: ParsableCommand.Type
    }

    /// The arguments of this process, as the parser will read them.
    static let current = resolve(HelpColumns.arguments())

    static func resolve(_ arguments: [String]) -> Resolution {
        var command: ParsableCommand.Type = Registrar.self
        var path: [String] = []
        var index = arguments.first == "help" ? 1 : 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--lang" { index += 2; continue }
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, !word.hasPrefix("-") else { break }
            if let next = subcommands.first(where: { names(of: $0).contains(word) }) {
                command = next
                path.append(word)
                index += 1
                continue
            }
            // A group with a default subcommand may take this word as the default's argument;
            // it is a typo only when it is close to a subcommand's name.
            if command.configuration.defaultSubcommand == nil
                || Suggestion.closest(to: word, in: subcommands.map { $0._commandName }) != nil {
                return Resolution(command: command, path: path, unknown: word, group: command)
            }
            break
        }
        let group = command
        if let fallback = command.configuration.defaultSubcommand { command = fallback }
        return Resolution(command: command, path: path, unknown: nil, group: group)
    }

    static func names(of command: ParsableCommand.Type) -> [String] {
        [command._commandName] + command.configuration.aliases
    }

    /// The formats the command on this command line offers; every format for a command that
    /// does not say (its own `validate()` decides).
    static var offeredFormats: [OutputFormat] {
        (current.command as? OffersFormats.Type)?.formats ?? OutputFormat.allCases
    }

    /// `Error: unknown command 'reprot'; did you mean 'report'?`, then the commands there are and
    /// where the help is, in the person's language.
    static func unknownCommandMessage(_ resolution: Resolution, _ language: Language, width: Int) -> String? {
        guard let unknown = resolution.unknown else { return nil }
        let subcommands = resolution.group.configuration.subcommands
        let prefix = (["registrar"] + resolution.path).joined(separator: " ")
        let typed = (resolution.path + [unknown]).joined(separator: " ")
        var first = Text(en: "Error: unknown command '\(typed)'", zh: "错误：没有 '\(typed)' 这个命令")(language)
        if let guess = Suggestion.closest(to: unknown, in: subcommands.map { $0._commandName }) {
            let meant = (resolution.path + [guess]).joined(separator: " ")
            first += Text(en: "; did you mean '\(meant)'?", zh: "；您要输入的是不是 '\(meant)'？")(language)
        }
        var lines = [first, Text(en: "Commands:", zh: "命令：")(language)]
        for subcommand in subcommands {
            let name = subcommand._commandName
            let padded = "  " + name + String(repeating: " ", count: max(2, HelpPage.descriptionColumn - 2 - name.count))
            lines.append(padded + subcommand.configuration.abstract)
        }
        lines.append(Text(en: "See '\(prefix) --help' for more information.",
                          zh: "详见 '\(prefix) --help --lang zh'。")(language))
        return HelpPage.wrapped(lines.joined(separator: "\n"), width: width)
    }
}

/// A command that prints in some of the output formats: its `--help` lists only those, and
/// `--format` accepts only those.
protocol OffersFormats {
    static var formats: [OutputFormat] { get }
}
