import RegistrarModel
/// A streaming RFC 4180 reader over a file's bytes: memory stays flat however long the file is.
///
/// - Quoted fields may hold commas, doubled quotes and line breaks; LF, CRLF and a lone CR end lines;
///   the last line may lack a line break; a UTF-8 BOM is skipped; GB18030 is transcoded first.
/// - Lenient where spreadsheets are: a quote inside an unquoted field is kept as text, and text
///   after a closing quote is kept too (`"ab"c` reads `abc`). A line with no bytes at all is skipped.
/// - An unterminated quoted field is an error naming the line where it began.
/// - A record over the limits below is skipped without being held, and handed on with only its line
///   and `oversize` set, so the importer rejects that one row and memory stays flat whatever the file.
public final class CSVReader {
    /// No roster value comes near these; a file past them is damaged or hostile.
    public static let maxFieldBytes = 32 * 1024
    public static let maxFields = 1_000
    public static let maxRecordBytes = 1024 * 1024

    private let source: UTF8Source
    let displayName: String
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1
    private var record = CSVRecord()
    /// The file's own line of each record, when they are read in another order (`RecordOrder`).
    private let order: RecordOrder?
    private var ordinal = 0
    /// How the file was opened, for `forEachRecord(orderedBy:)`; nil for a reader of records in an order.
    let origin: (path: String, encoding: TextEncoding, firstInvalidUTF8: (offset: Int, line: Int)?)?

    /// - Parameter firstInvalidUTF8: from the file's survey when GB18030 was detected, not chosen, so a
    ///   damaged UTF-8 file is reported where it is damaged.
    public init(path: String, displayName: String, encoding: TextEncoding,
                firstInvalidUTF8: (offset: Int, line: Int)? = nil) throws {
        source = try UTF8Source(path: path, displayName: displayName, encoding: encoding, firstInvalidUTF8: firstInvalidUTF8)
        self.displayName = displayName
        order = nil
        origin = (path, encoding, firstInvalidUTF8)
        buffer.reserveCapacity(RawFile.chunkSize * 2)
    }

    /// A reader of UTF-8 that checks, as it reads, that the file is UTF-8 (no survey went before it):
    /// reading throws `NotUTF8` at the first byte that is not.
    package init(validatingUTF8Of path: String, displayName: String) throws {
        source = try UTF8Source(path: path, displayName: displayName, encoding: .utf8, validating: true)
        self.displayName = displayName
        order = nil
        origin = (path, .utf8, nil)
        buffer.reserveCapacity(RawFile.chunkSize * 2)
    }

    /// A reader of a file's records after its header in `order` (UTF-8 checked as it is read); each
    /// record carries its line in the file.
    init(path: String, displayName: String, encoding: TextEncoding, order: RecordOrder) throws {
        source = try UTF8Source(path: path, displayName: displayName, encoding: encoding, validating: true, order: order)
        self.displayName = displayName
        self.order = order
        origin = nil
        record.inFileOrder = false
        buffer.reserveCapacity(RawFile.chunkSize * 2)
    }

    /// The file as it must still be when its end is read.
    package var sourceVersion: RawFile.Version { source.version }

    /// The line of the next record read in `order`; a record more than the order holds means the file
    /// has changed since its order was found.
    private func nextOrderedLine(_ order: RecordOrder) throws -> Int {
        guard ordinal < order.count else { throw RawFile.changed(displayName) }
        defer { ordinal += 1 }
        return order.line(ofRecord: Int(order.sequence[ordinal]))
    }

    /// The size of the file being read, in bytes, for a progress display.
    package var fileSize: Int { source.fileSize }

    /// The next record's fields (the header line, first), or nil at the end of the file; a later
    /// `forEachRecord` goes on from the record after it.
    public func nextRecord() throws -> [String]? {
        struct Found: Error { let fields: [String] }
        do {
            try forEachRecord { record in
                if record.oversize != nil {
                    throw InputError(file: displayName, line: record.line, problem: Text(
                        en: "the header line is longer than registrar reads (\(CSVReader.maxFields) columns, \(CSVReader.maxFieldBytes / 1024) KiB a column); is this the roster file?",
                        zh: "表头行超出可读取的长度（最多 \(CSVReader.maxFields) 列、每列 \(CSVReader.maxFieldBytes / 1024) KiB）；这是名册文件吗？"))
                }
                throw Found(fields: record.strings)
            }
        } catch let found as Found {
            return found.fields
        }
        return nil
    }

    /// Calls `body` with each record in order; the record is only valid during the call.
    public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        do {
            try readRecords(body)
        } catch let error where error is InputError || error is NotUTF8 {
            // What looks like damage in a file being written meanwhile is that it changed.
            if source.hasChanged { throw RawFile.changed(displayName) }
            throw error
        }
    }

    private func readRecords(_ body: (CSVRecord) throws -> Void) throws {
        while true {
            let outcome = try parse()
            switch outcome {
            case .needMore:
                if position > 0 {
                    buffer.removeSubrange(0..<position)
                    position = 0
                }
                if try !source.next(into: &buffer) { atEnd = true }
            case .end:
                return
            case .record(let next, let lines, let blank):
                position = next
                record.line = line
                if !blank, let order { record.line = try nextOrderedLine(order) }
                // The bytes up to this record's end, not the chunk read ahead of it (exact for UTF-8).
                record.bytesRead = max(0, source.bytesRead - (buffer.count - next))
                line += lines
                if !blank { try body(record) }
            case .oversized(let why):
                let lines = try skipRecord()
                record.reset()
                record.oversize = why
                record.line = line
                if let order { record.line = try nextOrderedLine(order) }
                record.bytesRead = source.bytesRead
                line += lines
                try body(record)
            }
        }
    }

    private enum Outcome {
        case needMore
        case end
        case record(next: Int, lines: Int, blank: Bool)
        /// The record starting at `position` is over a limit: `skipRecord` passes over it.
        case oversized(CSVRecord.Oversize)
    }

    /// Consumes the record at `position` without keeping it, reading on as far as it goes; returns
    /// the lines it took, counted as `parse` counts them (line feeds inside quotes, and its end).
    private func skipRecord() throws -> Int {
        var quoted = false
        var lines = 0
        while true {
            var i = position
            let n = buffer.count
            while i < n {
                let byte = buffer[i]
                i += 1
                if byte == CSVReader.quote {
                    quoted.toggle()
                } else if byte == CSVReader.lf {
                    lines += 1
                    if !quoted {
                        position = i
                        return lines
                    }
                } else if byte == CSVReader.cr, !quoted {
                    if i >= n && !atEnd {
                        i -= 1
                        break
                    }
                    if i < n, buffer[i] == CSVReader.lf { i += 1 }
                    position = i
                    return lines + 1
                }
            }
            buffer.removeSubrange(0..<i)
            position = 0
            if atEnd { return lines }
            if try !source.next(into: &buffer) { atEnd = true }
        }
    }

    /// Which limit the record being parsed is over, if any: its field in progress (or last ended),
    /// its number of fields, or its length from `start` to `end`.
    private static func overLimits(_ record: CSVRecord, start: Int, end: Int) -> Outcome? {
        let fieldStart = record.ends.count > 1 ? record.ends[record.ends.count - 2] : 0
        let lastEnded = record.ends.last ?? 0
        if record.bytes.count - lastEnded > maxFieldBytes { return .oversized(.field(record.ends.count)) }
        if lastEnded - fieldStart > maxFieldBytes { return .oversized(.field(record.ends.count - 1)) }
        if record.ends.count > maxFields { return .oversized(.fields) }
        if end - start > maxRecordBytes { return .oversized(.record) }
        return nil
    }

    private static let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

    private func parse() throws -> Outcome {
        let start = position
        let atEnd = atEnd
        let line = line
        let name = displayName
        // The record is worked on as a local: appending to a class's stored property costs a dynamic
        // exclusivity check each time, some thirty a row.
        var record = CSVRecord.empty
        swap(&record, &self.record)
        defer { swap(&record, &self.record) }
        return try buffer.withUnsafeBufferPointer { p -> Outcome in
            let n = p.count
            if start >= n { return atEnd ? .end : .needMore }
            record.reset()
            var i = start
            var lines = 0
            while true {
                // One field, starting at i.
                if i < n, p[i] == CSVReader.quote {
                    i += 1
                    while true {
                        var j = i
                        while j < n, p[j] != CSVReader.quote {
                            if p[j] == CSVReader.lf { lines += 1 }
                            j += 1
                        }
                        record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<j]))
                        if j >= n {
                            if atEnd {
                                throw InputError(file: name, line: line, problem: Text(
                                    en: "a quoted field that begins on this line never ends; add the closing quote (\")",
                                    zh: "本行开始的带引号字段没有结束；请补上右引号（\"）"))
                            }
                            return CSVReader.overLimits(record, start: start, end: n) ?? .needMore
                        }
                        if j + 1 >= n && !atEnd { return CSVReader.overLimits(record, start: start, end: n) ?? .needMore }
                        if j + 1 < n, p[j + 1] == CSVReader.quote {
                            record.bytes.append(CSVReader.quote)
                            i = j + 2
                            continue
                        }
                        i = j + 1
                        break
                    }
                }
                var j = i
                while j < n {
                    let byte = p[j]
                    if byte == CSVReader.comma || byte == CSVReader.lf || byte == CSVReader.cr { break }
                    j += 1
                }
                record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<j]))
                i = j
                if i >= n {
                    if !atEnd { return CSVReader.overLimits(record, start: start, end: n) ?? .needMore }
                    record.endField()
                    if let over = CSVReader.overLimits(record, start: start, end: n) { return over }
                    return .record(next: n, lines: lines, blank: false)
                }
                record.endField()
                if let over = CSVReader.overLimits(record, start: start, end: i) { return over }
                let byte = p[i]
                if byte == CSVReader.comma {
                    i += 1
                    continue
                }
                if byte == CSVReader.cr {
                    if i + 1 >= n && !atEnd { return .needMore }
                    i += (i + 1 < n && p[i + 1] == CSVReader.lf) ? 2 : 1
                } else {
                    i += 1
                }
                lines += 1
                let blank = record.ends.count == 1 && record.bytes.isEmpty && i - start <= 2
                return .record(next: i, lines: lines, blank: blank)
            }
        }
    }
}
