/// A day or a month typed on the command line (`--as-of`, `--on`, `--since`, `--month`): the same
/// forms a roster's dates take (`2018-12-31`, `2018/12/31`, `20181231`, `2018年12月31日`, full-width
/// digits too), for years 1900 to 9999 only, since no registry holds a day outside them.
public enum DateFlag {
    public static let years = 1900...9999

    public static func day(_ text: String) -> Day? {
        guard case .day(let day) = DateParser.parse(FieldNormalizer.normalize(text)), years.contains(day.year) else { return nil }
        return day
    }

    /// `2018-12`, `2018/12`, `2018.12` or `2018年12月`.
    public static func month(_ text: String) -> YearMonth? {
        guard case .month(let year, let month) = DateParser.parse(FieldNormalizer.normalize(text)), years.contains(year) else {
            return nil
        }
        return YearMonth(year: year, month: month)
    }

    public static let dayForms = Text(
        en: "not a day from 1900 to 9999; use YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYYMMDD or YYYY年M月D日, e.g. 2018-12-31",
        zh: "不是 1900 至 9999 年间的日期；请使用 YYYY-MM-DD、YYYY/M/D、YYYY.M.D、YYYYMMDD 或 YYYY年M月D日，例如 2018-12-31")

    public static let monthForms = Text(
        en: "not a month from 1900 to 9999; use YYYY-MM, YYYY/M, YYYY.M or YYYY年M月, e.g. 2018-12",
        zh: "不是 1900 至 9999 年间的月份；请使用 YYYY-MM、YYYY/M、YYYY.M 或 YYYY年M月，例如 2018-12")
}
