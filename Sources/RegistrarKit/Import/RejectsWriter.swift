import Foundation

/// Writes rejected rows, with line, column and reason, as a CSV that Excel opens (UTF-8 with BOM).
///
/// The file is created on the first rejected row only; it holds the rows as they were in the input,
/// so a person can fix them there and import the rejects file itself. That means identity numbers in
/// clear in their own column (the reasons mask them): like the registry file, it is created readable
/// and writable by its owner only.
final class RejectsWriter {
    let path: String
    private let headers: [String]
    private let language: Language
    private var handle: FileHandle?
    private(set) var count = 0

    init(path: String, headers: [String], language: Language) {
        self.path = path
        self.headers = headers
        self.language = language
    }

    func write(line: Int, column: String?, reason: Text, fields: [String]) throws {
        if handle == nil {
            guard FileManager.default.createFile(atPath: path, contents: Data([0xEF, 0xBB, 0xBF]),
                                                 attributes: [.posixPermissions: 0o600]),
                  let opened = FileHandle(forWritingAtPath: path) else {
                throw ImportRefusal(problem: Text(en: "cannot write the rejects file \(path); choose another with --rejects",
                                                  zh: "无法写入拒绝行文件 \(path)；请用 --rejects 另选路径"))
            }
            opened.seekToEndOfFile()
            handle = opened
            let labels = language == .zh ? ["行号", "列", "原因"] : ["line", "column", "reason"]
            opened.write(Data(CSVField.record(labels + headers).utf8))
        }
        count += 1
        handle?.write(Data(CSVField.record([String(line), column ?? "", reason(language)] + fields).utf8))
    }

    func close() {
        try? handle?.close()
        handle = nil
    }

    /// Removes the rejects file an earlier import left at `path`, so what is there always speaks of
    /// the latest import; a file that does not start with our own header is never touched.
    static func removeStale(at path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        let start = String(decoding: handle.readData(ofLength: 64), as: UTF8.self)
        try? handle.close()
        if start.hasPrefix("\u{FEFF}line,column,reason,") || start.hasPrefix("\u{FEFF}行号,列,原因,") {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    static func defaultPath(for input: String) -> String {
        let url = URL(fileURLWithPath: input)
        let base = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent(base + ".rejects.csv").path
    }
}
