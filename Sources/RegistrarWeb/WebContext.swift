import Hummingbird
import RegistrarKit

/// What a request carries through the middleware to its route: the page language and, once the
/// session middleware has found one, the signed-in user.
struct WebContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var language: Language = .en
    /// Set when the request's `lang` query parameter chose the language, so the answer remembers it.
    var languageChosen = false
    var session: WebSession?
    var user: WebUser?
    var sessionExpired = false

    init(source: Source) {
        coreContext = .init(source: source)
    }

    /// Uploads are streamed to disk by the import route, never collected; forms are small.
    var maxUploadSize: Int { 64 * 1024 }

    /// The signed-in user, when their role is at least `role`; else the refusal the page shows.
    func require(_ role: WebRole) throws -> WebUser {
        guard let user else { throw WebProblem.signIn(expired: sessionExpired) }
        guard user.role >= role else {
            throw WebProblem(status: .forbidden, message: WebWords.needsRole(role, have: user.role))
        }
        return user
    }
}

/// A request the server refuses, with what the person should do; rendered as a page in their language.
struct WebProblem: Error {
    var status: HTTPResponse.Status
    var message: Text
    /// Send the browser to the sign-in page instead of showing a page.
    var redirectToLogin = false
    var expired = false

    init(status: HTTPResponse.Status, message: Text) {
        self.status = status
        self.message = message
    }

    static func signIn(expired: Bool) -> WebProblem {
        var problem = WebProblem(status: .seeOther, message: expired ? WebWords.expired : WebWords.notSignedIn)
        problem.redirectToLogin = true
        problem.expired = expired
        return problem
    }

    static func badInput(_ message: Text) -> WebProblem { WebProblem(status: .badRequest, message: message) }
}
