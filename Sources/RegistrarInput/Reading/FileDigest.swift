import Crypto
import Foundation
import RegistrarModel

/// SHA-256 (FIPS 180-4), to record exactly which file an import batch read: swift-crypto's, which on
/// Linux is BoringSSL's, with the processor's SHA extensions where it has them.
public enum FileDigest {
    /// The SHA-256 of a whole file, read in fixed chunks so memory does not grow with it.
    public static func sha256(path: String, displayName: String) throws -> String {
        try sha256(of: RawFile(path: path, displayName: displayName))
    }

    /// The SHA-256 of the file `file` opened, refused (`RawFile.changed`) if it changed meanwhile.
    package static func sha256(of file: RawFile) throws -> String {
        var digest = Crypto.SHA256()
        try file.forEachChunk { digest.update(bufferPointer: $0); return true }
        try file.refuseIfChanged(since: file.opened)
        return hex(digest.finalize())
    }

    /// A digest as the registry writes it: 64 lower-case hexadecimal digits.
    public static func hex(_ digest: SHA256Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(SHA256Digest.byteCount * 2)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A file's SHA-256 computed on a thread of its own, so an import hashes the file on the second core
/// while it reads the rows on the first.
package final class BackgroundDigest: @unchecked Sendable {
    // Written once by the hashing thread before it signals `done`, read only after waiting on it.
    private var result: Result<String, any Error> = .success("")
    private let done = DispatchSemaphore(value: 0)

    /// The file as it was when hashed; an import reads the rows of that file, or none.
    private var hashedVersion = RawFile.Version()

    private let displayName: String

    package init(path: String, displayName: String) {
        self.displayName = displayName
        let thread = Thread { [self] in
            result = Result {
                let file = try RawFile(path: path, displayName: displayName)
                hashedVersion = file.opened
                return try FileDigest.sha256(of: file)
            }
            done.signal()
        }
        thread.start()
    }

    /// The digest of the file as it was in `version`, the one the import read; `RawFile.changed`
    /// when what was hashed is another state of the file (replaced or rewritten meanwhile).
    package func value(of version: RawFile.Version) throws -> String {
        let digest = try value()
        guard hashedVersion == version else { throw RawFile.changed(displayName) }
        return digest
    }

    /// What the batch row holds until the digest is known, within the import's own transaction.
    package static let placeholder = String(repeating: "0", count: 64)

    /// Waits for the digest; rethrows a read error from the hashing thread.
    package func value() throws -> String {
        done.wait()
        done.signal() // a later call must not block
        return try result.get()
    }
}
