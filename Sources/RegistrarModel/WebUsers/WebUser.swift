/// 网页账户: a person who may sign in to the staff web view (`registrar serve`).
public struct WebUser: Sendable, Equatable {
    public var name: String
    public var role: WebRole
    /// The bcrypt hash of the password; the password itself is never stored.
    public var passwordHash: String
    /// Failed sign-ins since the last good one.
    public var failedLogins: Int
    /// A timestamp (`Timestamp` form) before which sign-ins are refused, after five failures in a row.
    public var lockedUntil: String?
    public var createdAt: String
    public var passwordChangedAt: String

    package init(name: String, role: WebRole, passwordHash: String, failedLogins: Int, lockedUntil: String? = nil, createdAt: String, passwordChangedAt: String) {
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.failedLogins = failedLogins
        self.lockedUntil = lockedUntil
        self.createdAt = createdAt
        self.passwordChangedAt = passwordChangedAt
    }
}

/// What a web user may see and do; each role has everything the one below it has.
public enum WebRole: String, Sendable, CaseIterable, Comparable {
    /// The dashboard and the reports.
    case viewer
    /// Also members, imports, integrity, segments and exports.
    case staff
    /// Also identity numbers in clear (audited), settings, users and the audit log.
    case admin

    package var rank: Int {
        switch self {
        case .viewer: 0
        case .staff: 1
        case .admin: 2
        }
    }

    public static func < (lhs: WebRole, rhs: WebRole) -> Bool { lhs.rank < rhs.rank }

    public var label: Text {
        switch self {
        case .viewer: Text(en: "viewer", zh: "查看者")
        case .staff: Text(en: "staff", zh: "工作人员")
        case .admin: Text(en: "admin", zh: "管理员")
        }
    }
}

/// Why a change to the web accounts did not happen; nothing changed.
public struct WebUserError: UserFacingError, Equatable {
    public var problem: Text
    public init(problem: Text) { self.problem = problem }
    public func message(_ language: Language) -> String { problem(language) }

    package static func unknown(_ name: String) -> WebUserError {
        WebUserError(problem: Text(en: "there is no web user '\(name)'; see 'registrar users list'",
                                   zh: "没有网页用户“\(name)”；请用 'registrar users list' 查看"))
    }
}

/// The outcome of one sign-in attempt, after the lock rule is applied.
public enum LoginOutcome: Sendable, Equatable {
    case signedIn(WebUser)
    /// Wrong name or password (the two are not told apart).
    case refused
    /// Too many failures in a row; sign-ins are refused until the timestamp.
    case locked(until: String)
}

/// The first step of a sign-in (`Registry.signInCheck`).
public enum SignInCheck: Sendable, Equatable {
    /// No account has the name; `hashCost` is the bcrypt cost of the accounts' newest hash (nil when
    /// there are none), for a decoy check as slow as a real one.
    case unknown(hashCost: UInt8?)
    /// The account is locked until this time (`YYYY-MM-DDTHH:MM:SS…`).
    case locked(until: String)
    /// The password is to be checked against this bcrypt hash.
    case verify(hash: String)

    /// The cost in a bcrypt hash (`$2b$12$…` is 12); nil when it is not one.
    public static func bcryptCost(_ hash: String) -> UInt8? {
        let parts = hash.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count >= 4, parts[0].isEmpty, parts[1].hasPrefix("2"), parts[2].count == 2,
              let cost = UInt8(parts[2]), (4...31).contains(cost) else { return nil }
        return cost
    }
}
