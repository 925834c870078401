import Foundation
import RegistrarModel

/// NFKC and trimming of one field: full-width digits and letters become ASCII, the ideographic
/// space (U+3000) and no-break space become spaces, and spaces and tabs at both ends go.
///
/// Most fields are ASCII or plain CJK ideographs, which NFKC leaves as they are; those take a byte
/// path with no `String`. Anything else goes through Foundation's NFKC.
public enum FieldNormalizer {
    /// Appends the normalised field to `output`; returns the range it occupies there.
    @discardableResult
    public static func normalize(_ field: UnsafeRawBufferPointer, into output: inout [UInt8]) -> Range<Int> {
        let start = output.count
        if isStable(field) {
            var low = 0, high = field.count
            while low < high, field[low] == 0x20 || field[low] == 0x09 { low += 1 }
            while high > low, field[high - 1] == 0x20 || field[high - 1] == 0x09 { high -= 1 }
            output.appendBytes(UnsafeRawBufferPointer(rebasing: field[low..<high]))
            return start..<output.count
        }
        let text = String(decoding: field, as: UTF8.self).precomposedStringWithCompatibilityMapping
        let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
        output.append(contentsOf: trimmed.utf8)
        return start..<output.count
    }

    public static func normalize(_ text: String) -> String {
        var output: [UInt8] = []
        var copy = text
        _ = copy.withUTF8 { normalize(UnsafeRawBufferPointer($0), into: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// True when NFKC cannot change the bytes: printable ASCII, U+00B7, and CJK ideographs.
    package static func isStable(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xB7 { i += 2; continue } // U+00B7 middle dot
            guard b >= 0xE3, b <= 0xE9, i + 2 < n else { return false }
            let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
            guard (0x4E00...0x9FFF).contains(scalar) || (0x3400...0x4DBF).contains(scalar) else { return false }
            i += 3
        }
        return true
    }
}

extension Array where Element == UInt8 {
    /// Appends raw bytes with one copy. (`append(contentsOf:)` given an `UnsafeRawBufferPointer`
    /// takes them one at a time, which was a tenth of the reading thread's time in an import.)
    @inline(__always)
    package mutating func appendBytes(_ bytes: UnsafeRawBufferPointer) {
        append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))
    }
}
