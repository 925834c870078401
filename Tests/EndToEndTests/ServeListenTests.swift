import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `registrar serve` on a port another program holds, or on a host that is no name: one line naming
/// `--port` or `--host` in the user's language, where NIO's own text was printed
/// (`Error: bind(descriptor:ptr:bytes:): Address already in use) (errno: 98)`).
struct ServeListenTests {
    /// A listening socket on 127.0.0.1 and the port the system gave it.
    static func holdPort() throws -> (socket: Int32, port: Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(descriptor >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        #expect(bound == 0)
        #expect(listen(descriptor, 1) == 0)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    @Test func aPortInUseOrAHostThatIsNoNameIsRefusedInOneLineNamingTheFlag() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        let held = try Self.holdPort()
        defer { close(held.socket) }
        let cases: [([String], String, String)] = [
            (["--port", String(held.port)], "--port \(held.port) on 127.0.0.1 is in use by another program", "已被其他程序占用"),
            (["--host", "no-such-host.invalid", "--insecure-http", "--port", String(held.port)],
             "--host no-such-host.invalid is not an address or a name this machine can look up", "不是地址"),
        ]
        for (flags, en, zh) in cases {
            for (language, expected) in [("en", en), ("zh", zh)] {
                let outcome = try scratch.run(["serve", "--db", scratch.db, "--lang", language] + flags)
                #expect(outcome.status == 1)
                #expect(outcome.stderr.contains(expected), "\(flags) \(language): \(outcome.stderr)")
                #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
                #expect(!outcome.stderr.contains("errno"))
            }
        }
    }
}
