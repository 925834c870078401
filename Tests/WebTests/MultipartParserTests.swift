import Foundation
import Testing
@testable import RegistrarWeb

/// The streaming multipart reader gives the same fields and file however the body is cut into chunks.
struct MultipartParserTests {
    static func body(boundary: String, file: [UInt8]) -> [UInt8] {
        var body = Array("preamble\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nmembers\r\n".utf8)
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"名册.csv\"\r\n\r\n".utf8)
        body += file
        body += Array("\r\n--\(boundary)--\r\nepilogue".utf8)
        return body
    }

    func parse(_ body: [UInt8], boundary: String, chunk: Int) throws -> (fields: [String: String], file: [UInt8], finished: Bool) {
        var parser = MultipartParser(boundary: boundary)
        var fields: [String: String] = [:]
        var file: [UInt8] = []
        var current: String?
        var value: [UInt8] = []
        var isFile = false
        var index = 0
        while index < body.count {
            let end = min(body.count, index + chunk)
            try parser.feed(Array(body[index..<end])) { event in
                switch event {
                case .partStart(let headers):
                    let disposition = headers["content-disposition"] ?? ""
                    current = MultipartParser.parameter("name", in: disposition)
                    isFile = MultipartParser.parameter("filename", in: disposition) != nil
                    value = []
                case .data(let bytes):
                    if isFile { file += bytes } else { value += bytes }
                case .partEnd:
                    if !isFile, let current { fields[current] = String(decoding: value, as: UTF8.self) }
                }
            }
            index = end
        }
        return (fields, file, parser.finished)
    }

    @Test func everyChunkingGivesTheSameParts() throws {
        let boundary = "----WebKitFormBoundaryX3"
        // A file holding CRLFs, dashes and most of the delimiter, which must not end the part early.
        let file = Array("会员编号,姓名\r\nM1,张三\r\n\r\n------WebKitFormBoundaryX\r\n--\r\nend".utf8)
        let body = Self.body(boundary: boundary, file: file)
        for chunk in [1, 2, 3, 7, 16, 41, 1000] {
            let parsed = try parse(body, boundary: boundary, chunk: chunk)
            #expect(parsed.fields == ["kind": "members"], "chunk \(chunk)")
            #expect(parsed.file == file, "chunk \(chunk)")
            #expect(parsed.finished, "chunk \(chunk)")
        }
    }

    @Test func aCutOffBodyIsNotFinished() throws {
        let boundary = "b0undary"
        let body = Self.body(boundary: boundary, file: Array("x,y\r\n".utf8))
        let parsed = try parse(Array(body.prefix(body.count - 20)), boundary: boundary, chunk: 5)
        #expect(!parsed.finished)
    }

    @Test func theBoundaryIsReadFromTheContentType() {
        #expect(MultipartUpload.boundary("multipart/form-data; boundary=abc") == "abc")
        #expect(MultipartUpload.boundary(#"multipart/form-data; charset=utf-8; boundary="a b""#) == "a b")
        #expect(MultipartUpload.boundary("application/x-www-form-urlencoded") == nil)
        #expect(MultipartUpload.boundary("multipart/form-data") == nil)
    }

    @Test func uploadedFileNamesAreMadeSafe() {
        #expect(ImportStaging.safeFileName("C:\\Users\\me\\名册 2019.csv") == "名册 2019.csv")
        #expect(ImportStaging.safeFileName("../../etc/passwd") == "passwd")
        #expect(ImportStaging.safeFileName("..") == "upload.csv")
        #expect(ImportStaging.safeFileName("rejects.csv") == "upload.csv")
        #expect(ImportStaging.safeFileName(nil) == "upload.csv")
    }

    /// A long Chinese name (120 characters are 360 bytes, past a folder entry's 255) and the name of the
    /// part file the upload streams into both made the preview fail with a server error.
    @Test func uploadedFileNamesFitAFolderEntryAndMissThePartFile() {
        let long = ImportStaging.safeFileName(String(repeating: "长", count: 300) + ".csv")
        #expect(long.utf8.count <= 255 && long.hasSuffix(".csv") && long.hasPrefix("长长"))
        let noExtension = ImportStaging.safeFileName(String(repeating: "名", count: 100))
        #expect(noExtension.utf8.count <= 255 && noExtension.hasPrefix("名"))
        #expect(ImportStaging.safeFileName("名册 2019.csv") == "名册 2019.csv")
        #expect(ImportStaging.safeFileName("upload.part") == "upload.csv")
    }
}
