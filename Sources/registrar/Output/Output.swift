import Foundation
import RegistrarKit

/// Prints a result in the format the user asked for.
enum Output {
    /// JSON in the one style every command uses (`JSONText`): pretty-printed, keys sorted.
    static func json<T: Encodable>(_ value: T) throws {
        Console.write(try JSONText.encode(value))
    }

    /// A table for people (aligned by display width) or CSV for spreadsheets, from the same rows.
    ///
    /// - Parameter keys: the CSV header, the same in every language (snake_case, as the JSON keys),
    ///   since scripts read columns by it; the headings are for people.
    static func rows(headers: [String], keys: [String]? = nil, _ rows: [[String]], format: OutputFormat) {
        switch format {
        case .csv:
            Console.write(([keys ?? headers] + rows).map(CSVField.record).joined())
        default:
            Console.write(TextTable(headers: headers, rows: rows).render())
        }
    }
}
