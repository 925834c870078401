import Foundation

/// A calendar day in the society's local calendar, with no time and no time zone.
///
/// Membership is counted per day (a member counts on D when the period started on or before D and
/// has not ended by D), so days, not instants, are the unit of every rule.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the canonical `YYYY-MM-DD` form only; rosters go through the lenient date parser.
    public init?(iso text: String) {
        var text = text
        guard let day = text.withUTF8({ Day(isoBytes: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = day
    }

    /// `YYYY-MM-DD` from its bytes (a stored column, read where it lies), checked as `init?(iso:)`.
    public init?(isoBytes bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Lends the day's `YYYY-MM-DD` bytes for the length of `body`, with no allocation.
    public func withISOBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var digits: (UInt64, UInt16) = (0, 0)
        return try withUnsafeMutableBytes(of: &digits) { buffer in
            buffer[0] = UInt8(48 + year / 1000 % 10)
            buffer[1] = UInt8(48 + year / 100 % 10)
            buffer[2] = UInt8(48 + year / 10 % 10)
            buffer[3] = UInt8(48 + year % 10)
            buffer[4] = 45
            buffer[5] = UInt8(48 + month / 10)
            buffer[6] = UInt8(48 + month % 10)
            buffer[7] = 45
            buffer[8] = UInt8(48 + day / 10)
            buffer[9] = UInt8(48 + day % 10)
            return try body(UnsafeRawBufferPointer(rebasing: buffer[0..<10]))
        }
    }

    /// `YYYY-MM-DD`, from `withISOBytes`'s digits: `String(format:)` costs more than a row's database
    /// work, and ten bytes make a small string, with no allocation (an import formats a few per row).
    public var iso: String {
        withISOBytes { String(decoding: $0, as: UTF8.self) }
    }

    public var description: String { iso }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// A day whose parts are known to be a date (derived from another `Day`, or a fixed month and
    /// day of a year): no check, so no failure path where none can arise.
    package init(derivedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The years a day given on the command line or in a setting may fall in; outside them a
    /// flag or setting is refused where it is parsed, so nothing downstream meets year 0 or 10000.
    public static let acceptedYears = 1900...9999

    /// Today in the machine's time zone (set `TZ` to the society's, e.g. Asia/Shanghai).
    public static func today() -> Day {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return Day(derivedYear: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }

    /// The last day of a year: the date every year-end count (G1, B1) is taken on.
    public static func endOfYear(_ year: Int) -> Day {
        Day(derivedYear: year, month: 12, day: 31)
    }

    /// The first day of a year.
    public static func startOfYear(_ year: Int) -> Day {
        Day(derivedYear: year, month: 1, day: 1)
    }

    /// The same day of the month `count` months later (earlier when negative), or the month's last
    /// day when it is shorter: 2020-02-29 one year back is 2019-02-28, 31 March a month on is 30 April.
    public func adding(months count: Int) -> Day {
        let month = YearMonth(self).adding(months: count)
        return Day(derivedYear: month.year, month: month.month, day: min(day, Day.daysIn(month: month.month, year: month.year)))
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for day arithmetic without Foundation.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Completed years (周岁) on this day of someone born on the given date; a birthday on 29 February
    /// counts as passed on 1 March in other years, and a month-only birth date is given day 1.
    public func completedYears(sinceYear year: Int, month: Int, day: Int = 1) -> Int {
        self.year - year - ((self.month, self.day) < (month, day) ? 1 : 0)
    }

    /// Completed years from a stored `YYYY-MM-DD` or `YYYY-MM` birth date; nil when it is neither.
    public func completedYears(since birthDate: String?) -> Int? {
        guard let parts = birthDate?.split(separator: "-").compactMap({ Int($0) }), parts.count >= 2 else { return nil }
        return completedYears(sinceYear: parts[0], month: parts[1], day: parts.count > 2 ? parts[2] : 1)
    }

    public func adding(days: Int) -> Day {
        Day(ordinal: ordinal + days)
    }
}
