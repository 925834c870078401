@testable import RegistrarModel

/// Days written as `"2018-12-31"` in tests; a literal that is not a day stops the test run at once.
extension Day: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        guard let day = Day(iso: value) else { preconditionFailure("\(value) is not a YYYY-MM-DD day") }
        self = day
    }
}
