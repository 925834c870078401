import RegistrarModel
/// Why an input file, or one of its rows, cannot be read: where, what, and what to do.
///
/// Messages never carry an identity number in clear; callers pass values through `Masking` first.
public struct InputError: UserFacingError, Equatable {
    public var file: String
    public var line: Int?
    public var column: String?
    public var problem: Text

    public init(file: String, line: Int? = nil, column: String? = nil, problem: Text) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    public func message(_ language: Language) -> String {
        var place = file
        if let line { place += ":\(line)" }
        if let column {
            place += language == .zh ? "：列 '\(column)'" : ": column '\(column)'"
        }
        return place + (language == .zh ? "：" : ": ") + problem(language)
    }
}
