import RegistrarModel
import RegistrarInput
/// The condition a member search by part of a name or the beginning of a member number puts on
/// `member m`: exactly `m.name LIKE '%q%' OR m.member_no LIKE 'q%'` (SQLite's LIKE, ASCII letters
/// in either case), with the candidates found through indexes where they can be.
///
/// - A fragment of three or more characters is looked up in the trigram index `member_name_fts`
///   (migration v7) as a phrase, which matches every name holding it and perhaps a few more (it folds
///   case beyond ASCII); the LIKE then keeps exactly the right ones.
/// - The member-number prefix is read from the member-number index as ranges, one for each way of
///   writing its ASCII letters in upper or lower case (up to four letters; with more, LIKE reads the
///   member-number index). A fragment of one or two characters reads the whole table, as LIKE does.
struct NameSearch {
    let condition: String
    let arguments: [String]

    /// Above this many letters in a prefix, its case variants are not worth a range each.
    static let maximumPrefixLetters = 4

    init(_ query: String) {
        let escaped = Registry.likeEscaped(query)
        let exact = "(m.name LIKE ? ESCAPE '\\' OR m.member_no LIKE ? ESCAPE '\\')"
        let exactArguments = ["%" + escaped + "%", escaped + "%"]
        guard query.unicodeScalars.count >= 3 else {
            condition = exact
            arguments = exactArguments
            return
        }
        let numbers: String, numberArguments: [String]
        if let variants = Self.caseVariants(query) {
            numbers = variants.map { _ in "(member_no >= ? AND member_no < ?)" }.joined(separator: " OR ")
            numberArguments = variants.flatMap { [$0, $0 + "\u{10FFFF}"] }
        } else {
            // Too many spellings: LIKE over the member-number index alone, still not the whole table.
            numbers = "member_no LIKE ? ESCAPE '\\'"
            numberArguments = [escaped + "%"]
        }
        condition = """
            m.id IN (SELECT rowid FROM member_name_fts WHERE member_name_fts MATCH ? \
            UNION ALL SELECT id FROM member WHERE \(numbers)) AND \(exact)
            """
        arguments = [Self.phrase(query)] + numberArguments + exactArguments
    }

    /// An FTS5 phrase holding the text literally.
    static func phrase(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Every spelling of `text` with its ASCII letters in either case, which SQLite's LIKE does not
    /// tell apart; nil when there would be more than 2^`maximumPrefixLetters`.
    static func caseVariants(_ text: String) -> [String]? {
        var variants = [""]
        var letters = 0
        for scalar in text.unicodeScalars {
            let lower = Character(scalar).lowercased(), upper = Character(scalar).uppercased()
            if scalar.isASCII && lower != upper {
                letters += 1
                if letters > maximumPrefixLetters { return nil }
                variants = variants.flatMap { [$0 + lower, $0 + upper] }
            } else {
                variants = variants.map { $0 + String(scalar) }
            }
        }
        return variants
    }
}
