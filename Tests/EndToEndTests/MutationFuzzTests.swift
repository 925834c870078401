import Foundation
import Testing

/// Deterministic mutations of the fixtures, imported by the real binary: whatever the bytes, no
/// crash, a refusal is one line, and a refused import leaves the registry exactly as it was.
///
/// Bounded: a fixed seed and a fixed number of files, so every run meets the same inputs.
struct MutationFuzzTests {
    static let mutationsPerFile = 40

    enum Mutation: CaseIterable {
        case flipBytes, truncate, insertNoise, deleteRange, duplicateLines, strayQuotes, nulBytes, lineBreaks,
             invalidUTF8, dropCommas, longField, identityNoise
    }

    static func mutate(_ original: [UInt8], _ mutation: Mutation, _ generator: inout SeededGenerator) -> [UInt8] {
        var bytes = original
        func position() -> Int { Int.random(in: 0..<max(bytes.count, 1), using: &generator) }
        switch mutation {
        case .flipBytes:
            for _ in 0..<Int.random(in: 1...20, using: &generator) where !bytes.isEmpty {
                bytes[position()] ^= UInt8.random(in: 1...255, using: &generator)
            }
        case .truncate:
            bytes = Array(bytes.prefix(position()))
        case .insertNoise:
            let noise = (0..<Int.random(in: 1...64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            bytes.insert(contentsOf: noise, at: position())
        case .deleteRange:
            let start = position()
            bytes.removeSubrange(start..<min(bytes.count, start + Int.random(in: 1...500, using: &generator)))
        case .duplicateLines:
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            for _ in 0..<5 where lines.count > 1 { lines.insert(lines[Int.random(in: 1..<lines.count, using: &generator)], at: Int.random(in: 1..<lines.count, using: &generator)) }
            bytes = Array(lines.joined(separator: [0x0A]))
        case .strayQuotes:
            for _ in 0..<Int.random(in: 1...5, using: &generator) { bytes.insert(0x22, at: position()) }
        case .nulBytes:
            for _ in 0..<Int.random(in: 1...5, using: &generator) { bytes.insert(0x00, at: position()) }
        case .lineBreaks:
            for _ in 0..<Int.random(in: 1...10, using: &generator) { bytes.insert([0x0D, 0x0A, 0x0D][Int.random(in: 0...2, using: &generator)], at: position()) }
        case .invalidUTF8:
            bytes.insert(contentsOf: [0xFF, 0xFE, 0xC3], at: position())
        case .dropCommas:
            bytes.removeAll { $0 == 0x2C && Bool.random(using: &generator) && Bool.random(using: &generator) }
        case .longField:
            bytes.insert(contentsOf: [UInt8](repeating: 0x41, count: 40_000), at: position())
        case .identityNoise:
            let id = Array("11010519491231002X".utf8)
            for _ in 0..<3 { bytes.insert(contentsOf: id, at: position()) }
        }
        return bytes
    }

    @Test(arguments: [("members", "members-2018-12-31.csv"), ("units", "units.csv"), ("services", "services.csv"),
                      ("integrity", "integrity.csv")])
    func mutatedFilesNeverCrashAndRefusalsChangeNothing(kind: String, fixture: String) throws {
        let scratch = try Scratch()
        let fixtures = repositoryRoot.appendingPathComponent("fixtures")
        try scratch.run(["init", "--db", scratch.db])
        for (file, asOf) in [("units.csv", "2017-12-31"), ("members-2017-12-31.csv", "2017-12-31")] {
            try scratch.run(["import", file == "units.csv" ? "units" : "members", fixtures.appendingPathComponent(file).path,
                             "--as-of", asOf, "--db", scratch.db])
        }
        let base = try Data(contentsOf: URL(fileURLWithPath: scratch.db))
        let original = Array(try Data(contentsOf: fixtures.appendingPathComponent(fixture)))
        var generator = SeededGenerator(seed: UInt64(fixture.utf8.count * 7919))
        let db = scratch.path("fuzz.sqlite")
        for round in 0..<Self.mutationsPerFile {
            let mutation = Mutation.allCases[round % Mutation.allCases.count]
            let input = scratch.path("mutated.csv")
            try Data(Self.mutate(original, mutation, &generator)).write(to: URL(fileURLWithPath: input))
            try base.write(to: URL(fileURLWithPath: db))
            let strict = round % 2 == 0
            let outcome = try scratch.run(["import", kind, input, "--as-of", "2018-12-31", "--db", db] + (strict ? ["--strict"] : []))
            let label = "\(fixture) round \(round) (\(mutation), strict \(strict))"
            #expect(outcome.status == 0 || outcome.status == 1, "\(label): exit \(outcome.status) \(outcome.stderr)")
            #expect(!outcome.stderr.contains("Fatal error") && !outcome.stderr.contains("backtrace"), "\(label)")
            #expect(!outcome.stderr.contains("11010519491231002X"), "\(label): \(outcome.stderr)")
            if outcome.status != 0 {
                #expect(outcome.stderr.hasPrefix("registrar: ") && outcome.stderr.filter { $0 == "\n" }.count == 1,
                        "\(label): \(outcome.stderr)")
                #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == base, "\(label): a refused import changed the registry")
            }
            let check = try scratch.run(["check", "--db", db])
            #expect(check.status == 0, "\(label): \(check.stdout)")
        }
    }
}
