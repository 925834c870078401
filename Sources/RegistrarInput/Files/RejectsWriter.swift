import Foundation
import RegistrarModel

/// Writes rejected rows, with line, column and reason, as a CSV that Excel opens (UTF-8 with BOM).
///
/// The file is created on the first rejected row only; it holds the rows as they were in the input,
/// so a person can fix them there and import the rejects file itself. That means identity numbers in
/// clear in their own column (the reasons mask them): like the registry file, it is readable and
/// writable by its owner only. It is written through `OutputFile`, so it is put in place whole, and
/// only when the import has finished.
package final class RejectsWriter {
    package let output: OutputFile
    private let headers: [String]
    private let language: Language
    private var file: OutputFile.Writer?
    private(set) var count = 0

    package var path: String { output.path }

    package init(output: OutputFile, headers: [String], language: Language) {
        self.output = output
        self.headers = headers
        self.language = language
    }

    package func write(line: Int, column: String?, reason: Text, fields: [String]) throws {
        let file = try self.file ?? {
            let opened = try OutputFile.Writer(output)
            let labels = language == .zh ? ["行号", "列", "原因"] : ["line", "column", "reason"]
            try opened.append([0xEF, 0xBB, 0xBF])
            try opened.append(CSVField.record(labels + headers))
            self.file = opened
            return opened
        }()
        count += 1
        try file.append(CSVField.record([String(line), column ?? "", Sanitized.message(reason(language))] + fields))
    }

    /// Puts the file in place when rows were rejected; otherwise removes the one an earlier import left.
    package func finish() throws {
        if let file {
            try file.commit()
        } else {
            RejectsWriter.removeStale(at: output.path)
        }
    }

    /// Leaves whatever was at the path as it was.
    package func discard() {
        file?.discard()
        file = nil
        count = 0
    }

    /// Removes the rejects file an earlier import left at `path`, so what is there always speaks of
    /// the latest import; a file that does not start with our own header is never touched.
    package static func removeStale(at path: String) {
        var status = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
              let handle = FileHandle(forReadingAtPath: path) else { return }
        let start = String(decoding: handle.readData(ofLength: 64), as: UTF8.self)
        try? handle.close()
        if start.hasPrefix("\u{FEFF}line,column,reason,") || start.hasPrefix("\u{FEFF}行号,列,原因,") {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    package static func defaultPath(for input: String) -> String {
        let url = URL(fileURLWithPath: input)
        let base = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent(base + ".rejects.csv").path
    }
}
