import Dispatch
import RegistrarKit

/// Registry calls are synchronous SQLite work: they run on their own threads, never on the server's
/// event loops or Swift's cooperative pool, with the web user bound so the audit log names them.
enum Blocking {
    private static let queue = DispatchQueue(label: "registrar.web.registry", attributes: .concurrent)

    static func run<T: Sendable>(as user: String?, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try Actor.$webUser.withValue(user.map { "web:" + $0 }) { try body() } })
            }
        }
    }
}
