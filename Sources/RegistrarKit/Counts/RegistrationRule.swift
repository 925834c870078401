/// 年度注册: the society's annual-registration settings (RULES.md R1), as the counting rule reads them.
public struct RegistrationRule: Sendable, Equatable {
    /// The first year registration is required; nil when it never is.
    public var requiredFrom: Int?
    /// A registration for year Y also covers months 1 through `graceMonths` of Y + 1 (0: no grace).
    public var graceMonths: Int
    /// Unregistered years after the last registered one after which a member is treated as
    /// withdrawn (视为自动退会); 0 = never.
    public var lapseYears: Int

    public init(requiredFrom: Int? = nil, graceMonths: Int = 3, lapseYears: Int = 0) {
        self.requiredFrom = requiredFrom
        self.graceMonths = graceMonths
        self.lapseYears = lapseYears
    }

    /// Whether registration decides standing on a day of `year`: only from `requiredFrom` on.
    public func isRequired(in year: Int) -> Bool {
        requiredFrom.map { year >= $0 } ?? false
    }
}
