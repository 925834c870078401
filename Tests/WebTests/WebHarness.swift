import Foundation
import Hummingbird
import HummingbirdTesting
import RegistrarKit
@testable import RegistrarWeb

/// A clock the tests move by hand, so session expiry and account locks are tested without waiting.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds = 1_900_000_000

    var now: Int {
        lock.lock()
        defer { lock.unlock() }
        return seconds
    }

    func advance(_ by: Int) {
        lock.lock()
        seconds += by
        lock.unlock()
    }
}

/// A registry in a temporary folder with the three kinds of web user, and the web view over it.
final class WebHarness: @unchecked Sendable {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures")
    static let password = "correct horse battery"

    let folder: URL
    let path: String
    let registry: Registry
    let clock = TestClock()
    let web: WebApp

    /// `demo`: the whole fixture society, as `registrar demo` loads it; else an empty registry.
    init(demo: Bool = true) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("registrar-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("registry.sqlite").path
        if demo {
            registry = try Demo.load(path: path, fixtures: Self.fixtures.path, rejectsFolder: folder.path).0
        } else {
            registry = try Registry.open(path: path, mode: .createOrUpgrade)
            try registry.initialize(societyName: "测试学会")
        }
        for role in WebRole.allCases {
            // Cost 4: the lowest bcrypt allows, so the tests sign in quickly.
            try registry.addWebUser(name: role.rawValue, role: role, passwordHash: WebPasswords.hash(Self.password, cost: 4))
        }
        var options = WebApp.Options()
        let clock = self.clock
        options.clock = { clock.now }
        options.connections = 2
        web = try WebApp(registryPath: path, options: options)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: web.router())
        try await app.test(.router) { client in try await body(client) }
    }
}

/// What a browser keeps between requests: its cookies.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    struct Page {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String

        var location: String? { headers[.location] }

        /// The first hidden `csrf_token` on the page.
        var csrf: String? {
            guard let range = body.range(of: #"name="csrf_token" value="([0-9a-f]+)""#, options: .regularExpression) else { return nil }
            return String(body[range].split(separator: "\"")[3])
        }
    }

    @discardableResult
    func get(_ uri: String) async throws -> Page {
        try await send(uri, method: .get, headers: [:], body: nil)
    }

    @discardableResult
    func post(_ uri: String, form: [String: String]) async throws -> Page {
        let body = form.map { FormData.percentEncode($0.key) + "=" + FormData.percentEncode($0.value) }.joined(separator: "&")
        return try await send(uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                              body: ByteBuffer(string: body))
    }

    func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> Page {
        var headers = headers
        if !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for line in response.headers[values: .setCookie] {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || line.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    /// Signs in through the real form: the page's token, then the POST.
    @discardableResult
    func signIn(_ name: String, password: String = WebHarness.password) async throws -> Page {
        let form = try await get("/login")
        return try await post("/login", form: ["username": name, "password": password, "csrf_token": form.csrf ?? ""])
    }

    /// The CSRF token of the signed-in session, as any page carries it in its sign-out form.
    func sessionCSRF() async throws -> String {
        try await get("/").csrf ?? ""
    }

    /// A multipart upload, as the import form sends it.
    func upload(_ uri: String, fields: [(String, String)], file: (name: String, data: Data)?) async throws -> Page {
        let boundary = "----registrar-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        if let file {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n".utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return try await send(uri, method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                              body: ByteBuffer(bytes: body))
    }
}
