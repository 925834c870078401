import Foundation
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

struct SchemaEmbeddingTests {
    /// The binary must carry exactly the repository's schema.sql, not a copy that can drift.
    @Test func embeddedSchemaIsTheRepositoryFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let onDisk = try String(contentsOf: root.appendingPathComponent("schema.sql"), encoding: .utf8)
        #expect(Schema.sql == onDisk)
    }
}
