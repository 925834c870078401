import Foundation
import RegistrarModel

/// Reads a file's records on a thread of its own, doing there the checking that needs no database,
/// and hands them, in file order and in small batches, to the thread that merges them.
///
/// An import has two cores: while the merging thread is inside SQLite, the reading thread parses,
/// normalises and validates the next rows. At most `depth` batches wait between the two, so memory
/// stays flat however long the file is. If the merging side stops (an error, a refusal), the reading
/// thread is told to stop and is waited for; if reading fails, the merging side gets the error after
/// the rows read before it, as it would reading them itself.
///
/// Validation is not a third thread between the two: tried on a shuffled million-row re-import, the
/// three threads each ran about half the time and the import took as long (2.68 s against 2.66 s,
/// minimum of 5), with more futex waits on the channels and on the allocator's locks.
package enum ReadAhead {
    package static let batchSize = 256
    package static let depth = 4

    /// Calls `check` on the reading thread and `body` on this one for every record the reader has
    /// left, in order; returns when both are done, rethrowing the first error.
    ///
    /// - Parameters:
    ///   - reader: used by the reading thread only, from the call until it returns.
    ///   - order: the order the records come in.
    ///   - check: the reading thread's own work on a record (it may keep state: it runs on one thread).
    package static func run<Checked>(
        reader: CSVReader,
        in order: Order = .file,
        check: @escaping (CSVRecord) -> Checked,
        body: (CSVRecord, Checked) throws -> Void
    ) throws {
        let channel = Channel<(record: CSVRecord, checked: Checked)>()
        let work = HandedOver((reader, check))
        let thread = Thread {
            let (reader, check) = work.value
            var batch: [(record: CSVRecord, checked: Checked)] = []
            batch.reserveCapacity(batchSize)
            do {
                let records: ((CSVRecord) throws -> Void) throws -> Void = { body in
                    switch order {
                    case .file: try reader.forEachRecord(body)
                    case .nearly(let column): try reader.forEachRecord(orderedBy: column, body)
                    case .exactly(let column): try reader.forEachRecord(exactlyOrderedBy: column, body)
                    }
                }
                try records { record in
                    batch.append((record.detached(), check(record)))
                    if batch.count == batchSize {
                        try channel.send(batch)
                        // Reuse a batch the merging thread is done with: its rows are freed here,
                        // on the thread that allocated them.
                        batch = channel.takeBack() ?? []
                        batch.removeAll(keepingCapacity: true)
                        batch.reserveCapacity(batchSize)
                    }
                }
                if !batch.isEmpty { try channel.send(batch) }
                channel.finish(failure: nil)
            } catch is Channel<(record: CSVRecord, checked: Checked)>.Stopped {
                channel.finish(failure: nil)
            } catch {
                // The rows read before the error still go first, as they would on one thread.
                if !batch.isEmpty { try? channel.send(batch) }
                channel.finish(failure: error)
            }
        }
        thread.start()
        do {
            while let batch = try channel.receive() {
                // Borrowed where they lie: a copy of each row (`for item in batch`) retained and
                // released every array it holds, on the merging thread, the busier of the two.
                try batch.withUnsafeBufferPointer { items in
                    for index in items.indices { try body(items[index].record, items[index].checked) }
                }
                channel.giveBack(consume batch)
            }
        } catch {
            channel.stop()
            channel.waitUntilFinished()
            throw error
        }
        channel.waitUntilFinished()
    }

    /// The order a file's records are handed over in.
    package enum Order {
        /// As they are in the file.
        case file
        /// Near the order of a field (`CSVReader.forEachRecord(orderedBy:)`).
        case nearly(byField: Int)
        /// In `RecordOrder.exact`'s order of a field (`CSVReader.forEachRecord(exactlyOrderedBy:)`).
        case exactly(byField: Int)
    }

    /// Something handed from one thread to another and used only there afterwards.
    package final class HandedOver<T>: @unchecked Sendable {
        package let value: T
        package init(_ value: T) { self.value = value }
    }

    /// A bounded queue of batches between one sending and one receiving thread.
    package final class Channel<Item>: @unchecked Sendable {
        package struct Stopped: Error {}

        // Every property below is read and written only while `condition` is locked.
        private let condition = NSCondition()
        private var batches: [[Item]] = []
        private var givenBack: [[Item]] = []
        private var finished = false
        private var failure: (any Error)?
        private var stopped = false

        /// Waits while `depth` batches are waiting; throws `Stopped` once the receiver has stopped.
        package func send(_ batch: [Item]) throws {
            condition.lock()
            defer { condition.unlock() }
            while batches.count >= ReadAhead.depth && !stopped { condition.wait() }
            if stopped { throw Stopped() }
            batches.append(batch)
            condition.broadcast()
        }

        /// The receiver is done with a batch: the sender clears it, so rows are freed on the thread
        /// that allocated them. Freed on the other, they made the two threads contend for the
        /// allocator's lock on every row (perf: about 5 % of a re-import in futex waits and wakes).
        package func giveBack(_ batch: consuming [Item]) {
            condition.lock()
            defer { condition.unlock() }
            if givenBack.count < ReadAhead.depth + 2 { givenBack.append(batch) }
        }

        /// A batch the receiver gave back, if one is waiting.
        package func takeBack() -> [Item]? {
            condition.lock()
            defer { condition.unlock() }
            return givenBack.popLast()
        }

        /// The sender is done, with the error that ended its reading, if one did.
        package func finish(failure: (any Error)?) {
            condition.lock()
            defer { condition.unlock() }
            self.failure = failure
            finished = true
            condition.broadcast()
        }

        /// The next batch; nil when the sender finished cleanly; its error when it did not.
        package func receive() throws -> [Item]? {
            condition.lock()
            defer { condition.unlock() }
            while batches.isEmpty && !finished { condition.wait() }
            if !batches.isEmpty {
                condition.broadcast()
                return batches.removeFirst()
            }
            if let failure { throw failure }
            return nil
        }

        /// The receiver stops: the sender's next `send` throws `Stopped`.
        package func stop() {
            condition.lock()
            defer { condition.unlock() }
            stopped = true
            batches.removeAll()
            condition.broadcast()
        }

        package func waitUntilFinished() {
            condition.lock()
            defer { condition.unlock() }
            while !finished { condition.wait() }
        }
    }
}
