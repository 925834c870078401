import Hummingbird
import HummingbirdBcrypt
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

extension WebApp {
    func addAuthRoutes(_ router: Router<WebContext>) {
        router.get("/login") { request, context -> Response in
            if context.user != nil { return Response(status: .seeOther, headers: [.location: "/"]) }
            let flash = request.query("expired") != nil ? WebWords.expired : (request.query("out") != nil ? WebWords.signedOut : nil)
            return self.loginPage(request, context, message: flash, status: .ok)
        }

        router.post("/login") { request, context -> Response in
            let fields = try await FormData.read(request, context: context)
            // Before there is a session, the token is the one the sign-in page set in its own cookie.
            guard let cookie = request.cookies["registrar_login_csrf"]?.value, let sent = fields["csrf_token"],
                  Secret.equal(cookie, sent) else {
                throw WebProblem(status: .forbidden, message: WebWords.badCSRF)
            }
            let name = fields["username"]?.trimmingCharacters(in: .whitespaces) ?? ""
            let password = fields["password"] ?? ""
            let now = await self.sessions.now
            let outcome = try await self.signInOutcome(name: name, password: password, now: now, context)
            switch outcome {
            case .signedIn(let user):
                let session = await self.sessions.create(user: user.name)
                var headers: HTTPFields = [.location: "/"]
                headers[values: .setCookie].append(self.sessionCookie(session.token))
                headers[values: .setCookie].append("registrar_login_csrf=; Path=/login; HttpOnly; SameSite=Strict; Max-Age=0")
                return Response(status: .seeOther, headers: headers)
            case .refused:
                return self.loginPage(request, context, message: WebWords.badLogin, status: .unauthorized)
            case .locked(let until):
                return self.loginPage(request, context, message: WebWords.locked(until: String(until.prefix(19)).replacingOccurrences(of: "T", with: " ")),
                                      status: .tooManyRequests)
            }
        }

        router.post("/logout") { request, context -> Response in
            let fields = try await FormData.read(request, context: context)
            try self.checkCSRF(fields, context)
            if let session = context.session { await self.sessions.remove(session.token) }
            var headers: HTTPFields = [.location: "/login?out=1"]
            headers[values: .setCookie].append(self.sessionCookie("", maxAge: 0))
            return Response(status: .seeOther, headers: headers)
        }
    }

    /// One sign-in attempt: the lock in memory (an unknown name's failures, or those the registry
    /// could not take), then the registry's account and its lock, then bcrypt on its own queue, then
    /// the outcome recorded without ever waiting for an import.
    func signInOutcome(name: String, password: String, now: Int, _ context: WebContext) async throws -> LoginOutcome {
        func locked(at seconds: Int) -> LoginOutcome { .locked(until: Timestamp.format(seconds: seconds, nanoseconds: 0)) }
        if let until = await unknownNames.lockedUntil(name, now: now) { return locked(at: until) }
        let hash: String
        switch try await registry(context, { try $0.signInCheck(name: name, now: now) }) {
        case .locked(let until):
            return .locked(until: until)
        case .unknown(let cost):
            await PasswordChecks.decoy(password, cost: cost)
            return await unknownNames.fail(name, now: now).map(locked(at:)) ?? .refused
        case .verify(let stored):
            hash = stored
        }
        let good = await PasswordChecks.verify(password, against: hash)
        // A right password with nothing to reset is a read; a sign-in that writes the account does so
        // on a connection of its own that never waits, never on one the pages read on.
        if good, let user = try await registry(context, { try $0.recordCleanSignIn(name: name) }) { return .signedIn(user) }
        let signIns = pool.signIns
        do {
            return try await Blocking.run(as: nil) { try signIns.recordSignIn(name: name, succeeded: good, now: now) }
        } catch where !good {
            // The registry cannot count it now (an import holds it, or it is read-only, or the disk
            // full): counted in memory as an unknown name's failures are, with those the account
            // already has. Else a real name's wrong password waited for the import (38 s) while an
            // unknown one's answered at once, and a read-only registry never locked it.
            let counted = (try? await registry(context, { try $0.webUser(named: name) }))??.failedLogins ?? 0
            return await unknownNames.fail(name, now: now, counted: counted).map(locked(at:)) ?? .refused
        } catch {
            // The right password, and failures to reset that the registry cannot take now: signed in,
            // audited through the journal, the count left for a later sign-in.
            guard let user = try await registry(context, { try $0.recordSignInKeepingCount(name: name, now: now) }) else { throw error }
            return .signedIn(user)
        }
    }

    func loginPage(_ request: Request, _ context: WebContext, message: Text?, status: HTTPResponse.Status) -> Response {
        let language = context.language
        // The token already in the browser's cookie is kept: a second load of the page (or the
        // browser's own request for an icon, sent here too) must not make the form on screen stale.
        let kept = request.cookies["registrar_login_csrf"]?.value
        let csrf = kept.flatMap { $0.utf8.count == 64 && $0.allSatisfy(\.isHexDigit) ? $0 : nil } ?? Secret.token()
        let content = pages.render("login", [
            "csrf": csrf, "usernameLabel": WebWords.username(language), "passwordLabel": WebWords.password(language),
            "submit": WebWords.signIn(language),
        ])
        var response = pages.page(title: WebWords.signIn(language), content: content, request: request, context: context,
                                  status: status, flash: message?(language))
        if csrf != kept {
            response.headers[values: .setCookie].append("registrar_login_csrf=\(csrf); Path=/login; HttpOnly; SameSite=Strict")
        }
        return response
    }
}
