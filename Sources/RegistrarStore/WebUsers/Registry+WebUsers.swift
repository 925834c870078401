import Foundation
import GRDB
import RegistrarModel
import RegistrarInput

extension Registry {
    /// Failures in a row that lock an account, and for how long (DESIGN.md: five, 15 minutes).
    public static let loginFailuresBeforeLock = 5
    public static let loginLockSeconds = 15 * 60

    /// A web user's name: 1 to 64 letters, digits, `.`, `_`, `-` or `@`, so it reads safely anywhere.
    public static func validWebUserName(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "._-@".unicodeScalars.contains($0)
        }
    }

    public func webUsers() throws -> [WebUser] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM web_user ORDER BY name").compactMap(Registry.webUser) }
    }

    public func webUser(named name: String) throws -> WebUser? {
        try read { db in try Registry.webUser(db, named: name) }
    }

    /// `users add`: a new account; refused when the name is taken.
    public func addWebUser(name: String, role: WebRole, passwordHash: String) throws {
        guard Registry.validWebUserName(name) else {
            throw WebUserError(problem: Text(
                en: "'\(Masking.safeEcho(name))' is not a user name; use 1 to 64 letters, digits, '.', '_', '-' or '@'",
                zh: "“\(Masking.safeEcho(name))”不能作用户名；请用 1 到 64 个字母、数字或 . _ - @"))
        }
        try write { db in
            if try Registry.webUser(db, named: name) != nil {
                throw WebUserError(problem: Text(
                    en: "web user '\(name)' already exists; use 'registrar users set-password \(name)' to change the password",
                    zh: "网页用户“\(name)”已存在；修改密码请用 'registrar users set-password \(name)'"))
            }
            let now = Timestamp.now()
            try db.execute(sql: """
                INSERT INTO web_user (name, role, password_hash, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [name, role.rawValue, passwordHash, now, now])
            try Registry.appendAudit(db, .userAdd, subject: name, detail: "role \(role.rawValue)")
        }
    }

    /// `users remove`: the account goes; its sessions are refused from their next request.
    public func removeWebUser(name: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM web_user WHERE name = ?", arguments: [name])
            guard db.changesCount == 1 else { throw WebUserError.unknown(name) }
            try Registry.appendAudit(db, .userRemove, subject: name)
        }
    }

    /// `users set-password`: a new hash, and the account unlocked.
    public func setWebUserPassword(name: String, passwordHash: String) throws {
        try write { db in
            try db.execute(sql: """
                UPDATE web_user SET password_hash = ?, password_changed_at = ?, failed_logins = 0, locked_until = NULL
                WHERE name = ?
                """, arguments: [passwordHash, Timestamp.now(), name])
            guard db.changesCount == 1 else { throw WebUserError.unknown(name) }
            try Registry.appendAudit(db, .userPassword, subject: name, detail: "password changed")
        }
    }

    /// One sign-in attempt at `now` (seconds since 1970): `signInCheck`, then `verify` (the password
    /// against the stored hash, outside any transaction: bcrypt is slow on purpose), then
    /// `recordSignIn`. The web view makes the same three steps with bcrypt on a thread of its own.
    public func attemptLogin(name: String, now: Int, verify: (String) -> Bool) throws -> LoginOutcome {
        switch try signInCheck(name: name, now: now) {
        case .unknown: return .refused
        case .locked(let until): return .locked(until: until)
        case .verify(let hash): return try recordSignIn(name: name, succeeded: verify(hash), now: now)
        }
    }

    /// What a sign-in as `name` at `now` needs: nothing to check (no such account, with the cost of
    /// the accounts' hashes, so the page can spend as long on a decoy), a refusal (locked), or the
    /// password checked against `hash`. A read: it never waits for an import.
    public func signInCheck(name: String, now: Int) throws -> SignInCheck {
        try read { db in
            // A name no account can have is unknown without a look-up: SQLite reads a bound text up
            // to its first NUL, so `staff1\0` (or `staff1\0anything`) found, and signed in, `staff1`.
            guard Registry.validWebUserName(name), let user = try Registry.webUser(db, named: name) else {
                let newest = try String.fetchOne(db, sql: "SELECT password_hash FROM web_user ORDER BY password_changed_at DESC LIMIT 1")
                return .unknown(hashCost: newest.flatMap(SignInCheck.bcryptCost))
            }
            if let until = user.lockedUntil, until > Timestamp.format(seconds: now, nanoseconds: 0) { return .locked(until: until) }
            return .verify(hash: user.passwordHash)
        }
    }

    /// Records the outcome of checking `name`'s password at `now`. The fifth failure in a row locks
    /// the account for `loginLockSeconds`. A success with nothing to reset writes only its audit
    /// entry, which goes through the web view's journal when an import holds the registry (so staff
    /// sign in while an import runs); a failure updates the account's count, and waits its turn.
    public func recordSignIn(name: String, succeeded good: Bool, now: Int) throws -> LoginOutcome {
        let nowStamp = Timestamp.format(seconds: now, nanoseconds: 0)
        if good, let clean = try recordCleanSignIn(name: name) { return .signedIn(clean) }
        return try write { db in
            guard var user = try Registry.webUser(db, named: name) else { return .refused }
            // Locked since this attempt's `signInCheck` (checks queued side by side while others
            // failed): refused whatever the password, and not counted, as a sign-in begun now is.
            // Else a burst of guesses sent together was checked in full past the fifth, and a right
            // one among them signed in and lifted the lock.
            if let until = user.lockedUntil, until > nowStamp { return .locked(until: until) }
            if good {
                try db.execute(sql: "UPDATE web_user SET failed_logins = 0, locked_until = NULL WHERE name = ?", arguments: [name])
                try Actor.$webUser.withValue("web:\(name)") {
                    try Registry.appendAudit(db, .webLogin, subject: name, detail: "signed in")
                }
                user.failedLogins = 0
                user.lockedUntil = nil
                return .signedIn(user)
            }
            // A lock that has run out starts the count again.
            let until = Timestamp.format(seconds: now + Registry.loginLockSeconds, nanoseconds: 0)
            try db.execute(sql: """
                UPDATE web_user SET
                    failed_logins = CASE WHEN locked_until IS NOT NULL AND locked_until <= ? THEN 1 ELSE failed_logins + 1 END,
                    locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= ? THEN NULL ELSE locked_until END
                WHERE name = ?
                """, arguments: [nowStamp, nowStamp, name])
            try db.execute(sql: "UPDATE web_user SET locked_until = ?, failed_logins = 0 WHERE name = ? AND failed_logins >= ?",
                           arguments: [until, name, Registry.loginFailuresBeforeLock])
            if db.changesCount == 1 {
                try Actor.$webUser.withValue("web:\(name)") {
                    try Registry.appendAudit(db, .webLoginLocked, subject: name,
                                             detail: "\(Registry.loginFailuresBeforeLock) failed sign-ins in a row; locked until \(until)")
                }
                return .locked(until: until)
            }
            return .refused
        }
    }

    /// The part of `recordSignIn` for a right password that writes nothing but its audit entry: the
    /// account when it has no failures to reset and no lock, its `web.login` recorded (through the
    /// journal when an import holds the registry); nil when the account must be written.
    public func recordCleanSignIn(name: String) throws -> WebUser? {
        try signInByRead(name: name, detail: "signed in") { $0.failedLogins == 0 && $0.lockedUntil == nil }
    }

    /// A right password when the account's failures cannot be reset now (an import holds the
    /// registry): the account, if it is not locked at `now`, with its `web.login` recorded (through
    /// the journal while the import runs); the failure count stays until a later sign-in resets it.
    public func recordSignInKeepingCount(name: String, now: Int) throws -> WebUser? {
        let nowStamp = Timestamp.format(seconds: now, nanoseconds: 0)
        return try signInByRead(name: name, detail: "signed in (earlier failures kept: the registry was busy)") {
            $0.lockedUntil.map { $0 <= nowStamp } ?? true
        }
    }

    /// A sign-in that writes only its audit entry: the account named, if `allowed` says this read may
    /// sign it in, with `web.login` recorded as the account.
    private func signInByRead(name: String, detail: String, allowed: (WebUser) -> Bool) throws -> WebUser? {
        try auditedRead { db, audit in
            guard Registry.validWebUserName(name), let user = try Registry.webUser(db, named: name), allowed(user) else { return nil }
            Actor.$webUser.withValue("web:\(name)") { audit.append(PendingAudit(.webLogin, subject: name, detail: detail)) }
            return user
        }
    }

    /// This registry's connection made to answer "busy" at once rather than wait for another writer:
    /// for writes that have somewhere else to go when the registry is held (a sign-in's count).
    public func answeringBusyAtOnce() throws -> Registry {
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA busy_timeout = 0") }
        return self
    }

    static func webUser(_ db: Database, named name: String) throws -> WebUser? {
        try Row.fetchOne(db, sql: "SELECT * FROM web_user WHERE name = ?", arguments: [name]).flatMap(webUser)
    }

    static func webUser(_ row: Row) -> WebUser? {
        guard let role = WebRole(rawValue: row["role"]) else { return nil }
        return WebUser(name: row["name"], role: role, passwordHash: row["password_hash"], failedLogins: row["failed_logins"],
                       lockedUntil: row["locked_until"], createdAt: row["created_at"], passwordChangedAt: row["password_changed_at"])
    }
}
