import RegistrarModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The records of a CSV file (UTF-8 or GB18030, whose bytes for quotes, commas and line breaks are
/// ASCII's) in the order of one column's bytes (SQLite's BINARY order), with
/// the file's own line of each: a roster exported by name or by branch is then read in member-number
/// order, as the merge walks the registry, without holding its rows.
///
/// Found in one pass over the file's bytes that follows `CSVReader`'s grammar exactly (quotes open a
/// field only at its start, `""` inside quotes, LF, CRLF and a lone CR, blank lines), keeping 8 bytes a
/// record once the order is known (12 when some record spans lines; 24 while sorting).
/// `CSVReader(path:displayName:encoding:order:)` then reads the records in that order, each record's
/// bytes as they are in the file.
///
/// The order is by the column's first 12 bytes, then by line: it only has to put the rows near the
/// order the registry walks them in, since the merge decides each row by its keys whatever the order.
/// A second row for the same key comes after the first, as in the file.
package struct RecordOrder {
    /// Where each record (after the header) starts, in file order, and the file's size after them.
    private let offsets: [UInt32]
    /// Each record's line, in file order; nil when record k is on line `firstLine + k`.
    private let lines: [UInt32]?
    private let firstLine: Int
    /// Record numbers (into `offsets`) in the column's order.
    package let sequence: [UInt32]
    /// The file as it was when its order was found; read in that order, it must still be so.
    package var version = RawFile.Version()

    package var count: Int { sequence.count }
    /// The records whose places it holds (`count`, unless made by a scanner that kept no keys).
    package var recordCount: Int { offsets.count - 1 }
    /// Where the first record in the order's part of the file starts.
    package var start: Int { Int(offsets[0]) }

    /// The line on which record `ordinal` (in file order) starts.
    package func line(ofRecord ordinal: Int) -> Int {
        lines.map { Int($0[ordinal]) } ?? firstLine + ordinal
    }

    /// The byte range of record `ordinal` (in file order), up to the next record.
    package func range(ofRecord ordinal: Int) -> Range<Int> {
        Int(offsets[ordinal])..<Int(offsets[ordinal + 1])
    }

    /// Records longer than this are left to the reader in file order (it rejects the oversized).
    package static let longestRecord = CSVReader.maxFieldBytes
    /// A record with the blank lines after it, which are read with it.
    package static let longestSpan = 2 * CSVReader.maxFieldBytes

    /// The order by field `column` of the records after the header, from record `first` on (the
    /// records before it are only passed over), or nil when they are best read as they are: already
    /// in that order (or one record), not readable in pieces (a quote never closed, a record over
    /// `longestRecord`, a file over 4 GiB), or not there to be read.
    package static func of(path: String, column: Int, from first: Int = 0) -> RecordOrder? {
        scan(path: path, displayName: path, column: column, skip: first)
    }

    /// One `Scanner` pass over the file; nil when it cannot be read in pieces (or, unless `places`,
    /// is in order already). With `places`, the records' places in file order, with no keys kept.
    private static func scan(path: String, displayName: String, column: Int, skip: Int = 0, places: Bool = false) -> RecordOrder? {
        guard let file = try? RawFile(path: path, displayName: displayName), file.size < Int(UInt32.max) else { return nil }
        var scanner = Scanner(column: column, fileSize: file.size, skip: skip)
        scanner.keepsKeys = !places
        guard (try? file.forEachChunk({ scanner.feed($0) })) == true, var order = scanner.finish(evenInOrder: places) else { return nil }
        order.version = file.opened
        return order
    }

    package init(offsets: [UInt32], lines: [UInt32]?, firstLine: Int, sequence: [UInt32]) {
        self.offsets = offsets
        self.lines = lines
        self.firstLine = firstLine
        self.sequence = sequence
    }

    /// One record's sort key: the column's first 12 bytes, big-endian, zero-padded, and its number.
    package struct Key {
        package var high: UInt64
        package var low: UInt32
        package var ordinal: UInt32

        package static func < (a: Key, b: Key) -> Bool {
            if a.high != b.high { return a.high < b.high }
            if a.low != b.low { return a.low < b.low }
            return a.ordinal < b.ordinal
        }
    }

    /// `CSVReader`'s record grammar, one byte at a time across chunks.
    package struct Scanner {
        package enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
        package let column: Int
        package var state = State.fieldStart
        package var offset = 0
        package var line = 1
        /// Set after a CR that ended a record: an LF next belongs to it.
        package var afterCR = false
        package var recordStart = 0
        package var recordLines = 0
        package var field = 0
        package var keyHigh: UInt64 = 0
        package var keyLow: UInt32 = 0
        package var keyLength = 0
        /// Whether the record has any byte before its end (a record with none is a blank line).
        package var recordHasBytes = false
        package var headerSeen = false
        package var sorted = true
        package var failed = false
        package var offsets: [UInt32] = []
        /// Kept only once a record is not on the line after the one before (a quoted line break, a blank line).
        package var lines: [UInt32]?
        package var firstLine = 0
        package var keys: [Key] = []
        /// False for the places of the records only (`RecordOrder.exact` orders them itself).
        package var keepsKeys = true
        package let fileSize: Int
        /// Records after the header that are passed over, not ordered.
        package let skip: Int
        package var passed = 0

        package init(column: Int, fileSize: Int, skip: Int = 0) {
            self.column = column
            self.fileSize = fileSize
            self.skip = skip
        }

        package mutating func feed(_ bytes: UnsafeRawBufferPointer) -> Bool {
            var i = 0
            let n = bytes.count
            while i < n {
                // Inside a field other than the key, only the bytes that can end it matter: skipped to
                // in a tight loop (most of a roster's bytes), as `step` would pass over them one by one.
                if field != column, state == .unquoted || state == .quoted {
                    var j = i
                    if state == .unquoted {
                        while j < n, bytes[j] != 0x2C, bytes[j] != 0x0A, bytes[j] != 0x0D { j += 1 }
                    } else {
                        while j < n, bytes[j] != 0x22 {
                            if bytes[j] == 0x0A { recordLines += 1 }
                            j += 1
                        }
                    }
                    offset += j - i
                    i = j
                    if offset - recordStart > RecordOrder.longestRecord { failed = true }
                    if i == n { break }
                }
                step(bytes[i])
                offset += 1
                i += 1
            }
            return !failed
        }

        private mutating func keep(_ byte: UInt8) {
            recordHasBytes = true
            guard field == column, keyLength < 12 else { return }
            if byte == 0x20 || byte == 0x09, keyLength == 0 { return } // leading spaces, as trimming drops them
            if keyLength < 8 {
                keyHigh |= UInt64(byte) << (56 - 8 * keyLength)
            } else {
                keyLow |= UInt32(byte) << (24 - 8 * (keyLength - 8))
            }
            keyLength += 1
        }

        private mutating func step(_ byte: UInt8) {
            if afterCR {
                afterCR = false
                if byte == 0x0A { // the LF of a CRLF: the record before has ended already
                    recordStart = offset + 1
                    return
                }
            }
            switch state {
            case .fieldStart:
                if byte == 0x22 { recordHasBytes = true; state = .quoted; return }
                fallthrough
            case .unquoted:
                switch byte {
                case 0x2C:
                    recordHasBytes = true
                    field += 1
                    state = .fieldStart
                    if field >= CSVReader.maxFields { failed = true } // the reader skips such a record its own way
                case 0x0A: endRecord(next: offset + 1)
                case 0x0D: endRecord(next: offset + 1); afterCR = true
                default: keep(byte); state = .unquoted
                }
            case .quoted:
                if byte == 0x22 { state = .quoteInQuoted; return }
                if byte == 0x0A { recordLines += 1 }
                keep(byte)
            case .quoteInQuoted:
                if byte == 0x22 { keep(byte); state = .quoted; return }
                state = .unquoted
                step(byte)
                return
            }
            if offset - recordStart > RecordOrder.longestRecord { failed = true }
        }

        private mutating func endRecord(next: Int) {
            let lines = recordLines + 1
            defer {
                line += lines
                recordStart = next
                recordLines = 0
                field = 0
                keyHigh = 0
                keyLow = 0
                keyLength = 0
                recordHasBytes = false
                state = .fieldStart
            }
            guard recordHasBytes else { return } // a blank line: part of the record before
            record()
        }

        private mutating func record() {
            guard headerSeen else { headerSeen = true; return }
            guard passed == skip else { passed += 1; return }
            guard offsets.count < Int(UInt32.max) - 1 else { failed = true; return }
            // A record and the blank lines after it are read in one piece, which must fit a read.
            if let last = offsets.last, recordStart - Int(last) > RecordOrder.longestSpan { failed = true }
            let ordinal = UInt32(offsets.count)
            if offsets.isEmpty { firstLine = line }
            if lines == nil, line != firstLine + offsets.count {
                lines = (0..<offsets.count).map { UInt32(clamping: firstLine + $0) }
            }
            lines?.append(UInt32(clamping: line))
            if offsets.count == 1024 {
                // Room for the whole file at the first rows' length, so the arrays are not copied as
                // they grow (doubling them held both copies at once: 24 MB more at a million rows).
                let estimate = (fileSize - Int(offsets[0])) / max(1, (recordStart - Int(offsets[0])) / 1024) * 21 / 20 + 1024
                if keepsKeys { keys.reserveCapacity(estimate) }
                offsets.reserveCapacity(estimate + 1)
            }
            offsets.append(UInt32(recordStart))
            guard keepsKeys else { return }
            // Member numbers are trimmed: a key ends before trailing spaces.
            var high = keyHigh, low = keyLow
            if keyLength > 0 { trimTrailingSpaces(&high, &low) }
            let key = Key(high: high, low: low, ordinal: ordinal)
            if let last = keys.last, key < last { sorted = false }
            keys.append(key)
        }

        private mutating func trimTrailingSpaces(_ high: inout UInt64, _ low: inout UInt32) {
            var length = keyLength
            func byte(_ index: Int) -> UInt8 {
                index < 8 ? UInt8(truncatingIfNeeded: high >> (56 - 8 * index)) : UInt8(truncatingIfNeeded: low >> (24 - 8 * (index - 8)))
            }
            while length > 0, byte(length - 1) == 0x20 || byte(length - 1) == 0x09 {
                length -= 1
                if length < 8 { high &= ~(UInt64(0xFF) << (56 - 8 * length)) } else { low &= ~(UInt32(0xFF) << (24 - 8 * (length - 8))) }
            }
        }

        /// The order found, or nil when the file is best read as it is (or, `evenInOrder`, only when
        /// it cannot be read in pieces).
        package mutating func finish(evenInOrder: Bool = false) -> RecordOrder? {
            if failed || state == .quoted { return nil }
            if offset > recordStart, recordHasBytes || state != .fieldStart {
                // The last record has no line break; the reader counts it as a record all the same.
                endRecord(next: offset)
            }
            if let last = offsets.last, offset - Int(last) > RecordOrder.longestSpan { failed = true }
            guard !failed, !offsets.isEmpty, evenInOrder || (keys.count > 1 && !sorted) else { return nil }
            offsets.append(UInt32(offset))
            keys.withUnsafeMutableBufferPointer { RecordOrder.sort($0) }
            var sequence = [UInt32]()
            sequence.reserveCapacity(keys.count)
            for key in keys { sequence.append(key.ordinal) }
            keys = []
            let kept = lines
            lines = nil
            return RecordOrder(offsets: offsets, lines: kept, firstLine: firstLine, sequence: sequence)
        }
    }

    /// An in-place sort (no buffer of half the array, as the standard library's takes): quicksort
    /// on a pseudo-random pivot, insertion sort for short runs.
    package static func sort(_ keys: UnsafeMutableBufferPointer<Key>) {
        var random = UInt64(0x9E37_79B9_7F4A_7C15)
        func next() -> UInt64 {
            random ^= random << 13; random ^= random >> 7; random ^= random << 17
            return random
        }
        func quicksort(_ low: Int, _ high: Int) {
            var low = low, high = high
            while high - low > 16 {
                let pivot = keys[low + Int(next() % UInt64(high - low + 1))]
                var i = low, j = high
                while i <= j {
                    while keys[i] < pivot { i += 1 }
                    while pivot < keys[j] { j -= 1 }
                    if i <= j { keys.swapAt(i, j); i += 1; j -= 1 }
                }
                // Recurse into the smaller side, loop on the larger: the stack stays logarithmic.
                if j - low < high - i {
                    quicksort(low, j)
                    low = i
                } else {
                    quicksort(i, high)
                    high = j
                }
            }
            if high > low {
                for k in (low + 1)...high {
                    let item = keys[k]
                    var m = k - 1
                    while m >= low, item < keys[m] { keys[m + 1] = keys[m]; m -= 1 }
                    keys[m + 1] = item
                }
            }
        }
        if keys.count > 1 { quicksort(0, keys.count - 1) }
    }
}

/// A file's records read in a `RecordOrder`, for `UTF8Source`: each read fills the buffer with whole
/// records, their bytes as they are in the file (runs of records that follow each other in the file
/// in one read).
///
/// One `pread` a record, not a mapping of the file: mapped, a shuffled million-row re-import took
/// 2.26 s against 2.88 s (minimum of 6, alternated), but every page of the file it touched counted in
/// its resident size (219 MB against 62 MB), and dropping pages to stay within 64 MiB would fault on
/// nearly every record; a file cut short while mapped would also end the process with SIGBUS.
package final class OrderedRecords {
    private let file: RawFile
    package let order: RecordOrder
    private var next = 0

    package init(file: RawFile, order: RecordOrder) {
        self.file = file
        self.order = order
    }

    /// Fills `buffer` from its start; returns the number of bytes, 0 after the last record.
    package func read(into buffer: inout [UInt8]) throws -> Int {
        var filled = 0
        let capacity = buffer.count
        while next < order.count {
            let first = Int(order.sequence[next])
            var range = order.range(ofRecord: first)
            guard range.count <= capacity - filled - 1 else { break }
            var last = first
            // The records that follow in the file, while they fit: a sorted stretch is one read.
            while next + 1 < order.count, Int(order.sequence[next + 1]) == last + 1 {
                let following = order.range(ofRecord: last + 1)
                guard following.upperBound - range.lowerBound <= capacity - filled - 1 else { break }
                range = range.lowerBound..<following.upperBound
                last += 1
                next += 1
            }
            next += 1
            try buffer.withUnsafeMutableBytes { bytes in
                guard let base = bytes.baseAddress else { return } // never empty: it holds the record
                var done = 0
                while done < range.count {
                    let count = pread(file.descriptor, base + filled + done, range.count - done, off_t(range.lowerBound + done))
                    guard count > 0 else {
                        throw InputError(file: file.displayName, problem: Text(
                            en: "read failed (\(count < 0 ? String(cString: strerror(errno)) : "the file became shorter"))",
                            zh: "读取失败（\(count < 0 ? String(cString: strerror(errno)) : "文件变短了")）"))
                    }
                    done += count
                }
            }
            filled += range.count
            // The file's last record may have no line break; here another record may follow it.
            let end = buffer[filled - 1]
            if end != 0x0A && end != 0x0D {
                buffer[filled] = 0x0A
                filled += 1
            }
        }
        return filled
    }
}

extension CSVReader {
    /// Calls `body` with each record after the header in `RecordOrder.exact`'s order (the header is
    /// read already), or in the file's order when the file cannot be read in pieces.
    package func forEachRecord(exactlyOrderedBy column: Int, _ body: (CSVRecord) throws -> Void) throws {
        guard let (path, encoding, firstInvalidUTF8) = origin,
              let order = try RecordOrder.exact(path: path, displayName: displayName, column: column, encoding: encoding,
                                                firstInvalidUTF8: firstInvalidUTF8) else {
            return try forEachRecord(body)
        }
        try forEachRecord(in: order, path: path, encoding: encoding, body)
    }

    /// Reads the records of `order`, found in this reader's file as it still is, each with its line.
    private func forEachRecord(in order: RecordOrder, path: String, encoding: TextEncoding,
                               _ body: (CSVRecord) throws -> Void) throws {
        // The records passed so far were read from the file as it was then.
        guard order.version == sourceVersion else { throw RawFile.changed(displayName) }
        let (start, size) = (order.start, fileSize)
        let records = try CSVReader(path: path, displayName: displayName, encoding: encoding, order: order)
        try records.forEachRecord { record in
            var record = record
            // The order's bytes come after the records read before it (the line break the reader
            // adds to a last record without one is not the file's).
            record.bytesRead = min(size, start + record.bytesRead)
            try body(record)
        }
    }

    /// Calls `body` with each record left, in the order of field `column`'s bytes (SQLite's BINARY
    /// order, the order the merge walks the registry in), each record with its line in the file.
    ///
    /// The records are read as they are in the file while that field rises, so a roster exported by
    /// member number costs nothing more. At the first record whose value comes before the one above
    /// it, the rest of the file, from that record on, is found in one pass (`RecordOrder`) and read in
    /// the field's order, each such record with `inFileOrder` false. When the rest cannot be read in
    /// pieces (or is in order already), it is read on as it is. An empty value is never out of order.
    ///
    /// A GB18030 file is transcoded once through before its rest is read in order: a byte that is not
    /// GB18030 is then reported at its place in the file, as reading it in its own order would.
    package func forEachRecord(orderedBy column: Int, _ body: (CSVRecord) throws -> Void) throws {
        struct OutOfOrder: Error { let order: RecordOrder }
        var previous: [UInt8] = []
        var passed = 0
        var watching = origin != nil
        do {
            try forEachRecord { record in
                if watching, record.oversize == nil {
                    let comesBefore = record.withField(column) { field -> Bool in
                        guard let key = RecordOrder.trimmed(field), !key.isEmpty else { return false }
                        defer { previous.removeAll(keepingCapacity: true); previous.append(contentsOf: key) }
                        return RecordOrder.compare(key, previous) < 0
                    }
                    if comesBefore {
                        watching = false
                        if let origin, let order = RecordOrder.of(path: origin.path, column: column, from: passed) {
                            throw OutOfOrder(order: order)
                        }
                    }
                }
                passed += 1
                try body(record)
            }
        } catch let outOfOrder as OutOfOrder {
            guard let (path, encoding, firstInvalidUTF8) = origin else { return }
            if encoding == .gb18030 {
                let whole = try UTF8Source(path: path, displayName: displayName, encoding: .gb18030, firstInvalidUTF8: firstInvalidUTF8)
                var text: [UInt8] = []
                while try whole.next(into: &text) { text.removeAll(keepingCapacity: true) }
            }
            try forEachRecord(in: outOfOrder.order, path: path, encoding: encoding, body)
        }
    }
}

extension RecordOrder {
    /// The records after the header in the order the merge decides rows in when two of them are one
    /// member (`MemberMerge`): by field `column` as the validator normalises it (NFKC, trimmed) and
    /// SQLite compares it (BINARY), whole; rows with an empty field after all the others; equal
    /// values by line. Nil when the file cannot be read in pieces (as for `of`).
    ///
    /// The normal import orders by the field's first 12 bytes as they are in the file, and reads the
    /// rows before the first that falls as they are: near enough for the walks, and a single pass.
    /// This order is exact, for the import read again when that order met two rows for one member out
    /// of turn; it reads the file twice and keeps every value (about 30 bytes a row).
    package static func exact(path: String, displayName: String, column: Int, encoding: TextEncoding,
                              firstInvalidUTF8: (offset: Int, line: Int)?) throws -> RecordOrder? {
        guard let places = scan(path: path, displayName: displayName, column: column, places: true) else { return nil }
        // Each record's value as the validator makes it, read by the reader itself (quotes, GB18030).
        let reader = try CSVReader(path: path, displayName: displayName, encoding: encoding, firstInvalidUTF8: firstInvalidUTF8)
        _ = try reader.nextRecord()
        var values: [UInt8] = []
        var ends: [UInt32] = []
        ends.reserveCapacity(places.recordCount)
        try reader.forEachRecord { record in
            if record.oversize == nil { record.withField(column) { _ = FieldNormalizer.normalize($0, into: &values) } }
            ends.append(UInt32(clamping: values.count))
            if ends.count == 1024 {
                // Room for every value at the first rows' length: doubling held both copies at once
                // (a million-row roster read again in this order peaked at 75.6 MB, now 72–73 MB).
                values.reserveCapacity(values.count / 1024 * places.recordCount * 21 / 20 + 4096)
            }
        }
        guard ends.count == places.recordCount, reader.sourceVersion == places.version else { throw RawFile.changed(displayName) }
        var sequence = [UInt32](0..<UInt32(ends.count))
        values.withUnsafeBytes { all in
            func value(_ record: UInt32) -> UnsafeRawBufferPointer {
                let index = Int(record)
                return UnsafeRawBufferPointer(rebasing: all[(index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])])
            }
            // Record numbers rise with the lines, so they break ties as the lines would.
            sequence.sort { a, b in
                let (x, y) = (value(a), value(b))
                return exactlyPrecedes(x.isEmpty ? nil : x, line: Int(a), y.isEmpty ? nil : y, line: Int(b))
            }
        }
        var order = RecordOrder(offsets: places.offsets, lines: places.lines, firstLine: places.firstLine, sequence: sequence)
        order.version = places.version
        return order
    }

    /// Whether a record whose normalised value is `a` (nil: empty), on line `aLine`, comes before one
    /// whose value is `b`: the exact order, one rule for `exact` and for the merge's check of it
    /// (`MemberMerge`): by value in SQLite's BINARY order, empty values after all the others, equal
    /// values by line.
    package static func exactlyPrecedes(_ a: UnsafeRawBufferPointer?, line aLine: Int,
                                        _ b: UnsafeRawBufferPointer?, line bLine: Int) -> Bool {
        switch (a, b) {
        case (nil, nil): return aLine < bLine
        case (nil, _?): return false
        case (_?, nil): return true
        case (let a?, let b?):
            let order = compare(a, b)
            return order != 0 ? order < 0 : aLine < bLine
        }
    }

    /// A field's bytes without the spaces and tabs around them, as normalising drops them.
    package static func trimmed(_ field: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        var low = 0, high = field.count
        while low < high, field[low] == 0x20 || field[low] == 0x09 { low += 1 }
        while high > low, field[high - 1] == 0x20 || field[high - 1] == 0x09 { high -= 1 }
        return low == high ? nil : UnsafeRawBufferPointer(rebasing: field[low..<high])
    }

    /// SQLite's BINARY order of two byte strings: bytes, then length.
    package static func compare(_ a: UnsafeRawBufferPointer, _ b: [UInt8]) -> Int {
        b.withUnsafeBytes { compare(a, $0) }
    }

    package static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let common = min(a.count, b.count)
        if common > 0, let x = a.baseAddress, let y = b.baseAddress {
            let order = memcmp(x, y, common)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
    }
}
