/// Who sits on one term's board, counted: the inputs of the composition rules (B2, item 2).
public struct BoardComposition: Sendable, Equatable {
    public var directors = 0
    public var standing = 0
    public var grassrootsDirectors = 0
    public var grassrootsStanding = 0
    /// Political status starting 中共 (中共党员, 中共预备党员).
    public var cpc = 0
    /// Aged the society's young age or under on the term's start date.
    public var young = 0
    public var birthUnknown = 0
    public var women = 0
    public var genderUnknown = 0

    public init() {}

    /// Adds one seat. A seat without its own grassroots flag takes the member's; unknown counts as not grassroots.
    package mutating func add(standing isStanding: Bool, grassroots: Bool?, gender: String?, birthDate: String?,
                      politicalStatus: String?, termStart: Day, youngAge: Int) {
        directors += 1
        if isStanding { standing += 1 }
        if grassroots == true {
            grassrootsDirectors += 1
            if isStanding { grassrootsStanding += 1 }
        }
        if politicalStatus?.hasPrefix("中共") == true { cpc += 1 }
        switch gender {
        case "F": women += 1
        case "M": break
        default: genderUnknown += 1
        }
        if let age = Self.age(birthDate: birthDate, on: termStart) {
            if age <= youngAge { young += 1 }
        } else {
            birthUnknown += 1
        }
    }

    /// Whole years of age on `day` ("周岁"); a month-only birth date counts from the first of its month.
    package static func age(birthDate: String?, on day: Day) -> Int? {
        day.completedYears(since: birthDate)
    }
}
