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
        // No argument a person types holds a control character; one that does would reach the
        // parser's messages raw (a line feed splits the one-line error), so it is refused first.
        if let (index, argument) = CommandLine.arguments.dropFirst().enumerated().first(where: { Sanitized.escapingControls($0.1) != $0.1 }) {
            Console.error(Text(en: "argument \(index + 1) ('\(argument)') holds a control character such as a line break; type it again without one",
                               zh: "第 \(index + 1) 个参数（'\(argument)'）含有换行等控制字符；请去掉后重新输入")(language))
            exit(2)
        }
        if let message = CommandTree.unknownCommandMessage(CommandTree.current, language, width: helpWidth) {
            Console.errorLines(message)
            exit(2)
        }
        do {
            var command = try Registrar.parseAsRoot(HelpColumns.arguments())
            try command.run()
            if let failure = Console.outputFailure {
                throw OutputLost(reason: failure, committed: nil)
            }
        } catch let error as UserFacingError {
            Console.error("registrar: " + error.message(language))
            exit(1)
        } catch let error as CheckVerdict {
            // The verdict was printed: unless it could not be, which the user must hear of.
            if let failure = Console.outputFailure {
                Console.error("registrar: " + OutputLost(reason: failure, committed: nil).message(language))
                exit(1)
            }
            exit(error.exitStatus)
        } catch {
            let code = Registrar.exitCode(for: error)
            var message = Registrar.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Console.write(HelpPage.localized(message, language, width: helpWidth) + "\n") }
                if let failure = Console.outputFailure {
                    Console.error("registrar: " + OutputLost(reason: failure, committed: nil).message(language))
                    exit(1)
                }
                exit(0)
            }
            message = ParserMessage.localized(message, language)
            if code == .validationFailure {
                Console.errorLines(message)
                exit(2)
            }
            if !message.isEmpty { Console.errorLines("registrar: " + message) }
            exit(code.rawValue == 0 ? 0 : 1)
        }
    }
}

/// Standard output could not be written (a full disk, a closed pipe): the command's result did not
/// reach the user, so it fails, saying what did happen when it changed the registry.
struct OutputLost: UserFacingError {
    var reason: String
    /// The import batch a command committed before its summary was lost.
    var committed: Int64?

    func message(_ language: Language) -> String {
        if let committed {
            return Text(en: "the import was committed as batch \(committed), but its summary could not be written to standard output (\(reason)); see it with `registrar audit`",
                        zh: "导入已提交（批次 \(committed)），但摘要无法写到标准输出（\(reason)）；请用 `registrar audit` 查看")(language)
        }
        return Text(en: "the output could not be written to standard output (\(reason)); write it to a file with --out or free space, then run again",
                    zh: "结果无法写到标准输出（\(reason)）；请用 --out 写入文件或腾出空间后重新运行")(language)
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
