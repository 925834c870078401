import Foundation
import RegistrarKit

/// A signed-in browser: who, their CSRF token, and when it was last used.
struct WebSession: Sendable, Equatable {
    let token: String
    let user: String
    let csrf: String
    var lastSeen: Int
}

/// The sessions of one running server, in memory (a restart signs everyone out).
///
/// A session expires after `idleSeconds` without a request (DESIGN.md: 8 hours); the clock is
/// injected so tests can move it without waiting.
actor SessionStore {
    enum Lookup: Sendable, Equatable {
        case active(WebSession)
        case expired
        case none
    }

    let idleSeconds: Int
    private let clock: @Sendable () -> Int
    private var sessions: [String: WebSession] = [:]

    init(idleSeconds: Int, clock: @escaping @Sendable () -> Int) {
        self.idleSeconds = idleSeconds
        self.clock = clock
    }

    func create(user: String) -> WebSession {
        let now = clock()
        // Expired sessions are dropped as new ones are made, so the table stays small.
        sessions = sessions.filter { now - $0.value.lastSeen < idleSeconds }
        let session = WebSession(token: Secret.token(), user: user, csrf: Secret.token(), lastSeen: now)
        sessions[session.token] = session
        return session
    }

    /// The session for a cookie's token, its idle time restarted; an expired one is removed.
    func lookup(_ token: String) -> Lookup {
        guard var session = sessions[token] else { return .none }
        let now = clock()
        guard now - session.lastSeen < idleSeconds else {
            sessions[token] = nil
            return .expired
        }
        session.lastSeen = now
        sessions[token] = session
        return .active(session)
    }

    func remove(_ token: String) {
        sessions[token] = nil
    }

    var now: Int { clock() }
}

/// Unguessable tokens for sessions, CSRF and staged imports: 32 bytes from the system's CSPRNG, in hex.
enum Secret {
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let value = generator.next() as UInt64
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// Compares two tokens in time that does not depend on where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
