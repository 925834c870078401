import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import NIOSSL
import Logging
import NIOCore
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

/// `registrar serve`: where to listen, and the checks made before listening.
public struct WebServer {
    public var registryPath: String
    public var host: String
    public var port: Int
    public var insecureHTTP: Bool
    public var tlsCertificate: String?
    public var tlsKey: String?
    /// What a connection may send, and how long it may take (`ConnectionLimits`).
    public var limits = ConnectionLimits()

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

    /// Whether pages are served over HTTPS (`--tls-cert` and `--tls-key`).
    public var usesTLS: Bool { tlsCertificate != nil && tlsKey != nil }

    /// Why the server will not start with these options, if it will not.
    public func refusal() -> Text? {
        if (tlsCertificate == nil) != (tlsKey == nil) {
            return tlsCertificate == nil
                ? Text(en: "--tls-key needs --tls-cert, the certificate (PEM) that goes with the key",
                       zh: "--tls-key 需要同时给出 --tls-cert（与私钥配套的 PEM 证书）")
                : Text(en: "--tls-cert needs --tls-key, the certificate's private key (PEM)",
                       zh: "--tls-cert 需要同时给出 --tls-key（证书的 PEM 私钥）")
        }
        if usesTLS && insecureHTTP {
            return Text(en: "--insecure-http and --tls-cert contradict each other; give one of them",
                        zh: "--insecure-http 与 --tls-cert 互相矛盾；请只给出其一")
        }
        if !Self.isLoopback(host) && !insecureHTTP && !usesTLS {
            return Text(
                en: "--host \(host) would send passwords and members' data over the network unencrypted; give --tls-cert FILE and --tls-key FILE, or add --insecure-http if this network is trusted",
                zh: "--host \(host) 会以明文在网络上传送密码和会员数据；请给出 --tls-cert 文件和 --tls-key 文件，或在可信网络中加 --insecure-http")
        }
        guard (1...65535).contains(port) else {
            return Text(en: "--port \(port) is not a port; use 1 to 65535, such as 8080", zh: "--port \(port) 不是端口号；请用 1 到 65535，如 8080")
        }
        return nil
    }

    /// The server's TLS settings from the PEM files `--tls-cert` (the certificate, then any
    /// intermediates) and `--tls-key`; a file that is missing, unreadable, not PEM, encrypted, or a key
    /// that is not the certificate's is named in one line with what to give instead (`TLSFiles`).
    public func tlsConfiguration() throws -> TLSConfiguration? {
        guard let certificatePath = tlsCertificate, let keyPath = tlsKey else { return nil }
        return try TLSFiles.configuration(certificate: certificatePath, key: keyPath)
    }

    /// Serves until interrupted (SIGINT or SIGTERM).
    public func run(language: Language, onListening: @escaping @Sendable (String) -> Void) async throws {
        if let refusal = refusal() { throw WebUserError(problem: refusal) }
        let tls = try tlsConfiguration()
        var options = WebApp.Options()
        options.secureCookies = tls != nil
        options.keepDashboardFresh = true
        let app = try WebApp(registryPath: registryPath, options: options)
        var logger = Logger(label: "registrar.serve")
        // Requests are not logged: their addresses carry search terms and member numbers.
        logger.logLevel = .warning
        let address = "\(tls == nil ? "http" : "https")://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
        let application = Application(
            router: app.router(),
            server: try limits.serverBuilder(tls: tls),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { _ in onListening(address) },
            logger: logger)
        do {
            try await application.runService()
        } catch {
            throw Self.listeningProblem(error, host: host, port: port).map { WebUserError(problem: $0) } ?? error
        }
    }

    /// Why the server could not listen, in the words of `--host` and `--port`, where NIO's own text was
    /// `bind(descriptor:ptr:bytes:): Address already in use) (errno: 98)`.
    static func listeningProblem(_ error: any Error, host: String, port: Int) -> Text? {
        if let error = error as? IOError {
            switch error.errnoCode {
            case EADDRINUSE:
                return Text(en: "--port \(port) on \(host) is in use by another program (another registrar serve?); stop it, or choose another port with --port",
                            zh: "\(host) 的端口 \(port)（--port）已被其他程序占用（另一个 registrar serve？）；请停止它，或用 --port 另选端口")
            case EACCES:
                return Text(en: "--port \(port) needs administrator rights on this machine; choose one above 1023, such as 8080",
                            zh: "--port \(port) 需要本机管理员权限；请选 1023 以上的端口，如 8080")
            case EADDRNOTAVAIL:
                return Text(en: "--host \(host) is not an address of this machine; use 127.0.0.1 (this machine only) or one of its own addresses",
                            zh: "--host \(host) 不是本机的地址；请用 127.0.0.1（仅本机）或本机自己的地址")
            default:
                return nil
            }
        }
        if error is SocketAddressError || error is SocketAddressError.UnknownHost {
            return Text(en: "--host \(host) is not an address or a name this machine can look up; use 127.0.0.1 (this machine only) or one of its own addresses",
                        zh: "--host \(host) 不是地址，也不是本机能解析的名称；请用 127.0.0.1（仅本机）或本机自己的地址")
        }
        return nil
    }
}
