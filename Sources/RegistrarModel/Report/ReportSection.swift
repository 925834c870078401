/// One titled block of a report, the shape shared by its table, CSV and HTML renderings.
///
/// Building a report's sections once and rendering them three ways keeps the terminal,
/// spreadsheet and browser views from disagreeing about a number.
package struct ReportSection: Sendable {
    /// A cell's value, kept typed so each format can write it its own way.
    package enum Value: Sendable {
        case count(Int)
        case year(Int)
        case percent(RoundedPercent?)
        /// A number with two decimals held in hundredths, such as an average.
        case hundredths(Int)
        case setting(Percent)
        case verdict(Bool?)
        case text(Text)
        /// A number that does not exist here, such as a target over a base of zero.
        case missing

        /// `.count`, or `.missing` when there is no count.
        package static func count(_ count: Int?) -> Value {
            count.map(Value.count) ?? .missing
        }

        package var isNumeric: Bool {
            switch self {
            case .count, .year, .percent, .hundredths, .setting, .missing: true
            case .verdict, .text: false
            }
        }

        /// For people: grouped digits, words for verdicts, a dash where no number exists.
        package func display(_ language: Language) -> String {
            switch self {
            case .count(let count): NumberText.grouped(count)
            case .year(let year): String(year)
            case .percent(let percent?): percent.text
            case .hundredths(let value): NumberText.twoDecimals(hundredths: value, grouped: true)
            case .percent(nil), .missing: ReportWords.none(language)
            case .setting(let percent): percent.description
            case .verdict(let verdict): ReportWords.verdict(verdict)(language)
            case .text(let text): text(language)
            }
        }

        /// For spreadsheets and scripts: plain digits, `true`/`false`, empty where undefined.
        package func machine(_ language: Language) -> String {
            switch self {
            case .count(let count), .year(let count): String(count)
            case .percent(let percent?): percent.text
            case .hundredths(let value): NumberText.twoDecimals(hundredths: value)
            case .percent(nil), .verdict(nil), .missing: ""
            case .setting(let percent): percent.description
            case .verdict(let verdict?): verdict ? "true" : "false"
            case .text(let text): text(language)
            }
        }
    }

    /// A row: a stable key for scripts, a label for people, then the values.
    package struct Row: Sendable {
        package let key: String
        package let label: Text
        package let values: [Value]
    }

    package let key: String
    package let title: Text
    /// Headings of the label column and of each value column.
    package let headings: [Text]
    package let rows: [Row]
    /// A sentence under the table, such as a verdict's reason.
    package let note: Text?

    package init(key: String, title: Text, headings: [Text], rows: [Row], note: Text? = nil) {
        self.key = key
        self.title = title
        self.headings = headings
        self.rows = rows
        self.note = note
    }

    /// A two-column section of named values.
    package static func items(key: String, title: Text, _ items: [(String, Text, Value)], note: Text? = nil) -> ReportSection {
        ReportSection(key: key, title: title, headings: [ReportWords.item, ReportWords.value],
                      rows: items.map { Row(key: $0.0, label: $0.1, values: [$0.2]) }, note: note)
    }

    /// Whether value column `index` holds numbers, so it is right-aligned.
    ///
    /// One number is enough: a column of counts with a yes/no among them still reads best
    /// aligned on the last digit, and a short word sits fine on the right.
    package func isNumericColumn(_ index: Int) -> Bool {
        rows.contains { index < $0.values.count && $0.values[index].isNumeric }
    }
}
