import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

/// Everything a running web view shares: the registry's connections, the sessions, the staged
/// imports and the page renderer. Built once; tests build one on a temporary registry.
public final class WebApp: Sendable {
    let pool: RegistryPool
    let sessions: SessionStore
    /// Failed sign-ins as names no account has (`UnknownNameLocks`).
    let unknownNames = UnknownNameLocks()
    let staging: ImportStaging
    let dashboards: DashboardCache
    /// Members' names for one- and two-character searches (`MemberNameCache`).
    let memberNames: MemberNameCache
    /// Audit entries of pages read while an import writes (`AuditJournal`).
    let auditJournal: AuditJournal
    let pages: PageRenderer
    /// Seconds since 1970, injectable so tests can move time on.
    let clock: @Sendable () -> Int
    let maxUploadBytes: Int
    /// Where each connection's cookie may be sent: `Secure` only when served over TLS.
    let secureCookies: Bool

    public struct Options: Sendable {
        public var sessionIdleSeconds = 8 * 60 * 60
        public var maxUploadBytes = 1 << 30
        public var connections = 4
        public var secureCookies = false
        /// Compute the dashboard's figures ahead of the pages (`DashboardCache.keepFresh`); off in route tests.
        public var keepDashboardFresh = false
        public var clock: @Sendable () -> Int = { Int(Date().timeIntervalSince1970) }
        public init() {}
    }

    public init(registryPath: String, options: Options = Options()) throws {
        // Opening the registry first brings it to the current schema (the journal's mark table is in it).
        let first = try Registry.open(path: registryPath, mode: .existing)
        auditJournal = try AuditJournal(registryPath: first.path)
        pool = try RegistryPool(path: registryPath, connections: options.connections, journal: auditJournal)
        clock = options.clock
        sessions = SessionStore(idleSeconds: options.sessionIdleSeconds, clock: options.clock)
        staging = try ImportStaging(registryPath: registryPath, clock: options.clock)
        dashboards = try DashboardCache(path: registryPath, journal: auditJournal)
        memberNames = try MemberNameCache(path: registryPath, journal: auditJournal)
        pages = try PageRenderer(society: pool.registry.societyName())
        maxUploadBytes = options.maxUploadBytes
        secureCookies = options.secureCookies
        // What an earlier run left in the journal, and what this one puts there, reaches the registry
        // as soon as it is free.
        auditJournal.startMoving()
        // The decoy an unknown name is checked against, made now rather than at the first such sign-in.
        if case .unknown(let cost)? = try? pool.registry.signInCheck(name: "", now: 0) { PasswordChecks.prepareDecoy(cost: cost) }
        if options.keepDashboardFresh {
            dashboards.keepFresh()
            memberNames.keepFresh()
        }
    }

    deinit {
        dashboards.stop()
        memberNames.stop()
        auditJournal.stop()
    }

    /// The router with every route; `Application(router:)` serves it, `app.test(.router)` tests it.
    func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: LanguageMiddleware())
        router.add(middleware: ProblemMiddleware(pages: pages))
        router.add(middleware: SessionMiddleware(app: self))
        addAuthRoutes(router)
        addDashboardRoutes(router)
        addMemberRoutes(router)
        addImportRoutes(router)
        addReportRoutes(router)
        addRegistrationRoutes(router)
        addAdminRoutes(router)
        return router
    }

    /// Runs a registry call off the event loops, as the signed-in user.
    func registry<T: Sendable>(_ context: WebContext, _ body: @escaping @Sendable (Registry) throws -> T) async throws -> T {
        let registry = pool.registry
        return try await Blocking.run(as: context.user?.name) { try body(registry) }
    }

    func sessionCookie(_ value: String, maxAge: Int? = nil) -> String {
        "registrar_session=\(value); Path=/; HttpOnly; SameSite=Strict" + (maxAge.map { "; Max-Age=\($0)" } ?? "")
            + (secureCookies ? "; Secure" : "")
    }

    /// The POST form's `csrf_token` must be this session's; else nothing happens.
    func checkCSRF(_ fields: [String: String], _ context: WebContext) throws {
        guard let session = context.session, let sent = fields["csrf_token"], Secret.equal(sent, session.csrf) else {
            throw WebProblem(status: .forbidden, message: WebWords.badCSRF)
        }
    }
}

/// Pages are private and dynamic: never cached, never framed, nothing loaded from elsewhere.
struct SecurityHeadersMiddleware: RouterMiddleware {
    /// The headers swift-http-types has no constant for; both names are valid tokens, so neither is dropped.
    static let namedHeaders: [(HTTPField.Name, String)] = [("Referrer-Policy", "no-referrer"), ("X-Frame-Options", "DENY")]
        .compactMap { name, value in HTTPField.Name(name).map { ($0, value) } }

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.cacheControl] = "no-store"
        for (name, value) in Self.namedHeaders { response.headers[name] = value }
        return response
    }
}

/// The page language: `?lang=` chooses (and the answer remembers it in a cookie), else the cookie,
/// else the browser's Accept-Language, else English.
struct LanguageMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        if let chosen = request.query("lang").flatMap(Language.init(rawValue:)) {
            context.language = chosen
            context.languageChosen = true
        } else if let remembered = request.cookies["registrar_lang"].flatMap({ Language(rawValue: $0.value) }) {
            context.language = remembered
        } else if let accept = request.headers[.acceptLanguage], accept.lowercased().hasPrefix("zh") {
            context.language = .zh
        }
        return try await next(request, context)
    }
}

/// Finds the session a cookie names and the user it belongs to (re-read each request, so a removed
/// account or a changed role takes effect at once). Every page but `/login` needs one: without it the
/// browser is sent to `/login` (303).
struct SessionMiddleware: RouterMiddleware {
    let app: WebApp

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies["registrar_session"]?.value {
            switch await app.sessions.lookup(token) {
            case .active(let session):
                let user = try await app.registry(context) { try $0.webUser(named: session.user) }
                if let user {
                    context.session = session
                    context.user = user
                } else {
                    await app.sessions.remove(token)
                }
            case .expired:
                context.sessionExpired = true
            case .none:
                break
            }
        }
        if context.user == nil && request.uri.path != "/login" {
            throw WebProblem.signIn(expired: context.sessionExpired)
        }
        // Refusals from here on are shown inside the signed-in page, with its navigation.
        do {
            return try await next(request, context)
        } catch {
            return app.pages.response(for: error, request: request, context: context)
        }
    }
}

/// Turns refusals into pages in the request's language (or the redirect to sign in), and any other
/// error into a page that says the registry is unchanged; no error text, which may hold personal
/// data, goes to the log.
struct ProblemMiddleware: RouterMiddleware {
    let pages: PageRenderer

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return pages.response(for: error, request: request, context: context)
        }
    }
}

extension PageRenderer {
    func response(for error: any Error, request: Request, context: WebContext) -> Response {
        switch error {
        case let problem as WebProblem:
            if problem.redirectToLogin {
                var headers: HTTPFields = [.location: problem.expired ? "/login?expired=1" : "/login"]
                if problem.expired {
                    headers[values: .setCookie].append("registrar_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0")
                }
                return Response(status: .seeOther, headers: headers)
            }
            return self.problem(problem.message, status: problem.status, request: request, context: context)
        case let error as any UserFacingError:
            let message = error.message(context.language)
            return self.problem(Text(en: message, zh: message), status: .unprocessableContent, request: request, context: context)
        case let error as HTTPError where error.status == .notFound:
            return self.problem(WebWords.notFound, status: .notFound, request: request, context: context)
        case is NIOTooManyBytesError:
            // A form past its limit (`FormData.read`): it was a 500 page that blamed the server.
            return self.problem(Text(en: "The form is too large; use the form on the page.", zh: "表单过大；请使用页面上的表单。"),
                                status: .contentTooLarge, request: request, context: context)
        case let error as HTTPError where error.status == .contentTooLarge:
            return self.problem(Text(en: "The form is too large; use the form on the page.", zh: "表单过大；请使用页面上的表单。"),
                                status: .contentTooLarge, request: request, context: context)
        default:
            context.logger.error("request failed", metadata: ["path": .string(request.uri.path), "error": .string("\(type(of: error))")])
            return self.problem(WebWords.internalError, status: .internalServerError, request: request, context: context)
        }
    }
}
