import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who is acting, for the audit log: the operating-system user running the command.
public enum Actor {
    /// The person acting when it is not the process's user: `registrar serve` binds the signed-in web
    /// user's name (`web:alice`) around each request's registry calls, so the audit log names them.
    @TaskLocal public static var webUser: String?

    /// The name the audit log records: the web user when one is bound, else the operating-system user.
    static var name: String { webUser ?? current }

    /// Looked up once a process: the user does not change, and the look-up reads the password database.
    static let current: String = {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid \(geteuid())"
    }()
}
