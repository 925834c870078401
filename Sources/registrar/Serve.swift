import ArgumentParser
import Dispatch
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender
import RegistrarWeb

extension Registrar {
    /// `registrar serve`: the staff web view of the same registry file.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Serve the staff web view of the registry (sign-in with 'registrar users').",
                           zh: "提供会员库的工作人员网页（账户见 'registrar users'）。").inHelp)

        @OptionGroup var options: GlobalOptions

        @Option(help: Text(en: "The address to listen on (default 127.0.0.1, this machine only).",
                           zh: "监听地址（默认 127.0.0.1，仅本机）。").asHelp)
        var host = "127.0.0.1"

        @Option(help: Text(en: "The port to listen on.", zh: "监听端口。").asHelp)
        var port = 8080

        @Flag(name: .customLong("insecure-http"),
              help: Text(en: "Allow a non-loopback --host over plain HTTP (only on a trusted network).",
                         zh: "允许非本机 --host 使用明文 HTTP（仅限可信网络）。").asHelp)
        var insecureHTTP = false

        @Option(name: .customLong("tls-cert"), help: Text(en: "Serve HTTPS with this certificate (PEM; with --tls-key).",
                                                          zh: "使用此证书提供 HTTPS（PEM；与 --tls-key 同用）。").asHelp)
        var tlsCertificate: String?

        @Option(name: .customLong("tls-key"), help: Text(en: "The certificate's private key (PEM).",
                                                         zh: "证书的私钥（PEM）。").asHelp)
        var tlsKey: String?

        func validate() throws { try options.require(formatIn: [.table]) }

        func run() throws {
            let server = WebServer(registryPath: options.databasePath, host: host, port: port, insecureHTTP: insecureHTTP,
                                   tlsCertificate: tlsCertificate, tlsKey: tlsKey)
            if let refusal = server.refusal() { throw WebUserError(problem: refusal) }
            _ = try server.tlsConfiguration() // a certificate or key that cannot be read is named before anything else
            _ = try options.openRegistry()
            let language = options.language
            let outcome = AsyncOutcome()
            Task {
                do {
                    try await server.run(language: language) { address in
                        Console.error(Text(en: "registrar serve: listening on \(address) (Ctrl-C stops)",
                                           zh: "registrar serve：正在监听 \(address)（按 Ctrl-C 停止）")(language))
                    }
                    outcome.finish(nil)
                } catch {
                    outcome.finish(error)
                }
            }
            if let error = outcome.wait() { throw error }
        }
    }
}

/// The end of work started from a synchronous command: it waits, then learns how it ended.
final class AsyncOutcome: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var error: (any Error)?

    func finish(_ error: (any Error)?) {
        self.error = error
        done.signal()
    }

    func wait() -> (any Error)? {
        done.wait()
        return error
    }
}
