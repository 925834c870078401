import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small blocking HTTP/1.1 client over one keep-alive loopback connection, for load without a
/// client library: enough for `registrar serve`'s answers (Content-Length bodies).
final class HTTPClient {
    struct Answer {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]

        func header(_ name: String) -> [String] { headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1) }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    let port: Int
    private var socket: Int32 = -1
    private var buffer: [UInt8] = []
    var cookies: [String: String] = [:]

    init(port: Int) { self.port = port }
    deinit { if socket >= 0 { close(socket) } }

    private func connectIfNeeded() throws {
        guard socket < 0 else { return }
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw BenchError("connect to 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        socket = fd
        buffer = []
    }

    func get(_ path: String) throws -> Answer { try send("GET", path, body: nil, contentType: nil) }

    func post(_ path: String, form: [String: String]) throws -> Answer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
        return try send("POST", path, body: Array(body.utf8), contentType: "application/x-www-form-urlencoded")
    }

    func send(_ method: String, _ path: String, body: [UInt8]?, contentType: String?) throws -> Answer {
        try connectIfNeeded()
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
        if !cookies.isEmpty { request += "Cookie: " + cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") + "\r\n" }
        if let contentType { request += "Content-Type: \(contentType)\r\n" }
        request += "Content-Length: \(body?.count ?? 0)\r\n\r\n"
        var bytes = Array(request.utf8) + (body ?? [])
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return Glibc.send(socket, base + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
            }
            guard n > 0 else { throw reset("send") }
            sent += n
        }
        bytes = []
        let head = try readUntilHeadersEnd()
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw BenchError("bad status line '\(lines[0])'") }
        var headers: [(String, String)] = []
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let length = headers.first { $0.0.lowercased() == "content-length" }.flatMap { Int($0.1) } ?? 0
        let answerBody = try read(count: length)
        let answer = Answer(status: status, headers: headers, body: answerBody)
        for cookie in answer.header("set-cookie") {
            let pair = cookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if pair.count == 2 { cookies[String(pair[0])] = pair[1].isEmpty ? nil : String(pair[1]) }
        }
        return answer
    }

    private func reset(_ what: String) -> BenchError {
        close(socket)
        socket = -1
        return BenchError("\(what): connection closed")
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let n = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { throw reset("recv") }
        buffer.append(contentsOf: chunk[0..<n])
    }

    private func readUntilHeadersEnd() throws -> [UInt8] {
        while true {
            if buffer.count >= 4 {
                for index in 0...(buffer.count - 4) where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
                    let head = Array(buffer[0..<index])
                    buffer.removeFirst(index + 4)
                    return head
                }
            }
            try fill()
        }
    }

    private func read(count: Int) throws -> [UInt8] {
        while buffer.count < count { try fill() }
        let body = Array(buffer[0..<count])
        buffer.removeFirst(count)
        return body
    }
}
