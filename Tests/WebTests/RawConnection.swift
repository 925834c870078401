import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One TCP connection to a server on this machine, written and read as bytes, so a test can send
/// what no HTTP client would (a request that never ends, a line too long) and see exactly what comes
/// back. Every read has a deadline: a server that holds the connection makes the test fail, not hang.
final class RawConnection: @unchecked Sendable {
    private let descriptor: Int32

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else {
            close(descriptor)
            throw Failure(description: "connect to 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(descriptor) }

    /// Sends all of `text`; false if the server has closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            bytes = bytes.dropFirst(sent)
        }
        return true
    }

    struct Received {
        var text: String
        /// The server closed the connection (or reset it) before the deadline.
        var closed: Bool

        var statusLine: String { text.components(separatedBy: "\r\n").first ?? "" }
        var body: String { text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? "" }
    }

    /// Reads until the server closes the connection or `seconds` pass without it.
    func receive(within seconds: Double) async -> Received {
        await receive(until: nil, within: seconds)
    }

    /// Reads until `marker` has arrived (if one is given), the server closes, or `seconds` pass.
    ///
    /// The read blocks a thread of its own, never one of Swift's few cooperative threads, which the
    /// server under test needs to answer.
    func receive(until marker: String?, within seconds: Double) async -> Received {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: self.blockingReceive(until: marker, within: seconds)) }
        }
    }

    private func blockingReceive(until marker: String?, within seconds: Double) -> Received {
        let deadline = Date().addingTimeInterval(seconds)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while marker.map({ !String(decoding: data, as: UTF8.self).contains($0) }) ?? true {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { break }
            var wait = timeval(tv_sec: Int(left), tv_usec: __suseconds_t((left - Double(Int(left))) * 1_000_000))
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                return Received(text: String(decoding: data, as: UTF8.self), closed: true)
            }
        }
        return Received(text: String(decoding: data, as: UTF8.self), closed: false)
    }
}
