import Foundation
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

/// A progress line on standard error, only when it is a terminal: rows, rows per second, percent,
/// then what the import does after its last row (building the index, committing).
///
/// The percent follows the rows merged (the bytes up to the last of them), and stays below 100
/// until the import has finished, so it never reads 100% while rows remain. The first update is
/// drawn at once, later ones at most five times a second; a change of phase always is.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let language: Language
    private var shown = false
    private var lastDrawn = Date.distantPast
    private var lastPhase = ImportProgress.Phase.rows
    private var furthest = 0
    /// When the rows started: when the line was made, or when the import began reading them again in order.
    private var rowsStart = Date()
    private var readingAgain = false

    init(language: Language, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.language = language
        self.enabled = enabled
    }

    func update(_ progress: ImportProgress) {
        guard enabled else { return }
        // Never backwards: a GB18030 file's position is estimated from its UTF-8 text.
        var progress = progress
        let now = Date()
        if progress.phase == .readingAgainInOrder {
            // The rows start again from the first: so do their count, rate and percent.
            furthest = 0
            rowsStart = now
            readingAgain = true
        }
        progress.bytesRead = max(progress.bytesRead, furthest)
        furthest = progress.bytesRead
        guard progress.phase != lastPhase || now.timeIntervalSince(lastDrawn) >= 0.2 else { return }
        lastDrawn = now
        lastPhase = progress.phase
        let text = Self.text(progress, elapsed: now.timeIntervalSince(rowsStart), again: readingAgain)(language)
        FileHandle.standardError.write(Data(("\r" + text + "\u{1B}[K").utf8))
        shown = true
    }

    /// - Parameter again: the rows are being read again, in member-number order.
    static func text(_ progress: ImportProgress, elapsed: TimeInterval, again: Bool = false) -> Text {
        let rows = NumberText.grouped(progress.rows)
        switch progress.phase {
        case .rows:
            let rate = NumberText.grouped(Int(Double(progress.rows) / max(elapsed, 0.001)))
            let percent = progress.totalBytes > 0 ? min(99, progress.bytesRead * 100 / progress.totalBytes) : 0
            let line = Text(en: "\(rows) rows, \(rate) rows/s, \(percent)%", zh: "\(rows) 行，\(rate) 行/秒，\(percent)%")
            return again ? Text(en: "in member-number order: " + line.en, zh: "按会员编号顺序：" + line.zh) : line
        case .readingAgainInOrder:
            return Text(en: "rows in conflict came out of member-number order: reading the file again in that order…",
                        zh: "有冲突的行不按会员编号顺序：正在按该顺序重新读取文件…")
        case .buildingIndex:
            return Text(en: "\(rows) rows in; building the identity index and checking membership periods…",
                        zh: "\(rows) 行已导入；正在建立证件号码索引并检查会籍期间…")
        case .lapsing:
            return Text(en: "\(rows) rows in; ending memberships absent from the roster…",
                        zh: "\(rows) 行已导入；正在终止名册中缺失会员的会籍…")
        case .committing:
            return Text(en: "\(rows) rows in; committing…", zh: "\(rows) 行已导入；正在提交…")
        }
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
