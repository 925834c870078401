import RegistrarModel
/// One CSV record: its fields' bytes (quotes already undone), valid during the reader's callback.
public struct CSVRecord {
    /// The physical line (1-based) on which the record starts.
    public internal(set) var line = 0
    /// Bytes of the file read so far, for a progress display.
    public internal(set) var bytesRead = 0
    package var bytes: [UInt8] = []
    package var ends: [Int] = []
    /// Set when the record was over `CSVReader`'s limits: its fields were not kept, only where it was.
    public internal(set) var oversize: Oversize?
    /// False when the record was read out of the file's order (`CSVReader.forEachRecord(orderedBy:)`).
    public internal(set) var inFileOrder = true

    /// Why a record's fields were not kept.
    public enum Oversize: Sendable, Equatable {
        /// The field at this index (0-based) is longer than `CSVReader.maxFieldBytes`.
        case field(Int)
        /// More fields than `CSVReader.maxFields`.
        case fields
        /// The whole record is longer than `CSVReader.maxRecordBytes`.
        case record
    }

    package init() {
        bytes.reserveCapacity(4096)
        ends.reserveCapacity(64)
    }

    private init(unallocated: Void) {}

    /// A record with no storage, to swap with a reader's own.
    package static var empty: CSVRecord { CSVRecord(unallocated: ()) }

    /// A copy with storage of its own, sized to fit, that outlives the reader's callback (a plain copy
    /// would share the reader's buffers, and the reader's next record would then copy them instead).
    package func detached() -> CSVRecord {
        var copy = CSVRecord(unallocated: ())
        copy.line = line
        copy.bytesRead = bytesRead
        copy.bytes = bytes.withUnsafeBufferPointer { Array($0) }
        copy.ends = ends.withUnsafeBufferPointer { Array($0) }
        copy.oversize = oversize
        copy.inFileOrder = inFileOrder
        return copy
    }

    public var count: Int { ends.count }

    package mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        oversize = nil
    }

    package mutating func endField() { ends.append(bytes.count) }

    private func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// The field's bytes; an index past the end reads as an empty field.
    public func withField<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        guard index < ends.count else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        let range = range(index)
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    public func string(_ index: Int) -> String {
        guard index < ends.count else { return "" }
        return String(decoding: bytes[range(index)], as: UTF8.self)
    }

    public var strings: [String] { (0..<count).map(string) }
}
