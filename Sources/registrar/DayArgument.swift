import ArgumentParser
import RegistrarKit

/// How a day or month flag reads its value: `@Option(transform: DayArgument.day)`. A value that is
/// not one gets the parser's line naming the flag, followed by the forms it takes, in the person's
/// language: `Error: The value '2018-13-01' is invalid for '--as-of <as-of>': not a day …`.
enum DayArgument {
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    static func day(_ text: String) throws -> Day {
        guard let day = DateFlag.day(text) else { throw Refusal(description: DateFlag.dayForms(GlobalOptions.requestedLanguage)) }
        return day
    }

    static func month(_ text: String) throws -> YearMonth {
        guard let month = DateFlag.month(text) else { throw Refusal(description: DateFlag.monthForms(GlobalOptions.requestedLanguage)) }
        return month
    }
}
