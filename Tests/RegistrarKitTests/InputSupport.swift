import Foundation
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

let testRepositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// Writes bytes to a fresh temporary file and returns its path.
func temporaryFile(_ bytes: [UInt8], name: String = "input.csv") throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registrar-unit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

func temporaryFile(_ text: String) throws -> String { try temporaryFile(Array(text.utf8)) }

/// Every record of a file as strings, with the line each starts on.
func readAll(_ path: String, encoding: TextEncoding = .utf8) throws -> [(line: Int, fields: [String])] {
    var records: [(Int, [String])] = []
    try CSVReader(path: path, displayName: "test.csv", encoding: encoding).forEachRecord { records.append(($0.line, $0.strings)) }
    return records
}

/// Bytes of a string in GB18030, through the same iconv the reader uses.
func gb18030(_ text: String) -> [UInt8] {
    let converter = iconv_open("GB18030", "UTF-8")!
    defer { iconv_close(converter) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 2 + 8)
    var produced = 0
    input.withUnsafeMutableBytes { inBytes in
        output.withUnsafeMutableBytes { outBytes in
            var inPointer: UnsafeMutablePointer<CChar>? = inBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
            var inLeft = inBytes.count
            var outPointer: UnsafeMutablePointer<CChar>? = outBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
            var outLeft = outBytes.count
            _ = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
            produced = outBytes.count - outLeft
        }
    }
    return Array(output[0..<produced])
}
