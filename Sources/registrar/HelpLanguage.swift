import ArgumentParser
import RegistrarKit

/// The language `--help` speaks: `--lang` on the command line, else $REGISTRAR_LANG, else English.
/// Read from the arguments themselves, before they are parsed, since the parser reads the help
/// texts while it parses.
let helpLanguage = GlobalOptions.languageFromArguments()

extension Text {
    /// For a command's abstract: the text in the language the command line asks for.
    var inHelp: String { self(helpLanguage) }
    /// For an option's or argument's help.
    var asHelp: ArgumentHelp { ArgumentHelp(self(helpLanguage)) }
}
