import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RegistrarModel

/// The encodings a roster arrives in: UTF-8 (with or without BOM), or GB18030, which covers GBK and
/// GB2312 and is what Excel writes on Chinese Windows.
public enum TextEncoding: String, Sendable {
    case utf8 = "utf-8"
    case gb18030
}

/// What the user asked for with `--encoding`.
public enum EncodingChoice: String, Sendable, CaseIterable {
    case auto
    case utf8 = "utf-8"
    case gb18030
}

/// Whether a file is UTF-8, and if not, where it stops being: read in fixed chunks up to the first
/// byte that is not, so memory does not grow with the file. Small files (a `--map` file) are
/// surveyed before they are read; an import checks UTF-8 while it reads instead (`UTF8Source`),
/// which spares a million-row roster a serial pass, and surveys only its first chunk, or the file
/// once reading has found a byte that is not UTF-8, for that byte's line.
public struct FileSurvey: Sendable {
    /// Byte offset and line of the first byte that is not UTF-8, if any.
    public var firstInvalidUTF8: (offset: Int, line: Int)?

    /// - Parameter limit: read no further than the whole chunks that reach this many bytes; a
    ///   character cut short there is not counted as invalid, as the rest of it may follow.
    public static func of(path: String, displayName: String, limit: Int = .max) throws -> FileSurvey {
        var validator = UTF8Validator()
        var size = 0
        var lines = 1
        var invalid: (offset: Int, line: Int)?
        let readToEnd = try RawFile(path: path, displayName: displayName).forEachChunk { bytes in
            if let bad = validator.feed(bytes) {
                invalid = (size + bad, lines + RawFile.newlines(in: UnsafeRawBufferPointer(rebasing: bytes[0..<max(bad, 0)])))
                return false
            }
            lines += RawFile.newlines(in: bytes)
            size += bytes.count
            return size < limit
        }
        // At the end, a character left unfinished is not UTF-8.
        if invalid == nil, readToEnd, validator.pending > 0 { invalid = (size - validator.pending, lines) }
        return FileSurvey(firstInvalidUTF8: invalid)
    }

    /// The refusal of a file given as UTF-8 that is not.
    package static func notUTF8(offset: Int, line: Int, file: String) -> InputError {
        InputError(file: file, line: line, problem: Text(
            en: "byte \(offset) is not UTF-8; if the file came from Excel on Chinese Windows, use --encoding gb18030 (or auto)",
            zh: "第 \(offset) 字节不是 UTF-8；如果文件来自中文 Windows 的 Excel，请用 --encoding gb18030（或 auto）"))
    }

    /// The encoding to read the file in, or why it cannot be read in the one asked for.
    public func encoding(for choice: EncodingChoice, file: String) throws -> TextEncoding {
        switch choice {
        case .gb18030: return .gb18030
        case .utf8:
            if let (offset, line) = firstInvalidUTF8 { throw FileSurvey.notUTF8(offset: offset, line: line, file: file) }
            return .utf8
        case .auto:
            return firstInvalidUTF8 == nil ? .utf8 : .gb18030
        }
    }
}

/// A file read with plain system calls in fixed chunks.
package final class RawFile {
    package static let chunkSize = 1 << 20
    package let descriptor: Int32
    package let displayName: String

    package init(path: String, displayName: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: displayName, problem: Text(en: "no such file; check the path", zh: "文件不存在；请检查路径"))
        }
        guard !isDirectory.boolValue else {
            throw InputError(file: displayName, problem: Text(en: "is a folder, not a file", zh: "是文件夹，不是文件"))
        }
        // Without blocking, so a pipe is refused below instead of waiting for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw InputError(file: displayName, problem: Text(en: "cannot be read (\(String(cString: strerror(errno))))",
                                                              zh: "无法读取（\(String(cString: strerror(errno)))）"))
        }
        // An import reads its file more than once (the encoding, the digest, the rows, their order),
        // which a pipe or a device cannot give twice.
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw InputError(file: displayName, problem: Text(
                en: "is not a plain file (a pipe, or a device?); save it as a file first and import that",
                zh: "不是普通文件（是管道或设备？）；请先另存为文件再导入"))
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        self.descriptor = descriptor
        self.displayName = displayName
        opened = RawFile.version(of: status)
    }

    deinit { close(descriptor) }

    /// The file as it was when opened: a roster still being written while it is imported is refused,
    /// not imported half old and half new (or, read in member-number order, at offsets that no longer
    /// start its records).
    package let opened: Version

    /// What tells one state of a file from another without reading it.
    package struct Version: Equatable, Sendable {
        var device: UInt64 = 0, inode: UInt64 = 0, size: Int = 0
        // Not the change time: a hard link or a chmod (a backup tool's) changes it, not the rows.
        var modified: Int = 0, modifiedNanoseconds: Int = 0
    }

    private static func version(of descriptor: Int32) -> Version {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return Version() }
        return version(of: status)
    }

    private static func version(of status: stat) -> Version {
        Version(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int(status.st_size),
                modified: Int(status.st_mtim.tv_sec), modifiedNanoseconds: Int(status.st_mtim.tv_nsec))
    }

    /// Throws `changed` unless the file is still as it was in `version`.
    package func refuseIfChanged(since version: Version) throws {
        guard RawFile.version(of: descriptor) == version else { throw RawFile.changed(displayName) }
    }

    package static func changed(_ displayName: String) -> InputError {
        InputError(file: displayName, problem: Text(
            en: "the file changed while it was being read, so nothing was imported; import it again once it is completely saved (or import a copy of it)",
            zh: "读取期间文件发生了变化，因此未导入任何数据；请在文件完全保存后重新导入（或导入它的副本）"))
    }

    /// The file's size in bytes.
    package var size: Int {
        var status = stat()
        return fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
    }

    /// Fills `buffer` from its start; returns the number of bytes read, 0 at the end.
    package func read(into buffer: inout [UInt8]) throws -> Int {
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        guard count >= 0 else {
            throw InputError(file: displayName, problem: Text(en: "read failed (\(String(cString: strerror(errno))))",
                                                              zh: "读取失败（\(String(cString: strerror(errno)))）"))
        }
        return count
    }

    /// Calls `body` with each chunk of the file in turn, from one buffer reused throughout, until it
    /// returns false; true when the whole file was read.
    @discardableResult
    package func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Bool) throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: RawFile.chunkSize)
        while true {
            let count = try read(into: &chunk)
            if count == 0 { return true }
            guard try chunk.withUnsafeBytes({ try body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }) else { return false }
        }
    }

    package static func newlines(in bytes: UnsafeRawBufferPointer) -> Int {
        var count = 0
        for byte in bytes where byte == 0x0A { count += 1 }
        return count
    }
}

/// Validates UTF-8 across chunk boundaries (shortest forms only, no surrogates, at most U+10FFFF).
package struct UTF8Validator {
    private var carry: [UInt8] = []
    /// Bytes of an incomplete sequence held over from the previous chunk.
    package var pending: Int { carry.count }

    /// Returns the offset (in this chunk; negative if in the carried bytes) of the first invalid byte.
    package mutating func feed(_ chunk: UnsafeRawBufferPointer) -> Int? {
        if carry.isEmpty { return scan(chunk, carried: 0) }
        let joined = carry + Array(chunk)
        let carried = carry.count
        carry.removeAll()
        return joined.withUnsafeBytes { scan($0, carried: carried) }
    }

    private mutating func scan(_ bytes: UnsafeRawBufferPointer, carried: Int) -> Int? {
        let n = bytes.count
        var i = 0
        while i < n {
            if i + 8 <= n, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i - carried
            }
            if i + length > n {
                // Possibly completed by the next chunk; check what is here is still plausible.
                for k in 1..<(n - i) {
                    let byte = bytes[i + k]
                    if k == 1 ? !(low...high).contains(byte) : !(0x80...0xBF).contains(byte) { return i - carried }
                }
                carry = Array(bytes[i..<n])
                return nil
            }
            if !(low...high).contains(bytes[i + 1]) { return i - carried }
            for k in 2..<length where !(0x80...0xBF).contains(bytes[i + k]) { return i - carried }
            i += length
        }
        return nil
    }
}
