import Crypto
import Foundation
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

struct CSVReaderTests {
    @Test func aFinalLineWithoutANewlineIsRead() throws {
        let records = try readAll(try temporaryFile("a,b\n1,2"))
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let records = try readAll(try temporaryFile([0xEF, 0xBB, 0xBF] + Array("姓名,会员编号\r\n张三,M1\r\n".utf8)))
        #expect(records.map(\.fields) == [["姓名", "会员编号"], ["张三", "M1"]])
    }

    @Test func lineNumbersArePhysicalLinesEvenAcrossQuotedLineBreaks() throws {
        let records = try readAll(try temporaryFile("h1,h2\n\"a\nb\",c\n\nd,e\n"))
        #expect(records.map(\.line) == [1, 2, 5])
        #expect(records[1].fields == ["a\nb", "c"])
    }

    @Test func anUnterminatedQuoteIsAnErrorNamingTheLineWhereItBegan() throws {
        let path = try temporaryFile("a,b\n1,2\n3,\"never closed\n4,5\n")
        let error = #expect(throws: InputError.self) { try readAll(path) }
        #expect(error?.line == 3)
    }

    @Test func recordsSpanningTheChunkBoundaryAreWhole() throws {
        // Long enough to cross the 1 MiB read size with a quoted, multi-line field on the boundary.
        var text = "id,note\n"
        var expected: [[String]] = []
        for index in 0..<40_000 {
            let note = index % 7 == 0 ? "第\(index)行,\"引号\"\n换行" : "备注\(index)"
            text += "\(index)," + (index % 7 == 0 ? "\"" + note.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : note) + "\r\n"
            expected.append([String(index), note])
        }
        let records = try readAll(try temporaryFile(text))
        #expect(Array(records.dropFirst().map(\.fields)) == expected)
    }

    @Test func gb18030IsTranscodedIncludingCharactersSplitAcrossChunks() throws {
        #expect(gb18030("姓名") == [0xD0, 0xD5, 0xC3, 0xFB])
        var text = "姓名,单位\r\n"
        for index in 0..<60_000 { text += "张三\(index),中国科学院物理研究所\r\n" }
        let bytes = gb18030(text)
        #expect(bytes.count > 1 << 20)
        let path = try temporaryFile(bytes)
        let survey = try FileSurvey.of(path: path, displayName: "gbk.csv")
        #expect(try survey.encoding(for: .auto, file: "gbk.csv") == .gb18030)
        let records = try readAll(path, encoding: .gb18030)
        #expect(records.count == 60_001)
        #expect(records[59_999].fields == ["张三59998", "中国科学院物理研究所"])
    }

    @Test func bytesValidInNeitherEncodingAreAnErrorWithLineAndOffset() throws {
        let bytes = Array("姓名,会员编号\n张三,M1\n".utf8) + [0xFF, 0xFF] + Array(",M2\n".utf8)
        let path = try temporaryFile(bytes)
        let survey = try FileSurvey.of(path: path, displayName: "bad.csv")
        #expect(survey.firstInvalidUTF8?.line == 3)
        #expect(throws: InputError.self) { try survey.encoding(for: .utf8, file: "bad.csv") }
        let encoding = try survey.encoding(for: .auto, file: "bad.csv")
        let error = #expect(throws: InputError.self) { try readAll(path, encoding: encoding) }
        #expect(error?.line == 3)
        #expect(error?.problem.en.contains("byte 30") == true)
    }

    /// The byte named is the file's own, counted with the GB18030 byte-order mark before it.
    @Test func aBadByteAfterAGB18030MarkIsNamedAtItsPlace() throws {
        let path = try temporaryFile([0x84, 0x31, 0x95, 0x33] + Array("a,b\n1,".utf8) + [0xFF, 0xFF] + Array("\n".utf8))
        let error = #expect(throws: InputError.self) { try readAll(path, encoding: .gb18030) }
        #expect(error?.line == 2)
        #expect(error?.problem.en.contains("byte 10 ") == true, "\(String(describing: error?.problem.en))")
    }

    @Test func utf8FilesAreDetectedAndHashed() throws {
        let path = try temporaryFile("abc")
        let survey = try FileSurvey.of(path: path, displayName: "abc.csv")
        #expect(try FileDigest.sha256(path: path, displayName: "abc.csv") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(try BackgroundDigest(path: path, displayName: "abc.csv").value() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(try survey.encoding(for: .auto, file: "abc.csv") == .utf8)
    }
}

/// The file digest an import batch records: swift-crypto's SHA-256 over the file as read in chunks.
struct FileDigestTests {
    func digest(of bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID().uuidString)").path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try FileDigest.sha256(path: path, displayName: "digest.csv")
    }

    @Test func standardVectors() throws {
        #expect(try digest(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(try digest(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Two blocks of message plus the padding block (FIPS 180-4 example, 896 bits).
        #expect(try digest(of: Array(("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                                      + "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu").utf8))
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func oneMillionBytes() throws {
        #expect(try digest(of: [UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// A file of two and a half read chunks, of bytes in no pattern: the digest fed chunk by chunk is
    /// the digest of the whole.
    @Test func aFileLongerThanAReadChunk() throws {
        let count = RawFile.chunkSize * 5 / 2 + 7
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: (UInt64($0) &* 0x9E37_79B9_7F4A_7C15) >> 56) }
        #expect(try digest(of: bytes) == FileDigest.hex(Crypto.SHA256.hash(data: bytes)))
    }

    @Test func backgroundDigestGivesTheSameDigest() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID().uuidString)").path
        FileManager.default.createFile(atPath: path, contents: Data("abc".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let background = BackgroundDigest(path: path, displayName: "abc.csv")
        #expect(try background.value() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(try background.value() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
