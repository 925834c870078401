import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wall time and peak resident memory of one child process.
struct Measurement {
    var seconds: Double
    var peakMiB: Double
    var status: Int32
    var userSeconds: Double
    var systemSeconds: Double

    var cpuSeconds: Double { userSeconds + systemSeconds }
}

enum Measure {
    /// Runs a program to completion (stdin from `input` if given) and reports what it cost.
    static func run(_ program: String, _ arguments: [String], input: String? = nil, quiet: Bool = true) throws -> Measurement {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let input { posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0) }
        if quiet { posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0) }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now()
        let spawned = posix_spawnp(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError("cannot start \(program): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        func secs(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return Measurement(seconds: seconds, peakMiB: Double(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xFF,
                           userSeconds: secs(usage.ru_utime), systemSeconds: secs(usage.ru_stime))
    }

    /// A program's standard output, trimmed; for reading a value the benchmark needs.
    static func output(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func format(_ label: String, _ m: Measurement) -> String {
        String(format: "%-44@ %8.2f s wall %8.2f s cpu %8.1f MiB peak  (exit %d)", label as NSString, m.seconds, m.cpuSeconds, m.peakMiB, m.status)
    }
}
