import Foundation

/// The repository's root, found from this file's path so tests run from any directory.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// The `registrar` binary that `swift test` built next to the test bundle.
let registrarBinary: URL = {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("registrar")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder.deleteLastPathComponent()
    }
    return repositoryRoot.appendingPathComponent(".build/debug/registrar")
}()

struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// A scratch folder for one test, with the registry path most tests use.
final class Scratch {
    let folder: URL
    var db: String { folder.appendingPathComponent("registry.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("registrar-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Runs the real binary in this folder, with the environment a user would have.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = registrarBinary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "REGISTRAR_DB")
        env.removeValue(forKey: "REGISTRAR_LANG")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Starts the real binary in the background, its output discarded: a command to kill, or to run
    /// another beside.
    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = registrarBinary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits, while `process` runs, until the import it is has written over `bytes` into its
    /// transaction: into the WAL, or, for a first import with its rollback journal
    /// (`FirstLoadJournal`), into the file itself.
    func waitForWrites(of process: Process, over bytes: Int) {
        func size(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
        let before = size(db)
        for _ in 0..<1200 where process.isRunning {
            if size(db + "-wal") > bytes || size(db) > before + bytes { return }
            usleep(10_000)
        }
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
        let outcome = try run(arguments + ["--format", "json"])
        guard outcome.status == 0,
              let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any] else {
            throw E2EFailure(description: "\(arguments) → \(outcome.status): \(outcome.stdout) \(outcome.stderr)")
        }
        return object
    }
}

struct E2EFailure: Error, CustomStringConvertible {
    var description: String
}
