import Foundation
import Testing

struct BinaryTests {
    @Test func repositoryRootHoldsThePackage() {
        #expect(FileManager.default.fileExists(atPath: repositoryRoot.appendingPathComponent("Package.swift").path))
    }
}
