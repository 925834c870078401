/// A user-defined segment as written in a rules file, before it is checked against the field list.
package struct SegmentRule: Equatable {
    package var name: String
    package var line: Int
    package var description: String?
    package var descriptionZh: String?
    package var service: String?
    package var serviceZh: String?
    package var condition: RuleCondition
}

/// A condition of a rule: a comparison, or a group of conditions.
package indirect enum RuleCondition: Equatable {
    case all([RuleCondition])
    case any([RuleCondition])
    /// True when its conditions are not all true.
    case not([RuleCondition])
    case comparison(field: String, op: RuleOperator, values: [String], line: Int)
}

package enum RuleOperator: String, CaseIterable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case isIn = "in", notIn = "not in", contains = "contains"

    /// Longest first, so `<=` is not read as `<` and `not in` not as a field named `not`.
    package static let spellings: [RuleOperator] = [.notIn, .lessOrEqual, .greaterOrEqual, .notEqual, .equal, .less, .greater, .isIn, .contains]
}

/// A rules file that cannot be used: the file, the line, what is wrong, what to write instead.
public struct RuleError: UserFacingError, Equatable {
    public var file: String
    public var line: Int
    public var problem: Text

    public func message(_ language: Language) -> String { "\(file):\(line): " + problem(language) }

    package init(file: String, line: Int, problem: Text) {
        self.file = file
        self.line = line
        self.problem = problem
    }
}
