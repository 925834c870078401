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

extension Masking {
    /// Masks everything in `text` shaped like an identity number: a run of 15 or more digits (the
    /// old 15-digit form, the 18-character GB 11643 form with its last character a digit or `X`, and
    /// longer runs, which may hide one), full-width digits included. Shorter runs, such as phone
    /// numbers and member numbers, are left as they are.
    public static func identityShaped(in text: String) -> String {
        let characters = Array(text)
        func isDigit(_ character: Character) -> Bool {
            character.isNumber && (character.wholeNumberValue.map { (0...9).contains($0) } ?? false)
        }
        var output = ""
        var index = 0
        while index < characters.count {
            guard isDigit(characters[index]) else {
                output.append(characters[index])
                index += 1
                continue
            }
            var end = index
            while end < characters.count, isDigit(characters[end]) { end += 1 }
            if end < characters.count, characters[end] == "X" || characters[end] == "x" || characters[end] == "Ｘ" { end += 1 }
            let run = String(characters[index..<end])
            output += end - index >= 15 ? identityNumber(run) : run
            index = end
        }
        return output
    }
}

/// Text from outside (a file's values, a file name, a user's key) made safe to put in a message, a
/// warning, a rejection reason or the audit log: anything shaped like an identity number is masked,
/// and control characters are written as escapes, so one line stays one line and no escape sequence
/// reaches the terminal.
public enum Sanitized {
    public static func message(_ text: String) -> String {
        escapingControls(Masking.identityShaped(in: text))
    }

    public static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var output = ""
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                output.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default: output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return output
    }

    /// C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional overrides
    /// that reorder what a terminal shows.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
