import RegistrarModel
/// 统一社会信用代码 under GB 32100-2015: 17 characters and a weighted mod-31 check character.
public enum CreditCode {
    package static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
    package static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// The canonical upper-case code, or nil when it is not a valid code.
    public static func validate(_ text: String) -> String? {
        let bytes = Array(text.uppercased().utf8)
        guard bytes.count == 18 else { return nil }
        var sum = 0
        for index in 0..<17 {
            guard let value = alphabet.firstIndex(of: bytes[index]) else { return nil }
            sum += value * weights[index]
        }
        let check = (31 - sum % 31) % 31
        return alphabet[check] == bytes[17] ? String(decoding: bytes, as: UTF8.self) : nil
    }
}

/// ORCID iDs: 16 characters, the last an ISO 7064 MOD 11-2 check character.
public enum ORCID {
    /// The canonical `0000-0002-1825-0097` form, or nil; accepts an https://orcid.org/ prefix and no hyphens.
    public static func validate(_ text: String) -> String? {
        var body = text.uppercased()
        for prefix in ["HTTPS://ORCID.ORG/", "HTTP://ORCID.ORG/", "ORCID.ORG/"] where body.hasPrefix(prefix) {
            body.removeFirst(prefix.count)
        }
        let characters = Array(body.utf8.filter { $0 != UInt8(ascii: "-") })
        guard characters.count == 16 else { return nil }
        var total = 0
        for byte in characters.prefix(15) {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            total = (total + Int(byte - 0x30)) * 2
        }
        let result = (12 - total % 11) % 11
        let check: UInt8 = result == 10 ? UInt8(ascii: "X") : UInt8(0x30 + result)
        guard characters[15] == check else { return nil }
        let digits = String(decoding: characters, as: UTF8.self)
        return stride(from: 0, to: 16, by: 4).map { offset in
            String(digits[digits.index(digits.startIndex, offsetBy: offset)..<digits.index(digits.startIndex, offsetBy: offset + 4)])
        }.joined(separator: "-")
    }
}
