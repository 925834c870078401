/// Writes RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled.
public enum CSVWriter {
    public static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    public static func document(headers: [String], rows: [[String]]) -> String {
        ([headers] + rows).map(line).joined()
    }
}
