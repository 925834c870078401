import Foundation
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

struct MaskingEverywhereTests {
    @Test func identityShapedNumbersAreMaskedWhereverTheyStand() {
        #expect(Masking.identityShaped(in: "M1,张三,11010519491231002X,男") == "M1,张三,110105********002X,男")
        #expect(Masking.identityShaped(in: "11010519491231002x.csv") == "110105********002x.csv")
        // The old 15-digit form, and full-width digits as Excel on Chinese Windows may write them.
        #expect(Masking.identityShaped(in: "id 110105491231002") == "id 110105********1002")
        #expect(!Masking.identityShaped(in: "１１０１０５１９４９１２３１００２Ｘ").contains("１９４９"))
        // Phone and member numbers are not identity numbers.
        #expect(Masking.identityShaped(in: "13800138000 M100160") == "13800138000 M100160")
    }

    @Test func messagesStayOneLineAndCarryNoEscapeSequences() {
        let hostile = "a\r\nb\u{1B}[31mred\u{07}\u{202E}"
        let safe = Sanitized.message(hostile)
        #expect(!safe.contains("\n") && !safe.contains("\r") && !safe.contains("\u{1B}") && !safe.contains("\u{202E}"))
        #expect(safe == "a\\r\\nb\\u{1B}[31mred\\u{7}\\u{202E}")
    }
}

struct ProvinceCodeTests {
    @Test func aNumberWhoseFirstTwoDigitsNameNoProvinceIsRefused() throws {
        // 99 names no province; its check character is right, so only the region check refuses it.
        let body = "99010519491231002"
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        let number = body + String(Array("10X98765432")[sum % 11])
        guard case .failure(let box) = ResidentIdentityNumber.parse(number) else {
            Issue.record("\(number) was accepted")
            return
        }
        #expect(box.problem == .region)
        if case .failure = ResidentIdentityNumber.parse("11010519491231002X") { Issue.record("a Beijing number was refused") }
    }
}

struct OutputFileTests {
    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("outputfile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func theRegistryItsCompanionsAndTheInputAreRefused() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let registry = dir + "/r.sqlite", input = dir + "/in.csv"
        for path in [registry, input] { try "keep".write(toFile: path, atomically: false, encoding: .utf8) }
        let kept = OutputFile.Protected(registry: registry, inputs: [input])
        for (target, reason) in [(registry, OutputFileError.Reason.registry), (registry + "-wal", .registry),
                                 (registry + "-shm", .registry), (dir + "/./r.sqlite", .registry), (input, .input)] {
            #expect(throws: OutputFileError(path: target, reason: reason)) { try OutputFile(path: target, protecting: kept) }
        }
        // A hard link to the registry is the registry.
        link(registry, dir + "/other-name")
        #expect(throws: OutputFileError(path: dir + "/other-name", reason: .registry)) {
            try OutputFile(path: dir + "/other-name", protecting: kept)
        }
        #expect(try String(contentsOfFile: registry, encoding: .utf8) == "keep")
    }

    @Test func linksFoldersAndMissingFoldersAreRefused() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        symlink(dir + "/target", dir + "/link")
        let none = OutputFile.Protected(registry: nil)
        #expect(throws: OutputFileError(path: dir + "/link", reason: .symbolicLink)) { try OutputFile(path: dir + "/link", protecting: none) }
        #expect(throws: OutputFileError(path: dir, reason: .folder)) { try OutputFile(path: dir, protecting: none) }
        #expect(throws: OutputFileError(path: dir + "/no/x", reason: .noFolder(dir + "/no"))) {
            try OutputFile(path: dir + "/no/x", protecting: none)
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/target"))
    }

    @Test func aFileIsWrittenWholeAndPrivateWhateverTheUmask() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let old = umask(0)
        defer { umask(old) }
        let path = dir + "/report.html"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        try OutputFile(path: path, protecting: .init(registry: nil)).write("new")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        // A writer that is discarded leaves the old file and no temporary file behind.
        let writer = try OutputFile.Writer(try OutputFile(path: path, protecting: .init(registry: nil)))
        try writer.append("half")
        writer.discard()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["report.html"])
    }
}

/// A write the folder or file system refuses is told apart from a full disk, with the advice that fits.
struct OutputFileAdviceTests {
    @Test func aRefusedWriteSaysToChooseAnotherPathAndAFullDiskToFreeSpace() {
        for error in [EACCES, EPERM, EROFS] {
            let message = OutputFileError(path: "r.csv", reason: .failed(error)).message(.en)
            #expect(message.hasSuffix("registrar may not write in that folder, so nothing was written there; choose another path"), "\(message)")
            #expect(OutputFileError(path: "r.csv", reason: .failed(error)).message(.zh).contains("无权在该文件夹写入"))
        }
        #expect(OutputFileError(path: "r.csv", reason: .failed(ENOSPC)).message(.en).hasSuffix("free space or choose another path"))
    }
}

struct ReaderLimitTests {
    func read(_ text: String) throws -> [CSVRecord] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("limits-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let reader = try CSVReader(path: path, displayName: "limits.csv", encoding: .utf8)
        var records: [CSVRecord] = []
        try reader.forEachRecord { records.append($0.detached()) }
        return records
    }

    @Test func anOversizedRecordIsPassedOverAndTheNextOneIsRead() throws {
        let long = String(repeating: "x", count: CSVReader.maxFieldBytes + 1)
        let records = try read("a,b\n1,\"\(long)\nstill quoted\"\n" + String(repeating: ",", count: 5_000) + "\n2,ok\n")
        #expect(records.count == 4)
        #expect(records[1].oversize == .field(1) && records[1].line == 2)
        #expect(records[2].oversize == .fields && records[2].line == 4)
        #expect(records[3].oversize == nil && records[3].line == 5 && records[3].strings == ["2", "ok"])
    }

    @Test func aRecordJustUnderTheLimitsIsKept() throws {
        let value = String(repeating: "y", count: CSVReader.maxFieldBytes)
        let records = try read("a,b\n1,\(value)\n")
        #expect(records[1].oversize == nil && records[1].string(1) == value)
    }
}

struct RuleFileLimitTests {
    @Test func nestingPastTheLimitIsRefusedAtItsLine() {
        var lines = ["[segment deep]"]
        for depth in 0...RuleParser.maxDepth { lines.append(String(repeating: "    ", count: depth) + "all:") }
        lines.append(String(repeating: "    ", count: RuleParser.maxDepth + 1) + "age <= 35")
        // Exactly the limit's levels are allowed, and a Notepad file (CRLF) reads the same.
        let allowed = Array(lines[0...RuleParser.maxDepth]) + [String(repeating: "    ", count: RuleParser.maxDepth) + "age <= 35"]
        #expect(throws: Never.self) { try SegmentRules.parse(allowed.joined(separator: "\r\n"), file: "ok.rules") }
        #expect(throws: RuleError.self) { try SegmentRules.parse(lines.joined(separator: "\n"), file: "deep.rules") }
        do {
            _ = try SegmentRules.parse(lines.joined(separator: "\n"), file: "deep.rules")
        } catch let error as RuleError {
            #expect(error.message(.en).hasPrefix("deep.rules:\(RuleParser.maxDepth + 3): "), "\(error.message(.en))")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func tooManySegmentsAreRefusedBeforeAnySQL() {
        let source = (0...RuleParser.maxSegments).map { "[segment s\($0)]\nage <= 35" }.joined(separator: "\n")
        do {
            _ = try SegmentRules.parse(source, file: "many.rules")
            Issue.record("accepted")
        } catch let error as RuleError {
            #expect(error.message(.en).hasPrefix("many.rules:\(2 * RuleParser.maxSegments + 1): more than"))
        } catch {
            Issue.record("\(error)")
        }
        let allowed = (0..<RuleParser.maxSegments).map { "[segment s\($0)]\nage <= 35" }.joined(separator: "\n")
        #expect(throws: Never.self) { try SegmentRules.parse(allowed, file: "ok.rules") }
    }
}
