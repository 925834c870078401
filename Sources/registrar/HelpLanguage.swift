import ArgumentParser
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

extension Text {
    /// For a command's abstract: the text in the language the command line asks for (`--lang`, else
    /// $REGISTRAR_LANG, else English).
    var inHelp: String { self(GlobalOptions.requestedLanguage) }
    /// For an option's or argument's help.
    var asHelp: ArgumentHelp { ArgumentHelp(self(GlobalOptions.requestedLanguage)) }
}
