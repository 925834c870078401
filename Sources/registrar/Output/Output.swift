import Foundation
import RegistrarKit

/// Prints a result in the format the user asked for.
enum Output {
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        Console.write(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
    }

    /// A table for people (aligned by display width) or CSV for spreadsheets, from the same rows.
    static func rows(headers: [String], _ rows: [[String]], format: OutputFormat) {
        switch format {
        case .csv:
            Console.write(([headers] + rows).map(CSVField.record).joined())
        default:
            Console.write(TextTable(headers: headers, rows: rows).render())
        }
    }
}
