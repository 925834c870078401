import Foundation

/// The benchmark executable: measures registrar against a baseline in the same run, as ratios.
///
/// Usage: `swift build -c release && .build/release/registrar-bench import [--rows N] [--rounds R] [--registrar PATH]`.
/// Benchmarks print figures; they never pass or fail a test.
@main
enum Bench {
    static func main() {
        do {
            try run()
        } catch {
            // One line, not a crash report: a mistyped argument is not a bug.
            FileHandle.standardError.write(Data("registrar-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let scenario = arguments.isEmpty ? "import" : arguments.removeFirst()
        var rows = 1_000_000
        if let index = arguments.firstIndex(of: "--rows") {
            guard index + 1 < arguments.count, let value = Int(arguments[index + 1]), value > 0 else {
                throw BenchError("--rows needs a whole number of rows, such as --rows 1000000")
            }
            rows = value
        }
        var rounds = 2
        if let index = arguments.firstIndex(of: "--rounds") {
            guard index + 1 < arguments.count, let value = Int(arguments[index + 1]), value > 0 else {
                throw BenchError("--rounds needs a whole number of rounds, such as --rounds 3")
            }
            rounds = value
        }
        // Another build's registrar, to measure it by the same benchmark (an earlier commit's, for a
        // before-and-after table); by default the one built beside this benchmark.
        var registrar: String?
        if let index = arguments.firstIndex(of: "--registrar") {
            guard index + 1 < arguments.count else { throw BenchError("--registrar needs the path of a registrar binary") }
            registrar = arguments[index + 1]
        }
        let workspace = try Workspace(registrar: registrar)
        switch scenario {
        case "import": try ImportBenchmark(rows: rows, rounds: rounds, workspace: workspace).run()
        case "integrity": try IntegrityBenchmark(rows: rows, workspace: workspace).run()
        case "report": try ReportBenchmark(rows: rows, workspace: workspace).run()
        case "segments": try SegmentsBenchmark(rows: rows, workspace: workspace).run()
        case "registration": try RegistrationBenchmark(rows: rows, workspace: workspace).run()
        case "web": try WebBenchmark(rows: rows, workspace: workspace).run()
        case "roster":
            // Writes the benchmark's roster to a file, for profiling an import by hand (`--shuffled`:
            // the same rows in a fixed random order; `--changed`: next month's roster).
            guard let index = arguments.firstIndex(of: "--out"), index + 1 < arguments.count else {
                throw BenchError("roster needs --out FILE")
            }
            try RosterGenerator(rows: rows, shuffled: arguments.contains("--shuffled"), changed: arguments.contains("--changed"))
                .write(to: arguments[index + 1])
        default:
            FileHandle.standardError.write(Data("registrar-bench: unknown scenario '\(scenario)'; use: import, report, integrity, segments, web, registration, roster\n".utf8))
            exit(2)
        }
    }
}

/// A scratch folder for one benchmark run and the binaries it measures.
struct Workspace {
    let folder: URL
    let registrar: String

    init(registrar chosen: String? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("registrar-bench-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        registrar = chosen ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("registrar").path
        guard FileManager.default.isExecutableFile(atPath: registrar) else {
            throw BenchError("no registrar binary next to registrar-bench at \(registrar); build with `swift build -c release`")
        }
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
}

/// A file the benchmark writes a megabyte at a time. A child spawned from the benchmark reports the
/// benchmark's own peak memory as part of its own, so the benchmark never holds a whole file.
final class ChunkedFile {
    private let handle: FileHandle
    private var buffer = Data()

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else { throw BenchError("cannot write \(path)") }
        self.handle = handle
    }

    func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count > 1 << 20 {
            handle.write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    func close() throws {
        handle.write(buffer)
        buffer.removeAll()
        try handle.close()
    }
}

/// A value the benchmark put there itself: its absence is the benchmark's own mistake, reported as
/// such instead of a crash.
func present<T>(_ value: T?, _ what: String) throws -> T {
    guard let value else { throw BenchError("the benchmark lost its \(what)") }
    return value
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
