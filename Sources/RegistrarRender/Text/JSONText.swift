import Foundation
import RegistrarModel

/// The one way the tool writes JSON for scripts: sorted keys, so output is stable from run to run.
public enum JSONText {
    /// `value` as pretty-printed JSON text with sorted keys and a final newline.
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
