import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RegistrarModel

/// A file's text as UTF-8 bytes, chunk by chunk, transcoding GB18030 on the way with iconv.
package final class UTF8Source {
    private let file: RawFile
    /// Set when the records are read in an order other than the file's.
    private let ordered: OrderedRecords?
    private let encoding: TextEncoding
    private var converter: iconv_t?
    private var raw = [UInt8](repeating: 0, count: RawFile.chunkSize)
    private var carried: [UInt8] = []
    private var atStart = true
    /// Bytes of the file read so far, for a progress display.
    private(set) var bytesRead = 0
    private var linesBeforeCarry = 1
    /// Where the file stopped being UTF-8, when GB18030 was a guess: if GB18030 breaks earlier than
    /// that, the file is UTF-8 damaged there, and that is the place to name.
    private let firstInvalidUTF8: (offset: Int, line: Int)?
    /// Checks UTF-8 as it is read, for a file no survey has checked.
    private var validator: UTF8Validator?
    /// The file as it must still be when its end is reached: as it was opened, or, for records read
    /// in an order, as it was when the order was found.
    package let version: RawFile.Version

    /// - Parameter validating: check that UTF-8 text is UTF-8 while reading it, throwing `NotUTF8`
    ///   at the first byte that is not; without it the caller has surveyed the file already.
    package init(path: String, displayName: String, encoding: TextEncoding, firstInvalidUTF8: (offset: Int, line: Int)? = nil,
         validating: Bool = false, order: RecordOrder? = nil) throws {
        let file = try RawFile(path: path, displayName: displayName)
        self.file = file
        ordered = order.map { OrderedRecords(file: file, order: $0) }
        version = order?.version ?? file.opened
        atStart = order == nil
        self.encoding = encoding
        self.firstInvalidUTF8 = firstInvalidUTF8
        if validating && encoding == .utf8 { validator = UTF8Validator() }
        if encoding == .gb18030 {
            let handle = iconv_open("UTF-8", "GB18030")
            guard let handle, Int(bitPattern: handle) != -1 else {
                throw InputError(file: displayName, problem: Text(
                    en: "this system cannot convert GB18030 (iconv has no GB18030); convert the file to UTF-8 first",
                    zh: "本系统无法转换 GB18030（iconv 不支持）；请先把文件转为 UTF-8"))
            }
            converter = handle
        }
    }

    deinit {
        if let converter { iconv_close(converter) }
    }

    /// Whether the file is no longer as it was in `version`.
    package var hasChanged: Bool { (try? file.refuseIfChanged(since: version)) == nil }

    /// The size of the file, in bytes.
    package var fileSize: Int { file.size }

    /// Appends the next chunk of UTF-8 text to `output`; false at the end of the file.
    package func next(into output: inout [UInt8]) throws -> Bool {
        let count = try ordered?.read(into: &raw) ?? file.read(into: &raw)
        bytesRead += count
        if count == 0 {
            try file.refuseIfChanged(since: version)
            if !carried.isEmpty { throw invalid(offset: bytesRead - carried.count, line: linesBeforeCarry) }
            if let pending = validator?.pending, pending > 0 { throw NotUTF8(offset: bytesRead - pending) }
            return false
        }
        if let bad = raw.withUnsafeBytes({ validator?.feed(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }) ?? nil {
            throw NotUTF8(offset: bytesRead - count + bad)
        }
        var start = 0
        if atStart {
            atStart = false
            if count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF { start = 3 }
            if encoding == .gb18030, count >= 4, raw[0] == 0x84, raw[1] == 0x31, raw[2] == 0x95, raw[3] == 0x33 { start = 4 }
        }
        switch encoding {
        case .utf8:
            output.append(contentsOf: raw[start..<count])
        case .gb18030:
            // The transcoded bytes begin after the carried ones and any byte-order mark: offsets count from there.
            try transcode(Array(carried) + raw[start..<count], into: &output, chunkStart: bytesRead - count - carried.count + start)
        }
        return true
    }

    private func transcode(_ input: [UInt8], into output: inout [UInt8], chunkStart: Int) throws {
        var input = input
        let startCount = output.count
        output.reserveCapacity(startCount + input.count * 3 / 2 + 16)
        var outBuffer = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var consumed = 0
        var produced = 0
        let result: (code: Int, error: Int32) = input.withUnsafeMutableBytes { inBytes in
            outBuffer.withUnsafeMutableBytes { outBytes in
                var inPointer: UnsafeMutablePointer<CChar>? = inBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBytes.count
                var outPointer: UnsafeMutablePointer<CChar>? = outBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBytes.count
                let code = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                consumed = inBytes.count - inLeft
                produced = outBytes.count - outLeft
                return (code, code == -1 ? errno : 0)
            }
        }
        output.append(contentsOf: outBuffer[0..<produced])
        let lines = input.withUnsafeBytes { RawFile.newlines(in: UnsafeRawBufferPointer(rebasing: $0[0..<consumed])) }
        if result.code == -1 {
            if result.error == EINVAL {
                // A multibyte character split across the chunk boundary: finish it with the next chunk.
                carried = Array(input[consumed...])
                linesBeforeCarry += lines
                return
            }
            throw invalid(offset: chunkStart + consumed, line: linesBeforeCarry + lines)
        }
        carried = []
        linesBeforeCarry += lines
    }

    private func invalid(offset: Int, line: Int) -> InputError {
        if let (utf8Offset, utf8Line) = firstInvalidUTF8, utf8Line > line {
            return InputError(file: file.displayName, line: utf8Line, problem: Text(
                en: "byte \(utf8Offset) is valid in neither UTF-8 nor GB18030 (the file is UTF-8 up to there); the file may be damaged; fix that byte or save the file again as UTF-8",
                zh: "第 \(utf8Offset) 字节既不是 UTF-8 也不是 GB18030（此前的内容是 UTF-8）；文件可能已损坏；请修正该字节或重新另存为 UTF-8"))
        }
        return InputError(file: file.displayName, line: line, problem: Text(
            en: "byte \(offset) is valid in neither UTF-8 nor GB18030; the file may be damaged or in another encoding; save it again as UTF-8 or GB18030 (CSV)",
            zh: "第 \(offset) 字节既不是 UTF-8 也不是 GB18030；文件可能已损坏或使用了其他编码；请重新另存为 UTF-8 或 GB18030 的 CSV"))
    }
}

/// The first byte of a file read as UTF-8 that is not UTF-8, found while reading it.
package struct NotUTF8: Error {
    package var offset: Int
}
