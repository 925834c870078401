import Foundation
import GRDB
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

/// A registry in a fresh temporary folder, removed when the value is released.
final class TemporaryRegistry {
    let folder: URL
    let path: String
    let registry: Registry

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("registrar-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("registry.sqlite").path
        registry = try Registry.open(path: path, mode: .createOrUpgrade)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Inserts a member with one membership period, straight through SQL, for counting tests.
    @discardableResult
    func addMember(_ number: String, from start: String, until end: String? = nil, reason: String? = nil) throws -> Int64 {
        try registry.write { db in
            try db.execute(sql: "INSERT INTO member (member_no, name) VALUES (?, ?)", arguments: [number, "会员\(number)"])
            let id = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO membership_period (member_id, start_date, end_date, end_reason) VALUES (?, ?, ?, ?)",
                           arguments: [id, start, end, end == nil ? nil : (reason ?? "resigned")])
            return id
        }
    }
}

func sha256OfFile(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
}
