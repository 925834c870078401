import Foundation
import RegistrarKit

/// A progress line on standard error, only when it is a terminal: rows, rows per second, percent.
final class ProgressLine: @unchecked Sendable {
    private let enabled = isatty(STDERR_FILENO) == 1
    private let start = Date()
    private let language: Language
    private var shown = false

    init(language: Language) {
        self.language = language
    }

    func update(_ progress: ImportProgress) {
        guard enabled else { return }
        let elapsed = max(Date().timeIntervalSince(start), 0.001)
        let percent = progress.totalBytes > 0 ? progress.bytesRead * 100 / progress.totalBytes : 100
        let rate = Int(Double(progress.rows) / elapsed)
        let text = Text(en: "\(progress.rows) rows, \(rate) rows/s, \(percent)%", zh: "\(progress.rows) 行，\(rate) 行/秒，\(percent)%")
        FileHandle.standardError.write(Data(("\r" + text(language) + "\u{1B}[K").utf8))
        shown = true
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
