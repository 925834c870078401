import ArgumentParser
import Foundation
import RegistrarKit

/// Runs the command and maps every outcome to the documented exit statuses:
/// 0 success, 1 the command failed, 2 the arguments were wrong, 3 a check's verdict is negative.
@main
enum Main {
    static func main() {
        let language = GlobalOptions.requestedLanguage
        let helpWidth = HelpColumns.prepare(language)
        if let message = CommandTree.unknownCommandMessage(CommandTree.current, language, width: helpWidth) {
            Console.error(message)
            exit(2)
        }
        do {
            var command = try Registrar.parseAsRoot(HelpColumns.arguments())
            try command.run()
        } catch let error as UserFacingError {
            Console.error("registrar: " + error.message(language))
            exit(1)
        } catch let error as CheckVerdict {
            exit(error.exitStatus)
        } catch {
            let code = Registrar.exitCode(for: error)
            var message = Registrar.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(HelpPage.localized(message, language, width: helpWidth)) }
                exit(0)
            }
            message = ParserMessage.localized(message, language)
            if code == .validationFailure {
                Console.error(message)
                exit(2)
            }
            if !message.isEmpty { Console.error("registrar: " + message) }
            exit(code.rawValue == 0 ? 0 : 1)
        }
    }
}

/// Thrown by a check command after it printed its verdict, to end with status 3.
struct CheckVerdict: Error {
    var exitStatus: Int32 = 3
}

/// The width a `--help` page is wrapped to. The parser wraps by characters at spaces, which Chinese
/// has none of, so under `--lang zh` it is asked for an unwrapped page (`COLUMNS`, which it honours)
/// and `HelpPage` wraps it by terminal columns.
enum HelpColumns {
    static func prepare(_ language: Language) -> Int {
        let width = Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? terminalColumns() ?? 80
        let arguments = CommandLine.arguments.dropFirst()
        if language == .zh, arguments.first == "help" || arguments.contains("--help") || arguments.contains("-h") {
            setenv("COLUMNS", "10000", 1)
        }
        return width
    }

    /// The arguments to parse. `registrar help …` takes no options, but `--lang` is how a person asks
    /// for the page in Chinese, and the language is read already: it is left out there.
    static func arguments() -> [String] {
        var arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.first == "help" else { return arguments }
        if let index = arguments.firstIndex(of: "--lang"), index + 1 < arguments.count {
            arguments.removeSubrange(index...index + 1)
        }
        arguments.removeAll { $0.hasPrefix("--lang=") }
        return arguments
    }

    private static func terminalColumns() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
