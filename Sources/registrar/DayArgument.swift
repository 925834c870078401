import ArgumentParser
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

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

/// The day of a command that reads the registry on a day. Each documents one spelling (`count
/// --as-of`, `registration status --on`, as DESIGN.md lists them) and also takes the other, hidden,
/// so staff need not remember which; given both, they must name the same day.
enum DayFlagPair {
    static func day(_ documented: Day?, _ other: Day?, names: (documented: String, other: String)) throws -> Day? {
        if let documented, let other, documented != other {
            throw ValidationError(Text(en: "\(names.documented) and \(names.other) name different days (\(documented.iso), \(other.iso)); give one",
                                       zh: "\(names.documented) 与 \(names.other) 给出的日期不同（\(documented.iso)、\(other.iso)）；请只给一个")(GlobalOptions.requestedLanguage))
        }
        return documented ?? other
    }
}
