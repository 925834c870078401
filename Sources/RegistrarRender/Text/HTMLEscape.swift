import RegistrarModel
/// Escaping of text for HTML and SVG, so a name such as `<A&B>` prints as itself and never as markup.
public enum HTMLEscape {
    /// `text` safe inside element content and inside double- or single-quoted attributes.
    public static func escape(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
