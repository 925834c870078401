import Foundation
import GRDB
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

/// `registrar backup` and the web view's audit journal: a backup holds the entries still waiting
/// there, even one taken while an import holds the registry, and a restored copy never has them twice.
struct BackupJournalTests {
    static func webEntries(_ registry: Registry) throws -> [String] {
        try registry.auditEntries().filter { $0.actor.hasPrefix("web:") }.map { "\($0.actor) \($0.action) \($0.subject ?? "")" }
    }

    @Test func aBackupDuringAnImportHoldsTheEntriesWaitingInTheJournalAndARestoredCopyHasThemOnce() throws {
        let store = try AuditJournalTests.registryWithAMember()
        let journal = try AuditJournal(registryPath: store.path)
        defer { journal.stop() }
        let web = store.registry.recordingAudits(in: journal)
        let lock = try AuditJournalTests.WriteLock(store.path)
        _ = try Actor.$webUser.withValue("web:li.wei") { try web.showMember(key: "M1", reveal: false) }
        _ = try Actor.$webUser.withValue("web:wang.fang") { try web.searchMembers("M1", offset: 0, limit: 10) }
        #expect(journal.waitingCount == 2)
        let expected = ["web:li.wei member.show M1", "web:wang.fang member.search query: M1"]

        // The backup copies while the lock is held; it records itself once the lock goes.
        let copy = store.folder.appendingPathComponent("backup.sqlite").path
        let registry = store.registry
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Thread.detachNewThread {
            outcome.error = Result { try registry.backup(to: copy) }.error
            done.signal()
        }
        Thread.sleep(forTimeInterval: 0.5)
        try lock.release()
        done.wait()
        #expect(outcome.error == nil)
        #expect(journal.waitingCount == 2) // the backup took copies; the journal still moves them here
        let backup = try Registry.open(path: copy, mode: .existing)
        #expect(try Self.webEntries(backup) == expected)

        // Restored beside the journal as it was: the copy's mark says it has these, so none is added twice.
        let restored = store.folder.appendingPathComponent("restored")
        try FileManager.default.createDirectory(at: restored, withIntermediateDirectories: false)
        let restoredPath = restored.appendingPathComponent("registry.sqlite").path
        try FileManager.default.copyItem(atPath: copy, toPath: restoredPath)
        let source = try DatabaseQueue(path: journal.path)
        try source.backup(to: try DatabaseQueue(path: restoredPath + ".web-audit"))
        try source.close()
        #expect(try AuditJournal.moveLeftovers(registryPath: restoredPath) == 0)
        #expect(try Self.webEntries(try Registry.open(path: restoredPath, mode: .existing)) == expected)

        // And the live registry gets them once, as before.
        #expect(try journal.move(wait: true))
        let live = try Self.webEntries(store.registry)
        #expect(live == expected, "\(live)")
    }

    @Test func aBackupOfARegistryWithoutAJournalMakesNone() throws {
        let store = try AuditJournalTests.registryWithAMember()
        let copy = store.folder.appendingPathComponent("backup.sqlite").path
        _ = try store.registry.backup(to: copy)
        #expect(!FileManager.default.fileExists(atPath: store.path + ".web-audit"))
        #expect(try Registry.open(path: copy, mode: .existing).auditEntries().map(\.action).contains("init"))
    }

    final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }
}

extension Result {
    var error: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
