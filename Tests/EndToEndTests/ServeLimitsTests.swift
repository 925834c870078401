import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built `registrar serve` answering what the adversarial tester sent: a signed-in curl asking for
/// an address over 8 KB (curl 7.88 then drops the cookie and never ends the header block).
struct ServeLimitsTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
    func anAddressOver8KBIsAnsweredAtOnceWithAPageWhileOneUnderItIsServed() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        let added = try ServeTLSTests.tool(registrarBinary.path, ["users", "add", "li.wei", "--role", "staff", "--db", scratch.db],
                                           in: scratch.folder, input: "correct horse battery\n")
        #expect(added.status == 0, "\(added.stderr)")
        let port = try ServeTLSTests.freePort()
        let server = Process()
        server.executableURL = registrarBinary
        server.arguments = ["serve", "--db", scratch.db, "--port", String(port)]
        server.currentDirectoryURL = scratch.folder
        let said = Pipe()
        server.standardError = said
        try server.run()
        defer {
            kill(server.processIdentifier, SIGTERM)
            server.waitUntilExit()
        }
        var banner = Data()
        while !String(decoding: banner, as: UTF8.self).contains("\n") {
            let chunk = said.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            banner.append(chunk)
        }
        let base = "http://127.0.0.1:\(port)"
        let login = try ServeTLSTests.tool("/usr/bin/curl", ["-sS", "-m", "10", "-c", "jar", base + "/login"], in: scratch.folder)
        let token = try #require(login.stdout.range(of: #"name="csrf_token" value="[0-9a-f]+""#, options: .regularExpression)
            .map { login.stdout[$0].split(separator: "\"")[3] })
        let signIn = try ServeTLSTests.tool("/usr/bin/curl", [
            "-sS", "-m", "10", "-b", "jar", "-c", "jar", "-o", "/dev/null", "-w", "%{http_code}",
            "--data-urlencode", "username=li.wei", "--data-urlencode", "password=correct horse battery",
            "--data-urlencode", "csrf_token=\(token)", base + "/login",
        ], in: scratch.folder)
        #expect(signIn.stdout == "303")

        // -m 10: a third of the server's 30-second request deadline, so the size answers, not the clock.
        func get(_ query: String) throws -> Outcome {
            try ServeTLSTests.tool("/usr/bin/curl", ["-sS", "-m", "10", "-b", "jar", "-w", "\n%{http_code}",
                                                     base + "/members?q=" + query], in: scratch.folder)
        }
        let under = try get(String(repeating: "a", count: 8_000))
        #expect(under.stdout.hasSuffix("\n200"), "\(under.stderr)")
        #expect(under.stdout.contains("<h1"))
        let over = try get(String(repeating: "a", count: 8_200))
        #expect(over.status == 0, "\(over.stderr)")
        #expect(over.stdout.hasSuffix("\n400"))
        #expect(over.stdout.contains("too long (over 8 KB a line"))
        #expect(over.stdout.contains("请求的地址或请求头过长"))
        let far = try get(String(repeating: "a", count: 100_000))
        #expect(far.stdout.hasSuffix("\n400"))
        #expect(far.stdout.contains("too long"))
    }
}
