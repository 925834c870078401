import ArgumentParser
import Foundation
import RegistrarKit

/// Runs the command and maps every outcome to the documented exit statuses:
/// 0 success, 1 the command failed, 2 the arguments were wrong, 3 a check's verdict is negative.
@main
enum Main {
    static func main() {
        let language = GlobalOptions.languageFromArguments()
        do {
            var command = try Registrar.parseAsRoot()
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
                if !message.isEmpty { print(message) }
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
