import Foundation
import Hummingbird
import HummingbirdCore
import Testing
@testable import RegistrarWeb

/// A real server on loopback (an ephemeral port) with `registrar serve`'s connection limits, spoken to
/// through raw sockets: a request too long, malformed or never finished is answered with a page and
/// closed; a slow response or a slow but steady upload is not cut off.
struct ConnectionLimitTests {
    /// Runs a server with `limits` and a few routes of its own until `body` returns.
    static func serving(_ limits: ConnectionLimits, _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let router = Router()
        router.get("/hello") { _, _ in "hello" }
        router.get("/slow") { _, _ -> String in
            try await Task.sleep(for: .seconds(4))
            return "slow answer"
        }
        router.post("/upload") { request, _ -> String in
            let body = try await request.body.collect(upTo: 1 << 20)
            return "got \(body.readableBytes) bytes"
        }
        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, server: try limits.serverBuilder(tls: nil),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                listening.yield(channel.localAddress?.port ?? 0)
                listening.finish()
            })
        let server = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        try await body(port)
    }

    @Test func anOverlongRequestLineIsAnsweredAtOnceWithAPageInBothLanguagesAndClosed() async throws {
        let limits = ConnectionLimits()
        try await Self.serving(limits) { port in
            // What curl 7.88 sends for an address over 8 KB with cookies: its header block never ends.
            let connection = try RawConnection(port: port)
            connection.send("GET /hello?q=" + String(repeating: "a", count: 8_200) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: \r\n")
            // Within 10 seconds, a third of the 30-second request deadline: the size answers, not the clock.
            let answer = await connection.receive(within: 10)
            #expect(answer.statusLine == "HTTP/1.1 400 Bad Request", "\(answer.text.prefix(200))")
            #expect(answer.text.lowercased().contains("connection: close"))
            #expect(answer.body.contains("too long (over 8 KB a line"))
            #expect(answer.body.contains("请求的地址或请求头过长"))
            #expect(answer.closed)
        }
    }

    @Test func aRequestJustInsideTheLimitsIsServedAsUsual() async throws {
        try await Self.serving(ConnectionLimits()) { port in
            let connection = try RawConnection(port: port)
            let line = "GET /hello?q=" + String(repeating: "a", count: 8_000) + " HTTP/1.1\r\n"
            let headers = (0..<3).map { "X-Filler-\($0): " + String(repeating: "b", count: 7_000) + "\r\n" }.joined()
            connection.send(line + "Host: 127.0.0.1\r\n" + headers + "Connection: close\r\n\r\n")
            let answer = await connection.receive(within: 10)
            #expect(answer.statusLine == "HTTP/1.1 200 OK", "\(answer.text.prefix(200))")
            #expect(answer.body == "hello")
            #expect(answer.closed)
        }
    }

    @Test func anOversizedHeaderOrHeaderBlockIsAnsweredWithAPageAndClosed() async throws {
        try await Self.serving(ConnectionLimits()) { port in
            let oneLong = try RawConnection(port: port)
            oneLong.send("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: " + String(repeating: "c", count: 9_000) + "\r\n\r\n")
            let first = await oneLong.receive(within: 10)
            #expect(first.statusLine == "HTTP/1.1 400 Bad Request")
            #expect(first.body.contains("too long"))
            #expect(first.closed)

            // Five headers of 7,000 bytes: each under 8 KB, together over 32 KB. The client goes on
            // sending after the answer; it still reads the page (no reset).
            let block = try RawConnection(port: port)
            block.send("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + (0..<5).map { "X-Filler-\($0): " + String(repeating: "d", count: 7_000) + "\r\n" }.joined())
            block.send((0..<20).map { "X-More-\($0): " + String(repeating: "e", count: 1_000) + "\r\n" }.joined())
            let second = await block.receive(within: 10)
            #expect(second.statusLine == "HTTP/1.1 400 Bad Request")
            #expect(second.body.contains("32 KB in all"))
            #expect(second.closed)

            let many = try RawConnection(port: port)
            many.send("GET /hello HTTP/1.1\r\n" + (0..<150).map { "X-N\($0): 1\r\n" }.joined() + "\r\n")
            let third = await many.receive(within: 10)
            #expect(third.statusLine == "HTTP/1.1 400 Bad Request")
            #expect(third.closed)
        }
    }

    @Test func somethingThatIsNotHTTPIsAnsweredWithAPageAndClosed() async throws {
        try await Self.serving(ConnectionLimits()) { port in
            let connection = try RawConnection(port: port)
            connection.send("HELLO THERE\r\n\r\n")
            let answer = await connection.receive(within: 10)
            #expect(answer.statusLine == "HTTP/1.1 400 Bad Request")
            #expect(answer.body.contains("not an HTTP request registrar can read"))
            #expect(answer.body.contains("这不是 registrar 能识别的 HTTP 请求"))
            #expect(answer.closed)
        }
    }

    @Test func aRequestThatNeverEndsIsAnsweredWhenItsTimeIsUpAndClosed() async throws {
        var limits = ConnectionLimits()
        limits.requestSeconds = 1
        try await Self.serving(limits) { port in
            let connection = try RawConnection(port: port)
            connection.send("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            let answer = await connection.receive(within: 10)
            #expect(answer.statusLine == "HTTP/1.1 408 Request Timeout", "\(answer.text.prefix(200))")
            #expect(answer.body.contains("within 1 seconds"))
            #expect(answer.body.contains("请求未在 1 秒内完整送达"))
            #expect(answer.closed)

            // A body that stops coming is told so too.
            let stalled = try RawConnection(port: port)
            stalled.send("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nonly part")
            let cut = await stalled.receive(within: 10)
            #expect(cut.statusLine == "HTTP/1.1 408 Request Timeout", "\(cut.text.prefix(200))")
            #expect(cut.closed)

            // A connection that sends nothing at all, and one left idle after its answer, are closed
            // without a word: an unasked-for answer could be taken for the next request's.
            let silent = try RawConnection(port: port)
            let nothing = await silent.receive(within: 10)
            #expect(nothing.closed)
            #expect(nothing.text.isEmpty)
            let kept = try RawConnection(port: port)
            kept.send("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let served = await kept.receive(within: 10)
            #expect(served.statusLine == "HTTP/1.1 200 OK")
            #expect(served.text.components(separatedBy: "HTTP/1.1 ").count == 2, "\(served.text)")
            #expect(served.closed)
        }
    }

    @Test func aSlowResponseAndASteadyUploadLongerThanTheDeadlineAreNotCutOff() async throws {
        var limits = ConnectionLimits()
        limits.requestSeconds = 3
        try await Self.serving(limits) { port in
            let slow = try RawConnection(port: port)
            slow.send("GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let answer = await slow.receive(until: "slow answer", within: 10)
            #expect(answer.statusLine == "HTTP/1.1 200 OK", "\(answer.text.prefix(200))")
            #expect(answer.body == "slow answer")

            // Ten pieces half a second apart: 5 seconds in all, never 3 seconds without a byte.
            let upload = try RawConnection(port: port)
            upload.send("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10000\r\n\r\n")
            for _ in 0..<10 {
                try await Task.sleep(for: .milliseconds(500))
                #expect(upload.send(String(repeating: "f", count: 1_000)))
            }
            let uploaded = await upload.receive(until: "bytes", within: 10)
            #expect(uploaded.statusLine == "HTTP/1.1 200 OK", "\(uploaded.text.prefix(200))")
            #expect(uploaded.body == "got 10000 bytes")
        }
    }
}
