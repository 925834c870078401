/// A member and the whole dossier, for `integrity lookup`.
public struct Dossier: Sendable, Equatable {
    public var profile: MemberProfile
    /// In date order (opened on); empty means "no cases", which is not "no such member".
    public var cases: [IntegrityCase]

    package init(profile: MemberProfile, cases: [IntegrityCase]) {
        self.profile = profile
        self.cases = cases
    }
}

/// The verdict before a nomination, award or board seat: clear, or the sanctions that block it.
public struct IntegrityVerdict: Sendable, Equatable {
    public var memberNo: String?
    public var name: String
    public var on: String
    /// Sanctions in force on the day that block (suspension, expulsion, nomination ban).
    public var blocking: [IntegrityCase]
    /// Pending cases and non-blocking sanctions in force: shown, never blocking on their own.
    public var warnings: [IntegrityCase]

    public var clear: Bool { blocking.isEmpty }

    package init(memberNo: String? = nil, name: String, on: String, blocking: [IntegrityCase], warnings: [IntegrityCase]) {
        self.memberNo = memberNo
        self.name = name
        self.on = on
        self.blocking = blocking
        self.warnings = warnings
    }
}
