import RegistrarModel
/// Reads the dates rosters hold: `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D`, `YYYYMMDD`, `YYYY年M月D日`,
/// month-only `YYYY-MM`, `YYYY/M`, `YYYY.M`, `YYYY年M月`, and Excel's `YYYY-MM-DD HH:MM[:SS]`.
/// Works on normalised bytes (NFKC has already made full-width digits ASCII).
public enum DateParser {
    public enum Parsed: Equatable {
        case day(Day)
        case month(year: Int, month: Int)
    }

    public static let formatsText = Text(
        en: "use YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYYMMDD or YYYY年M月D日",
        zh: "请使用 YYYY-MM-DD、YYYY/M/D、YYYY.M.D、YYYYMMDD 或 YYYY年M月D日")

    public static func parse(_ bytes: UnsafeRawBufferPointer) -> Parsed? {
        var numbers: [Int] = []
        numbers.reserveCapacity(3)
        var current = -1
        var digitsInCurrent = 0
        var i = 0
        let n = bytes.count
        var separators = 0
        while i < n {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                current = (current < 0 ? 0 : current) * 10 + Int(b - 0x30)
                digitsInCurrent += 1
                guard digitsInCurrent <= 8 else { return nil }
                i += 1
                continue
            }
            if current >= 0 {
                numbers.append(current)
                current = -1
                digitsInCurrent = 0
            }
            if b == 0x20 || b == 0x54 { break } // a time follows: ignore it
            if b == 0x2D || b == 0x2F || b == 0x2E {
                separators += 1
                i += 1
            } else if b == 0xE5, i + 2 < n, bytes[i + 1] == 0xB9, bytes[i + 2] == 0xB4 { // 年
                i += 3
            } else if b == 0xE6, i + 2 < n, bytes[i + 1] == 0x9C, bytes[i + 2] == 0x88 { // 月
                i += 3
            } else if b == 0xE6, i + 2 < n, bytes[i + 1] == 0x97, bytes[i + 2] == 0xA5 { // 日
                i += 3
            } else {
                return nil
            }
        }
        if current >= 0 { numbers.append(current) }
        if numbers.count == 1 {
            let value = numbers[0]
            guard digitsInCurrent == 8 || (n >= 8 && value >= 10_000_000) else { return nil }
            numbers = [value / 10000, value / 100 % 100, value % 100]
        }
        guard numbers.count == 2 || numbers.count == 3, (1000...9999).contains(numbers[0]) else { return nil }
        if numbers.count == 2 {
            guard (1...12).contains(numbers[1]) else { return nil }
            return .month(year: numbers[0], month: numbers[1])
        }
        guard let day = Day(year: numbers[0], month: numbers[1], day: numbers[2]) else { return nil }
        return .day(day)
    }

    public static func parse(_ text: String) -> Parsed? {
        var text = text
        return text.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }
}
