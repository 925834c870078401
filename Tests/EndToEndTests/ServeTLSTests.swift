import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `registrar serve` over HTTPS (`--tls-cert`, `--tls-key`), with a self-signed certificate made by
/// openssl for this test and a real HTTPS client (curl) that checks it; and what it refuses.
struct ServeTLSTests {
    /// A port nothing listens on now: the kernel's choice for a socket bound to port 0.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw E2EFailure(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @discardableResult
    static func tool(_ path: String, _ arguments: [String], in folder: URL, input: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A self-signed certificate for 127.0.0.1 and localhost, and its key.
    static func certificate(in scratch: Scratch) throws {
        let made = try tool("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "2",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ], in: scratch.folder)
        #expect(made.status == 0, "\(made.stderr)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")
                       && FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
    func serveAnswersARealHTTPSRequestWithTheCertificateItWasGivenAndSecureCookies() async throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        let added = try Self.tool(registrarBinary.path, ["users", "add", "li.wei", "--role", "staff", "--db", scratch.db],
                                  in: scratch.folder, input: "correct horse battery\n")
        #expect(added.status == 0, "\(added.stderr)")
        try Self.certificate(in: scratch)
        let port = try Self.freePort()
        let server = Process()
        server.executableURL = registrarBinary
        server.arguments = ["serve", "--db", scratch.db, "--port", String(port), "--tls-cert", "cert.pem", "--tls-key", "key.pem"]
        server.currentDirectoryURL = scratch.folder
        let said = Pipe()
        server.standardError = said
        try server.run()
        defer {
            kill(server.processIdentifier, SIGTERM)
            server.waitUntilExit()
        }
        // It says where it listens, with https.
        var banner = Data()
        while !String(decoding: banner, as: UTF8.self).contains("\n") {
            let chunk = said.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            banner.append(chunk)
        }
        #expect(String(decoding: banner, as: UTF8.self).contains("https://127.0.0.1:\(port)/"))

        let base = "https://127.0.0.1:\(port)"
        // curl checks the certificate against the one given: a real TLS handshake, no -k.
        let login = try Self.tool("/usr/bin/curl", ["-sS", "--cacert", "cert.pem", "-c", "jar", "-D", "login.head", base + "/login"],
                                  in: scratch.folder)
        #expect(login.status == 0, "\(login.stderr)")
        #expect(login.stdout.contains("name=\"password\""))
        let token = try #require(login.stdout.range(of: #"name="csrf_token" value="[0-9a-f]+""#, options: .regularExpression)
            .map { login.stdout[$0].split(separator: "\"")[3] })
        let signIn = try Self.tool("/usr/bin/curl", [
            "-sS", "--cacert", "cert.pem", "-b", "jar", "-c", "jar", "-D", "-", "-o", "/dev/null",
            "--data-urlencode", "username=li.wei", "--data-urlencode", "password=correct horse battery",
            "--data-urlencode", "csrf_token=\(token)", base + "/login",
        ], in: scratch.folder)
        #expect(signIn.stdout.hasPrefix("HTTP/1.1 303"), "\(signIn.stdout)")
        let session = signIn.stdout.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie: registrar_session=") }
        #expect(session?.contains("; Secure") == true)
        #expect(session?.contains("HttpOnly") == true)
        let dashboard = try Self.tool("/usr/bin/curl", ["-sS", "--cacert", "cert.pem", "-b", "jar", base + "/"], in: scratch.folder)
        #expect(dashboard.stdout.contains("<h1"))

        // A client that does not trust the certificate is refused by its own check; plain HTTP gets no page.
        let untrusted = try Self.tool("/usr/bin/curl", ["-sS", base + "/login"], in: scratch.folder)
        #expect(untrusted.status != 0)
        let plain = try Self.tool("/usr/bin/curl", ["-sS", "-m", "5", "http://127.0.0.1:\(port)/login"], in: scratch.folder)
        #expect(!plain.stdout.contains("csrf_token"))
    }

    @Test func serveRefusesWhatWouldSendPasswordsInClearOrCannotBeServed() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        try "not a certificate\n".write(toFile: scratch.path("bad.pem"), atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["--host", "0.0.0.0"], "--tls-cert FILE and --tls-key FILE, or add --insecure-http"),
            (["--tls-cert", "bad.pem"], "--tls-cert needs --tls-key"),
            (["--tls-key", "bad.pem"], "--tls-key needs --tls-cert"),
            (["--tls-cert", "bad.pem", "--tls-key", "bad.pem", "--insecure-http"], "contradict"),
            (["--tls-cert", "bad.pem", "--tls-key", "bad.pem"], "--tls-cert bad.pem: is not a PEM certificate"),
            (["--tls-cert", "missing.pem", "--tls-key", "bad.pem", "--host", "0.0.0.0"], "--tls-cert missing.pem: there is no such file"),
        ]
        for (arguments, expected) in cases {
            let outcome = try scratch.run(["serve", "--db", scratch.db, "--port", "1"] + arguments)
            #expect(outcome.status != 0)
            #expect(outcome.stderr.contains(expected), "\(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
        }
        let chinese = try scratch.run(["serve", "--db", scratch.db, "--host", "0.0.0.0", "--lang", "zh"])
        #expect(chinese.stderr.contains("--tls-cert 文件和 --tls-key 文件"))
    }
}
