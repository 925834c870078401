import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who is acting, for the audit log: the operating-system user running the command.
enum Actor {
    /// Looked up once a process: the user does not change, and the look-up reads the password database.
    static let current: String = {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid \(geteuid())"
    }()
}
