import CRegistrar
import Foundation
import RegistrarModel

/// SHA-256 (FIPS 180-4), to record exactly which file an import batch read.
///
/// Foundation on Linux has no digest API and swift-crypto would add a dependency for one function.
/// Where the processor has the SHA extensions, the blocks go through them (CRegistrar): a 150 MiB
/// roster then hashes in about a sixth of the time the portable Swift rounds below take.
public struct SHA256 {
    /// How the blocks are compressed: both give the same digest, which the tests check.
    package enum Implementation {
        case portable
        case hardware

        package static let hardwareIsAvailable = registrar_sha256_hardware_available() != 0
        package static let fastest: Implementation = hardwareIsAvailable ? .hardware : .portable
    }

    private let implementation: Implementation
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
        (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    /// The 64 round constants: CRegistrar's table, which the SHA extensions use too.
    private static var k: UnsafePointer<UInt32> { registrar_sha256_round_constants() }

    public init() {
        self.init(implementation: .fastest)
    }

    package init(implementation: Implementation) {
        self.implementation = implementation
        pending.reserveCapacity(64)
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        length &+= UInt64(bytes.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            offset = take
            if pending.count == 64 {
                pending.withUnsafeBytes { compress($0.baseAddress!, blocks: 1) }
                pending.removeAll(keepingCapacity: true)
            }
        }
        let blocks = (bytes.count - offset) / 64
        if blocks > 0 {
            compress(bytes.baseAddress! + offset, blocks: blocks)
            offset += blocks * 64
        }
        if offset < bytes.count { pending.append(contentsOf: bytes[offset...]) }
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    public mutating func finalize() -> String {
        let bitLength = length &* 8
        var tail: [UInt8] = [0x80]
        while (pending.count + tail.count) % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        let savedLength = length
        update(tail)
        length = savedLength
        let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for word in words {
            for shift in stride(from: 28, through: 0, by: -4) { out.append(hex[Int((word >> UInt32(shift)) & 0xF)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func compress(_ start: UnsafeRawPointer, blocks: Int) {
        switch implementation {
        case .hardware:
            // A homogeneous tuple is laid out as contiguous elements, which is what the C side takes.
            withUnsafeMutableBytes(of: &state) { words in
                registrar_sha256_hardware_blocks(
                    words.baseAddress!.assumingMemoryBound(to: UInt32.self),
                    start.assumingMemoryBound(to: UInt8.self), blocks)
            }
        case .portable:
            for block in 0..<blocks { compressPortably(start + block * 64) }
        }
    }

    private mutating func compressPortably(_ block: UnsafeRawPointer) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for i in 0..<16 {
                let b = block + i * 4
                w[i] = UInt32(b.load(as: UInt8.self)) << 24 | UInt32(b.load(fromByteOffset: 1, as: UInt8.self)) << 16
                    | UInt32(b.load(fromByteOffset: 2, as: UInt8.self)) << 8 | UInt32(b.load(fromByteOffset: 3, as: UInt8.self))
            }
            for i in 16..<64 {
                let s0 = w[i - 15].rotatedRight(7) ^ w[i - 15].rotatedRight(18) ^ (w[i - 15] >> 3)
                let s1 = w[i - 2].rotatedRight(17) ^ w[i - 2].rotatedRight(19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = state
            let k = SHA256.k
            for i in 0..<64 {
                let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
                let ch = (e & f) ^ (~e & g)
                let t1 = h &+ s1 &+ ch &+ k[i] &+ w[i]
                let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
                let maj = (a & b) ^ (a & c) ^ (b & c)
                let t2 = s0 &+ maj
                (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
            }
            state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d,
                     state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h)
        }
    }
}

extension UInt32 {
    @inline(__always) package func rotatedRight(_ count: UInt32) -> UInt32 {
        (self >> count) | (self << (32 - count))
    }
}

/// The SHA-256 of a whole file, read in fixed chunks so memory does not grow with it.
public enum FileDigest {
    public static func sha256(path: String, displayName: String) throws -> String {
        var digest = SHA256()
        try RawFile(path: path, displayName: displayName).forEachChunk { digest.update($0); return true }
        return digest.finalize()
    }
}

/// A file's SHA-256 computed on a thread of its own, so an import hashes the file on the second core
/// while it reads the rows on the first (a 150 MiB roster: about 0.1 s with the SHA extensions, 0.8 s without).
package final class BackgroundDigest: @unchecked Sendable {
    // Written once by the hashing thread before it signals `done`, read only after waiting on it.
    private var result: Result<String, any Error>?
    private let done = DispatchSemaphore(value: 0)

    package init(path: String, displayName: String) {
        let thread = Thread { [self] in
            result = Result { try FileDigest.sha256(path: path, displayName: displayName) }
            done.signal()
        }
        thread.start()
    }

    /// What the batch row holds until the digest is known, within the import's own transaction.
    package static let placeholder = String(repeating: "0", count: 64)

    /// Waits for the digest; rethrows a read error from the hashing thread.
    package func value() throws -> String {
        done.wait()
        done.signal() // a later call must not block
        return try result!.get()
    }
}
