import Foundation
import RegistrarModel

/// Writes rejected rows, with line, column and reason, as a CSV that Excel opens (UTF-8 with BOM).
///
/// The file is created on the first rejected row only; it holds the rows as they were in the input,
/// so a person can fix them there and import the rejects file itself. That means identity numbers in
/// clear in their own column (the reasons mask them): like the registry file, it is readable and
/// writable by its owner only. It is written through `OutputFile`, so it is put in place whole, and
/// only when the import has finished.
///
/// The rows are in line order in the file put in place, whatever order they were written in (the rest
/// of a roster is merged in member-number order): the writer keeps where each row lies in its
/// temporary file, 16 bytes a row, and when they came out of order, copies them in line order into a
/// second temporary file at the end.
package final class RejectsWriter {
    package let output: OutputFile
    private let headers: [String]
    private let language: Language
    private var file: OutputFile.Writer?
    private(set) var count = 0
    /// Where each row written lies in the temporary file, in the order written.
    private var placed: [Placed] = []
    private var written = 0
    private var headerLength = 0
    private var inLineOrder = true

    private struct Placed {
        var start: Int
        var line: UInt32
        var length: UInt32
    }

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
            let header = CSVField.record(labels + headers)
            try opened.append([0xEF, 0xBB, 0xBF])
            try opened.append(header)
            headerLength = 3 + header.utf8.count
            written = headerLength
            self.file = opened
            return opened
        }()
        count += 1
        let row = CSVField.record([String(line), column ?? "", Sanitized.message(reason(language))] + fields)
        let length = row.utf8.count
        if let last = placed.last, line < Int(last.line) { inLineOrder = false }
        placed.append(Placed(start: written, line: UInt32(clamping: line), length: UInt32(clamping: length)))
        written += length
        try file.append(row)
    }

    /// Puts the file in place when rows were rejected; otherwise removes the one an earlier import left.
    package func finish() throws {
        if let file {
            if inLineOrder {
                try file.commit()
            } else {
                try commitInLineOrder(file)
            }
            placed = []
        } else {
            RejectsWriter.removeStale(at: output.path)
        }
    }

    /// Copies the rows written out of order, header first, into a second temporary file in line order
    /// and puts that one in place; the first is removed either way.
    private func commitInLineOrder(_ unordered: OutputFile.Writer) throws {
        defer { unordered.discard() }
        let sorted = try OutputFile.Writer(output)
        do {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            func copy(from start: Int, count: Int) throws {
                var done = 0
                while done < count {
                    let wanted = min(buffer.count, count - done)
                    let got = buffer.withUnsafeMutableBytes { unordered.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<wanted]), at: start + done) }
                    guard got > 0 else {
                        throw OutputFileError(path: output.path, reason: got < 0 ? .failed(errno) : .system("the temporary file became shorter"))
                    }
                    try sorted.append(buffer[0..<got])
                    done += got
                }
            }
            try copy(from: 0, count: headerLength)
            placed.sort { $0.line < $1.line }
            for row in placed { try copy(from: row.start, count: Int(row.length)) }
            try sorted.commit()
        } catch {
            sorted.discard()
            throw error
        }
    }

    /// Leaves whatever was at the path as it was.
    package func discard() {
        file?.discard()
        file = nil
        count = 0
        placed = []
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
