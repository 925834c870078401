import Foundation

/// An error a person reads: one line, in their language, saying where, what and what to do.
///
/// Every subsystem's error type conforms, so the executable prints any of them the same way.
public protocol UserFacingError: LocalizedError {
    func message(_ language: Language) -> String
}

extension UserFacingError {
    public var errorDescription: String? { message(.en) }
}
