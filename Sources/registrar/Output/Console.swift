import Foundation
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

/// Where the executable writes: results to standard output, messages to standard error.
///
/// Both go through `write(2)`, whose failures (a full disk, a closed pipe) are kept rather than
/// crashing the process as `FileHandle.write` does; `Main` reports the first one and exits 1.
enum Console {
    /// The first error writing standard output, as `strerror` says it.
    nonisolated(unsafe) private(set) static var outputFailure: String?

    /// One line for a person: identity-shaped numbers masked, control characters escaped.
    static func error(_ line: String) {
        put(Sanitized.message(line) + "\n", to: STDERR_FILENO)
    }

    /// The parser's messages and usage, several lines: masked, and each line kept a line.
    static func errorLines(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Sanitized.message(String($0)) }
        put(lines.joined(separator: "\n") + "\n", to: STDERR_FILENO)
    }

    static func write(_ text: String) {
        if let failure = put(text, to: STDOUT_FILENO), outputFailure == nil { outputFailure = failure }
    }

    /// Writes all of `text`, or returns why it could not.
    @discardableResult
    private static func put(_ text: String, to descriptor: Int32) -> String? {
        var text = text
        var failure: String?
        text.withUTF8 { bytes in
            guard var next = bytes.baseAddress else { return }
            var left = bytes.count
            while left > 0 {
                let written = Foundation.write(descriptor, next, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                left -= written
                next += written
            }
        }
        return failure
    }
}
