import Foundation
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

/// `RecordOrder` finds the records `CSVReader` finds, on the same lines, and the reader reads them
/// back whole in the column's order.
struct RecordOrderTests {
    /// Every record after the header, read in file order: line and fields.
    static func inFileOrder(_ path: String) throws -> [String] {
        let reader = try CSVReader(path: path, displayName: "t.csv", encoding: .utf8)
        _ = try reader.nextRecord()
        var records: [String] = []
        try reader.forEachRecord { records.append("\($0.line): \($0.strings)") }
        return records
    }

    static let files: [String] = [
        "\u{FEFF}no,name\nc3,三\na1,一\n\nb2,二\n",
        "no,name\r\nz,\"line\r\nbreak\"\r\n\r\ny,\"a \"\"quoted\"\" word\"\r\nx,ab\"c\r\nw,\"ab\"c\r\n",
        "no,name\rb,lone CR\ra,ends\r\rc,last with no line break",
        "no,name\n\"q2\",\"x,\ny\"\n q1 ,spaces\n\"\",empty key\nq0,\"\"\n,",
        "no,name\nM10,a\nM9,b\nM100000000000001,long\nM100000000000000,long too\nM1,c\n\n\n",
    ]

    @Test func ordersTheRecordsTheReaderFindsOnTheirLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("record-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, text) in Self.files.enumerated() {
            let path = folder.appendingPathComponent("\(index).csv").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let order = try #require(RecordOrder.of(path: path, column: 0), "file \(index) is not in order")
            let reader = try CSVReader(path: path, displayName: "t.csv", encoding: .utf8, order: order)
            var records: [String] = []
            var keys: [String] = []
            try reader.forEachRecord { records.append("\($0.line): \($0.strings)"); keys.append($0.string(0).trimmingCharacters(in: .whitespaces)) }
            let expected = try Self.inFileOrder(path)
            #expect(records.sorted() == expected.sorted(), "file \(index)")
            #expect(records.count == expected.count, "file \(index)")
            // In the column's byte order (its first 12 bytes), then by line.
            let prefixes = keys.map { Array($0.utf8.prefix(12)) }
            #expect(zip(prefixes, prefixes.dropFirst()).allSatisfy { !$1.lexicographicallyPrecedes($0) }, "file \(index): \(keys)")
        }
    }

    @Test func aFileAlreadyInOrderOrUnclosedIsReadAsItIs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("record-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for text in ["no,name\na,1\nb,2\nb,3\n", "no,name\nb,1\na,\"never closed\n", "no,name\nb,1\na," + String(repeating: "x", count: 40_000) + "\n"] {
            let path = folder.appendingPathComponent("f.csv").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            #expect(RecordOrder.of(path: path, column: 0) == nil)
        }
    }

    /// Read in the column's order: records as they are while the column rises (an empty value never
    /// breaks the run), then the rest from the first that does not, in order, each on its own line.
    @Test func readsInFileOrderUntilTheColumnFallsThenTheRestInOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("record-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases: [(text: String, expected: [String])] = [
            // In order throughout, with an empty key and a repeated one: read as it is.
            ("no,name\na,1\n,2\nb,3\nb,4\n", ["2 a", "3 ", "4 b", "5 b"]),
            // In order up to c (line 4), then the rest, from line 5, by key.
            ("no,name\na,1\n b ,2\nc,3\nb2,4\n\n\"z\",\"5\r\n\"\na1,6\nd,7", ["2 a", "3  b ", "4 c", "* 9 a1", "* 5 b2", "* 10 d", "* 7 z"]),
            // Out of order at once.
            ("no,name\nq,1\np,2\no,3\n", ["2 q", "* 4 o", "* 3 p"]),
            // One record left when the order falls: it is the rest, in order.
            ("no,name\nq,1\np,2\n", ["2 q", "3 p"]),
        ]
        for (index, (text, expected)) in cases.enumerated() {
            let path = folder.appendingPathComponent("\(index).csv").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let reader = try CSVReader(path: path, displayName: "t.csv", encoding: .utf8)
            _ = try reader.nextRecord()
            var records: [String] = []
            var lastBytes = 0
            try reader.forEachRecord(orderedBy: 0) { record in
                records.append((record.inFileOrder ? "" : "* ") + "\(record.line) \(record.string(0))")
                #expect(record.bytesRead >= lastBytes && record.bytesRead <= text.utf8.count, "progress in case \(index)")
                lastBytes = record.bytesRead
            }
            #expect(records == expected, "case \(index)")
        }
    }

    @Test func sortsInPlace() {
        var state: UInt64 = 42
        var keys = (0..<5_000).map { ordinal -> RecordOrder.Key in
            state = state &* 6364136223846793005 &+ 1
            return RecordOrder.Key(high: state >> 60, low: UInt32(truncatingIfNeeded: state >> 40) & 3, ordinal: UInt32(ordinal))
        }
        keys.withUnsafeMutableBufferPointer { RecordOrder.sort($0) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
        #expect(Set(keys.map(\.ordinal)).count == 5_000)
    }

    /// The exact order holds every record the reader finds, on its line, by the whole normalised value
    /// (full-width letters as ASCII), empty values last, equal values by line.
    @Test func theExactOrderIsByTheWholeNormalisedValueWithEmptyOnesLast() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("record-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, text) in (Self.files + ["no,name\n,empty first\nＭ2,full width\nM10,a\nM2,b\n\"\",quoted empty\nM100000000000002,c\nM100000000000001,d\n"]).enumerated() {
            let path = folder.appendingPathComponent("\(index).csv").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let order = try #require(try RecordOrder.exact(path: path, displayName: "t.csv", column: 0, encoding: .utf8, firstInvalidUTF8: nil))
            let reader = try CSVReader(path: path, displayName: "t.csv", encoding: .utf8, order: order)
            var records: [String] = []
            var keys: [(value: String, line: Int)] = []
            try reader.forEachRecord { records.append("\($0.line): \($0.strings)"); keys.append((FieldNormalizer.normalize($0.string(0)), $0.line)) }
            #expect(records.sorted() == (try Self.inFileOrder(path)).sorted(), "file \(index)")
            #expect(zip(keys, keys.dropFirst()).allSatisfy { a, b in
                if a.value.isEmpty || b.value.isEmpty { return b.value.isEmpty && (!a.value.isEmpty || a.line < b.line) }
                return Array(a.value.utf8).lexicographicallyPrecedes(Array(b.value.utf8)) || (a.value == b.value && a.line < b.line)
            }, "file \(index): \(keys)")
        }
    }

    /// A pipe (`<(iconv …)`, a named pipe) is refused at once, not waited on or read in part.
    @Test func aPipeIsRefusedAtOnce() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pipe-\(UUID().uuidString).csv").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let error = #expect(throws: InputError.self) { _ = try CSVReader(path: path, displayName: "pipe.csv", encoding: .utf8) }
        #expect(error?.message(.en) == "pipe.csv: is not a plain file (a pipe, or a device?); save it as a file first and import that")
    }

    /// A file written to while it is read (a roster still being saved) is refused with one message,
    /// whether read as it is or in an order found before it changed; no crash, no half-read import.
    @Test func aFileThatChangesWhileItIsReadIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("record-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("roster.csv").path
        let shuffled = "no,name\n" + (1...40).map { "M\(($0 * 17) % 41),x\n" }.joined()
        try shuffled.write(toFile: path, atomically: false, encoding: .utf8)
        let order = try #require(RecordOrder.of(path: path, column: 0))
        // More records than the order knows, at other offsets.
        try ("no,name\n" + (1...80).map { "N\(($0 * 13) % 83),y\n" }.joined()).write(toFile: path, atomically: false, encoding: .utf8)
        let inOrder = try CSVReader(path: path, displayName: "roster.csv", encoding: .utf8, order: order)
        let refused = #expect(throws: InputError.self) { try inOrder.forEachRecord { _ in } }
        #expect(refused?.message(.en) == RawFile.changed("roster.csv").message(.en))

        try shuffled.write(toFile: path, atomically: false, encoding: .utf8)
        let asItIs = try CSVReader(path: path, displayName: "roster.csv", encoding: .utf8)
        _ = try asItIs.nextRecord()
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("M99,z\n".utf8))
        try handle.close()
        let appended = #expect(throws: InputError.self) { try asItIs.forEachRecord { _ in } }
        #expect(appended?.message(.zh).contains("读取期间文件发生了变化") == true)
    }
}
