import Foundation
import Hummingbird
import Logging
import RegistrarKit

/// `registrar serve`: where to listen, and the checks made before listening.
public struct WebServer {
    public var registryPath: String
    public var host: String
    public var port: Int
    public var insecureHTTP: Bool
    public var tlsCertificate: String?
    public var tlsKey: String?

    public init(registryPath: String, host: String, port: Int, insecureHTTP: Bool, tlsCertificate: String?, tlsKey: String?) {
        self.registryPath = registryPath
        self.host = host
        self.port = port
        self.insecureHTTP = insecureHTTP
        self.tlsCertificate = tlsCertificate
        self.tlsKey = tlsKey
    }

    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Why the server will not start with these options, if it will not.
    public func refusal() -> Text? {
        if tlsCertificate != nil || tlsKey != nil {
            return Text(
                en: "this build of registrar serves plain HTTP only (no TLS library is built in); put it behind a TLS proxy on this machine and keep --host 127.0.0.1",
                zh: "此版本的 registrar 仅提供 HTTP（未内置 TLS 库）；请在本机用 TLS 反向代理转发，并保持 --host 127.0.0.1")
        }
        if !Self.isLoopback(host) && !insecureHTTP {
            return Text(
                en: "--host \(host) would send passwords and members' data over the network unencrypted; keep --host 127.0.0.1 behind a TLS proxy, or add --insecure-http if this network is trusted",
                zh: "--host \(host) 会以明文在网络上传送密码和会员数据；请保持 --host 127.0.0.1 并使用 TLS 反向代理，或在可信网络中加 --insecure-http")
        }
        guard (1...65535).contains(port) else {
            return Text(en: "--port \(port) is not a port; use 1 to 65535, such as 8080", zh: "--port \(port) 不是端口号；请用 1 到 65535，如 8080")
        }
        return nil
    }

    /// Serves until interrupted (SIGINT or SIGTERM).
    public func run(language: Language, onListening: @escaping @Sendable (String) -> Void) async throws {
        if let refusal = refusal() { throw WebUserError(problem: refusal) }
        let app = try WebApp(registryPath: registryPath)
        var logger = Logger(label: "registrar.serve")
        // Requests are not logged: their addresses carry search terms and member numbers.
        logger.logLevel = .warning
        let address = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
        let application = Application(
            router: app.router(),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { _ in onListening(address) },
            logger: logger)
        try await application.runService()
    }
}
