/// Masking of identity numbers (身份证号等), which are sensitive personal information under PIPL.
public enum Masking {
    /// `110105********002X`: the first six and the last four characters, eight asterisks between.
    ///
    /// Shorter numbers (passports) keep at most their first two and last two characters.
    public static func identityNumber(_ number: String) -> String {
        let characters = Array(number)
        if characters.count >= 15 {
            return String(characters.prefix(6)) + "********" + String(characters.suffix(4))
        }
        if characters.count >= 6 {
            return String(characters.prefix(2)) + String(repeating: "*", count: characters.count - 4)
                + String(characters.suffix(2))
        }
        return String(repeating: "*", count: characters.count)
    }

    /// A user-typed key made safe to repeat in a message or the audit log.
    ///
    /// A key with eight or more digits could be an identity number, so it is masked; a short
    /// member number or a name fragment is shown as typed.
    public static func safeEcho(_ key: String) -> String {
        key.filter(\.isNumber).count >= 8 ? identityNumber(key) : key
    }
}
