/// How whole numbers are written in human output, the same in English and Chinese.
public enum NumberText {
    /// Digits grouped in threes with commas, as both languages print member counts: `115,000`.
    public static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return number < 0 ? "-" + result : result
    }

    /// A value held in hundredths written with exactly two decimals: 1500 is `15.00`, -325 is `-3.25`.
    ///
    /// - Parameter grouped: group the whole part in threes (`1,000.00`), for people; scripts get plain digits.
    public static func twoDecimals(hundredths: Int, grouped: Bool = false) -> String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = Int(hundredths.magnitude)
        let fraction = magnitude % 100
        let whole = grouped ? Self.grouped(magnitude / 100) : String(magnitude / 100)
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
