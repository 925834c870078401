/// 居民身份证号码 under GB 11643-1999: 17 digits and an ISO 7064 MOD 11-2 check character.
public struct ResidentIdentityNumber: Sendable, Equatable {
    /// The canonical form: 18 characters, a check `X` in upper case.
    public let value: String
    /// The birth date the number carries, `YYYY-MM-DD`.
    public let birthDate: String
    /// `M` or `F`, from the parity of the 17th digit.
    public let gender: String

    public enum Problem: Sendable, Equatable {
        case length
        case characters
        case region
        case birthDate
        case checkCharacter
        /// Excel took the number for a number: `4.40106E+17`, or 18 digits whose last three became
        /// `000` (it keeps 15 significant digits) so the check character is wrong.
        case excelNumber
    }

    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

    /// The first two digits a number can start with: the provinces of GB/T 2260 (11 北京 … 65 新疆),
    /// 71 台湾, 81 香港 and 82 澳门, 83 for the residence permits of Taiwan residents, and 91–96 for the
    /// permanent-residence cards of foreigners issued since 2023 (9 and the issuing province's first digit).
    static let regionCodes: Set<Int> = Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
                                            41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
                                            71, 81, 82, 83] + Array(91...96))
    static let checkCharacters = Array("10X98765432".utf8)

    public static func parse(_ bytes: UnsafeRawBufferPointer) -> Result<ResidentIdentityNumber, ProblemBox> {
        guard bytes.count == 18 else { return .failure(ProblemBox(isScientificNotation(bytes) ? .excelNumber : .length)) }
        var sum = 0
        for index in 0..<17 {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return .failure(ProblemBox(.characters)) }
            sum += Int(byte - 0x30) * weights[index]
        }
        var last = bytes[17]
        if last == UInt8(ascii: "x") { last = UInt8(ascii: "X") }
        guard (last >= 0x30 && last <= 0x39) || last == UInt8(ascii: "X") else { return .failure(ProblemBox(.characters)) }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[$1] - 0x30) } }
        guard regionCodes.contains(number(0..<2)) else { return .failure(ProblemBox(.region)) }
        guard let day = Day(year: number(6..<10), month: number(10..<12), day: number(12..<14)) else {
            return .failure(ProblemBox(.birthDate))
        }
        guard checkCharacters[sum % 11] == last else {
            let zeros = bytes[15] == 0x30 && bytes[16] == 0x30 && bytes[17] == 0x30
            return .failure(ProblemBox(zeros ? .excelNumber : .checkCharacter))
        }
        var canonical = Array(bytes)
        canonical[17] = last
        return .success(ResidentIdentityNumber(
            value: String(decoding: canonical, as: UTF8.self), birthDate: day.iso,
            gender: Int(bytes[16] - 0x30) % 2 == 1 ? "M" : "F"))
    }

    /// `4.40106E+17`, `4.40106e17`, `440106E12`: a mantissa of digits (one point at most) and an exponent.
    static func isScientificNotation(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }), e > 0 else { return false }
        let mantissa = bytes[..<e]
        var exponent = bytes[(e + 1)...]
        if exponent.first == UInt8(ascii: "+") { exponent = exponent.dropFirst() }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        return !exponent.isEmpty && exponent.allSatisfy(isDigit) && mantissa.filter { $0 == UInt8(ascii: ".") }.count <= 1
            && mantissa.allSatisfy { isDigit($0) || $0 == UInt8(ascii: ".") } && mantissa.contains(where: isDigit)
    }

    public static func parse(_ text: String) -> Result<ResidentIdentityNumber, ProblemBox> {
        var text = text
        return text.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }

    /// A `Problem` as an `Error`, so `Result` can carry it.
    public struct ProblemBox: Error, Equatable {
        public let problem: Problem
        init(_ problem: Problem) { self.problem = problem }

        public var text: Text {
            switch problem {
            case .length: Text(en: "is not 18 characters long", zh: "不是 18 位")
            case .characters: Text(en: "must be 17 digits followed by a digit or X", zh: "应为 17 位数字加 1 位数字或 X")
            case .region: Text(en: "starts with digits that name no province (GB/T 2260); check the first two digits",
                               zh: "前两位不是任何省级行政区代码（GB/T 2260）；请检查前两位")
            case .birthDate: Text(en: "holds an impossible birth date (characters 7–14)", zh: "第 7–14 位的出生日期不存在")
            case .checkCharacter: Text(en: "has a wrong check character (GB 11643); check the number for a typo",
                                       zh: "校验位不正确（GB 11643）；请检查号码是否录入有误")
            case .excelNumber: Text(
                en: "was converted to a number by Excel, which dropped its last digits; format the column as Text in Excel "
                    + "(or export it again from the member system as text) and import the file again",
                zh: "被 Excel 转换成了数字，末几位已丢失；请在 Excel 中把该列设置为\u{201C}文本\u{201D}格式（或从会员系统重新导出为文本）后再导入")
            }
        }
    }
}
