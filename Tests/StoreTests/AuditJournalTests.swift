import Foundation
import GRDB
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

/// The web view's audited look-ups during an import: shown at once, recorded durably in the journal,
/// moved into the audit log once, and never lost.
struct AuditJournalTests {
    /// Another connection holding the registry's write lock, as an import does for its whole
    /// transaction: a `sqlite3` process inside `BEGIN IMMEDIATE` until released.
    final class WriteLock: @unchecked Sendable {
        private let process = Process()
        private let input = Pipe()

        init(_ path: String) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            process.arguments = [path]
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 'locked';\n".utf8))
            var said = Data()
            while !String(decoding: said, as: UTF8.self).contains("locked") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                said.append(chunk)
            }
        }

        func release() throws {
            input.fileHandleForWriting.write(Data("COMMIT;\n.quit\n".utf8))
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
    }

    static func registryWithAMember() throws -> TemporaryRegistry {
        let store = try TemporaryRegistry()
        try store.registry.initialize(societyName: "测试学会")
        try store.addMember("M1", from: "2015-03-01")
        return store
    }

    static func shows(_ store: TemporaryRegistry) throws -> [AuditEntry] {
        try store.registry.auditEntries().filter { $0.action == "member.show" }
    }

    @Test func aLookUpWhileTheRegistryIsFreeIsInTheAuditLogAtOnce() throws {
        let store = try Self.registryWithAMember()
        let journal = try AuditJournal(registryPath: store.path)
        defer { journal.stop() }
        let web = store.registry.recordingAudits(in: journal)
        _ = try Actor.$webUser.withValue("web:li.wei") { try web.showMember(key: "M1", reveal: false) }
        #expect(journal.waitingCount == 0)
        #expect(try Self.shows(store).map(\.actor) == ["web:li.wei"])
    }

    @Test func aLookUpDuringAnImportIsShownAtOnceAndReachesTheAuditLogWhenTheImportCommits() throws {
        let store = try Self.registryWithAMember()
        let journal = try AuditJournal(registryPath: store.path)
        defer { journal.stop() }
        let web = store.registry.recordingAudits(in: journal)
        let lock = try WriteLock(store.path)
        // Without the journal this would wait for the lock (five minutes' busy timeout).
        let profile = try Actor.$webUser.withValue("web:li.wei") { try web.showMember(key: "M1", reveal: false) }
        #expect(profile.memberNo == "M1")
        #expect(journal.waitingCount == 1)
        #expect(try journal.move(wait: false) == false) // still locked: nothing moves
        #expect(try Self.shows(store).isEmpty)
        // A second look-up joins the first in the journal, in order.
        _ = try Actor.$webUser.withValue("web:wang.fang") { try web.searchMembers("M1", offset: 0, limit: 10) }
        #expect(journal.waitingCount == 2)
        try lock.release()
        #expect(try journal.move(wait: true))
        #expect(journal.waitingCount == 0)
        let entries = try store.registry.auditEntries().filter { $0.action.hasPrefix("member.") }
        #expect(entries.map(\.action) == ["member.show", "member.search"])
        #expect(entries.map(\.actor) == ["web:li.wei", "web:wang.fang"])
        // The entry keeps the time of the look-up, not of the move.
        #expect(entries[0].at <= entries[1].at)
    }

    /// Fifty pages at once, during an import and after it: every entry lands once, each thread's in
    /// its own order, however the group commit batched them and whichever file took them.
    @Test func manyPagesAtOnceLoseNothingAndCopyNothingTwice() throws {
        let store = try Self.registryWithAMember()
        let journal = try AuditJournal(registryPath: store.path)
        defer { journal.stop() }
        journal.startMoving()
        let web = store.registry.recordingAudits(in: journal)
        let lock = try WriteLock(store.path)
        let threads = 50, each = 8
        let done = DispatchGroup()
        let failures = NSLock()
        nonisolated(unsafe) var errors: [String] = []
        for thread in 0..<threads {
            done.enter()
            Thread {
                defer { done.leave() }
                for page in 0..<each {
                    do {
                        _ = try Actor.$webUser.withValue("web:t\(thread)") { try web.searchMembers("M\(page)", offset: 0, limit: 1) }
                    } catch {
                        failures.lock(); errors.append("\(error)"); failures.unlock()
                    }
                    // Half of them after the import commits, some while the mover empties the journal.
                    if thread == 0 && page == each / 2 { try? lock.release() }
                }
            }.start()
        }
        done.wait()
        #expect(errors.isEmpty)
        #expect(try journal.move(wait: true))
        let entries = try store.registry.auditEntries().filter { $0.action == "member.search" }
        #expect(entries.count == threads * each)
        for thread in 0..<threads {
            let mine = entries.filter { $0.actor == "web:t\(thread)" }
            #expect(mine.count == each)
            #expect(mine.map(\.at) == mine.map(\.at).sorted())
        }
    }

    @Test func entriesLeftByAServerThatStoppedAreMovedByTheNextOneOrByTheAuditCommand() throws {
        let store = try Self.registryWithAMember()
        do {
            let journal = try AuditJournal(registryPath: store.path)
            let lock = try WriteLock(store.path)
            _ = try Actor.$webUser.withValue("web:li.wei") {
                try store.registry.recordingAudits(in: journal).showMember(key: "M1", reveal: false)
            }
            journal.stop() // the server stops while the import still holds the registry
            try lock.release()
        }
        #expect(try Self.shows(store).isEmpty)
        #expect(try AuditJournal.moveLeftovers(registryPath: store.path) == 0)
        #expect(try Self.shows(store).map(\.actor) == ["web:li.wei"])
        // Moving again finds nothing more.
        #expect(try AuditJournal.moveLeftovers(registryPath: store.path) == 0)
        #expect(try Self.shows(store).count == 1)
    }

    @Test func aStopBetweenTheCopyAndTheJournalsDeletionCopiesNothingTwice() throws {
        let store = try Self.registryWithAMember()
        let journal = try AuditJournal(registryPath: store.path)
        defer { journal.stop() }
        let lock = try WriteLock(store.path)
        _ = try store.registry.recordingAudits(in: journal).showMember(key: "M1", reveal: false)
        try lock.release()
        // Keep the journal's rows, move them, then put them back as a stop before the deletion would leave them.
        let file = try DatabaseQueue(path: journal.path)
        let kept = try file.read { db in try Row.fetchAll(db, sql: "SELECT * FROM entry") }
        #expect(kept.count == 1)
        #expect(try journal.move(wait: true))
        try file.write { db in
            for row in kept {
                try db.execute(sql: "INSERT INTO entry (id, at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [row["id"], row["at"], row["actor"], row["action"], row["subject"], row["detail"]])
            }
        }
        try file.close()
        let again = try AuditJournal(registryPath: store.path)
        defer { again.stop() }
        #expect(again.waitingCount == 1)
        #expect(try again.move(wait: true))
        #expect(again.waitingCount == 0)
        #expect(try Self.shows(store).count == 1)
    }

    @Test func aJournalMadeAgainIsNotTakenForOneAlreadyMoved() throws {
        let store = try Self.registryWithAMember()
        for round in 1...2 {
            let journal = try AuditJournal(registryPath: store.path)
            let lock = try WriteLock(store.path)
            _ = try store.registry.recordingAudits(in: journal).showMember(key: "M1", reveal: false)
            try lock.release()
            #expect(try journal.move(wait: true))
            journal.stop()
            // Deleted: the next journal numbers its entries from 1 again, under a new identity.
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: journal.path + suffix) }
            #expect(try Self.shows(store).count == round)
        }
    }

    @Test func theCommandsStillAuditInTheLookUpsOwnTransaction() throws {
        let store = try Self.registryWithAMember()
        let lock = try WriteLock(store.path)
        // No journal: the look-up is a write and cannot go ahead of the lock holder.
        let waiting = try Registry.open(path: store.path, mode: .existing)
        try waiting.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA busy_timeout = 100") }
        #expect(throws: RegistryError.self) { try waiting.showMember(key: "M1", reveal: false) }
        try lock.release()
        _ = try waiting.showMember(key: "M1", reveal: false)
        #expect(try Self.shows(store).count == 1)
        #expect(!FileManager.default.fileExists(atPath: store.path + ".web-audit"))
    }
}
