/// Writing of CSV records by RFC 4180, the format the tool also reads.
public enum CSVField {
    /// A field quoted when it holds a comma, quote, CR or LF, with inner quotes doubled.
    public static func escape(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingQuotes + "\""
    }

    /// One record, fields escaped and joined by commas, ended by CRLF as RFC 4180 asks.
    public static func record(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\r\n"
    }
}

extension String {
    fileprivate var replacingQuotes: String {
        var result = ""
        for character in self {
            if character == "\"" { result += "\"\"" } else { result.append(character) }
        }
        return result
    }
}
