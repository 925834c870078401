import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Crypto
import Hummingbird
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

/// A `multipart/form-data` upload read as it arrives: the file part goes straight to a file on disk
/// (hashed on the way), never whole into memory; the other fields are small and kept.
struct MultipartUpload {
    var fields: [String: String] = [:]
    /// The file part's name as the browser gave it, and how many bytes were written.
    var fileName: String?
    var fileBytes = 0
    var sha256: String?

    struct Failure: Error {
        let message: Text
    }

    /// More parts than any form of the web view sends.
    static let maxParts = 20

    /// The boundary from a `Content-Type: multipart/form-data; boundary=…` header.
    static func boundary(_ contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return (1...70).contains(value.utf8.count) ? value : nil
        }
        return nil
    }

    /// Reads `body`, writing the part named `fileField` to `filePath` (created 0600), at most `maxFileBytes`.
    static func read<Body: AsyncSequence>(_ body: Body, boundary: String, fileField: String, filePath: String,
                                          maxFileBytes: Int) async throws -> MultipartUpload where Body.Element == ByteBuffer {
        var parser = MultipartParser(boundary: boundary)
        var upload = MultipartUpload()
        var file: FileHandle?
        var digest = Crypto.SHA256()
        var currentField: String?
        var currentValue: [UInt8] = []
        var isFile = false
        var parts = 0
        defer { try? file?.close() }

        func handle(_ event: MultipartParser.Event) throws {
            switch event {
            case .partStart(let headers):
                // The import form sends six parts. 200,000 tiny ones (8 MB) once kept a thread busy for
                // seconds, parsing a form no page sends.
                parts += 1
                guard parts <= maxParts else {
                    throw Failure(message: Text(en: "the upload has more fields than the import form sends; use the form on the import page",
                                                zh: "上传内容的字段多于导入表单；请使用导入页面上的表单"))
                }
                guard let disposition = headers["content-disposition"],
                      let name = MultipartParser.parameter("name", in: disposition) else {
                    throw Failure(message: Text(en: "the upload is not a form this page sent; reload the page and send it again",
                                                zh: "上传内容不是本页面的表单；请刷新页面后重新提交"))
                }
                currentField = name
                currentValue = []
                isFile = name == fileField && MultipartParser.parameter("filename", in: disposition) != nil
                if isFile {
                    guard file == nil else {
                        throw Failure(message: Text(en: "send one file at a time", zh: "一次只能上传一个文件"))
                    }
                    upload.fileName = MultipartParser.parameter("filename", in: disposition)
                    guard FileManager.default.createFile(atPath: filePath, contents: nil, attributes: [.posixPermissions: 0o600]),
                          let opened = FileHandle(forWritingAtPath: filePath) else {
                        throw Failure(message: Text(en: "the server cannot store the upload; tell whoever runs registrar",
                                                    zh: "服务器无法保存上传的文件；请告知 registrar 的管理人员"))
                    }
                    file = opened
                }
            case .data(let bytes):
                if isFile {
                    upload.fileBytes += bytes.count
                    guard upload.fileBytes <= maxFileBytes else {
                        throw Failure(message: Text(
                            en: "the file is larger than \(maxFileBytes / 1_048_576) MiB; split it, or import it with the registrar command",
                            zh: "文件超过 \(maxFileBytes / 1_048_576) MiB；请拆分，或用 registrar 命令导入"))
                    }
                    bytes.withUnsafeBytes { digest.update(bufferPointer: $0) }
                    file?.write(Data(bytes))
                } else {
                    currentValue.append(contentsOf: bytes)
                    guard currentValue.count <= 4096 else {
                        throw Failure(message: Text(en: "a form field is too long; use the form on the import page",
                                                    zh: "表单字段过长；请使用导入页面上的表单"))
                    }
                }
            case .partEnd:
                if !isFile, let name = currentField, upload.fields[name] == nil {
                    upload.fields[name] = String(decoding: currentValue, as: UTF8.self)
                }
                currentField = nil
                isFile = false
            }
        }

        for try await buffer in body {
            try parser.feed(Array(buffer.readableBytesView), handle)
        }
        guard parser.finished else {
            throw Failure(message: Text(en: "the upload was cut off before its end; send it again",
                                        zh: "上传未完成即中断；请重新提交"))
        }
        if file != nil { upload.sha256 = FileDigest.hex(digest.finalize()) }
        return upload
    }
}

/// The byte-level state machine of RFC 7578 bodies, fed any chunking of the stream.
struct MultipartParser {
    enum Event {
        case partStart([String: String])
        case data(ArraySlice<UInt8>)
        case partEnd
    }

    private enum State {
        case preamble
        case afterDelimiter
        case headers
        case body
        case epilogue
    }

    /// `\r\n--boundary`; the stream is read as if it began with `\r\n`, so the first delimiter matches too.
    private let delimiter: [UInt8]
    private var buffer: [UInt8] = [13, 10]
    private var state = State.preamble
    private(set) var finished = false

    init(boundary: String) {
        delimiter = Array("\r\n--\(boundary)".utf8)
    }

    mutating func feed(_ bytes: [UInt8], _ handle: (Event) throws -> Void) throws {
        buffer.append(contentsOf: bytes)
        var start = 0
        defer { buffer.removeFirst(start) }
        while true {
            switch state {
            case .preamble, .body:
                if let match = find(delimiter, in: buffer, from: start) {
                    if state == .body {
                        if match > start { try handle(.data(buffer[start..<match])) }
                        try handle(.partEnd)
                    }
                    start = match + delimiter.count
                    state = .afterDelimiter
                } else {
                    // Keep what could be the start of a delimiter split across chunks.
                    let keep = min(buffer.count - start, delimiter.count - 1)
                    let end = buffer.count - keep
                    if state == .body && end > start { try handle(.data(buffer[start..<end])) }
                    start = end
                    return
                }
            case .afterDelimiter:
                guard buffer.count - start >= 2 else { return }
                if buffer[start] == 45 && buffer[start + 1] == 45 { // "--": the last delimiter
                    state = .epilogue
                    finished = true
                    start = buffer.count
                    return
                }
                guard buffer[start] == 13 && buffer[start + 1] == 10 else {
                    throw MultipartUpload.Failure(message: Text(en: "the upload is not well-formed; send it again from the form",
                                                                zh: "上传内容格式不正确；请从表单重新提交"))
                }
                start += 2
                state = .headers
            case .headers:
                guard let end = find([13, 10, 13, 10], in: buffer, from: start) else {
                    if buffer.count - start > 16_384 {
                        throw MultipartUpload.Failure(message: Text(en: "the upload's part headers are too long",
                                                                    zh: "上传内容的分段头过长"))
                    }
                    return
                }
                let text = String(decoding: buffer[start..<end], as: UTF8.self)
                var headers: [String: String] = [:]
                for line in text.components(separatedBy: "\r\n") {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()] =
                        line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                try handle(.partStart(headers))
                start = end + 4
                state = .body
            case .epilogue:
                start = buffer.count
                return
            }
        }
    }

    /// The first place `needle` starts in `haystack` at or after `start`: `memchr` for its first byte,
    /// then a comparison, so a large upload is scanned at memory speed.
    private func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count - start >= needle.count, let first = needle.first else { return nil }
        return haystack.withUnsafeBytes { hay -> Int? in
            guard let base = hay.baseAddress else { return nil }
            var position = start
            let last = hay.count - needle.count
            while position <= last {
                guard let found = memchr(base + position, Int32(first), last - position + 1) else { return nil }
                let index = base.distance(to: UnsafeRawPointer(found))
                if memcmp(base + index, needle, needle.count) == 0 { return index }
                position = index + 1
            }
            return nil
        }
    }

    /// `name="kind"` in a Content-Disposition value.
    static func parameter(_ name: String, in disposition: String) -> String? {
        for item in disposition.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
