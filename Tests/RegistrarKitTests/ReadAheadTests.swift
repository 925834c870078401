import Foundation
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

/// The reading thread of a roster import: every record, in order, checked once; errors from either side.
struct ReadAheadTests {
    /// More records than the batches that may wait between the threads, so the reader has to wait too.
    static let rows = ReadAhead.batchSize * (ReadAhead.depth + 3) + 17

    static func roster(rows: Int, damagedAt: Int? = nil) throws -> String {
        var text = "会员编号,姓名\n"
        for index in 1...rows {
            text += index == damagedAt ? "M\(index),\"never closed\n" : "M\(index),张\(index)\n"
        }
        return try temporaryFile(text)
    }

    @Test func everyRecordAfterTheHeaderArrivesOnceInOrderWithItsOwnCheck() throws {
        let reader = try CSVReader(path: try Self.roster(rows: Self.rows), displayName: "roster.csv", encoding: .utf8)
        var checkedOnReadingThread = 0
        var received: [Int] = []
        _ = try reader.nextRecord() // the header
        try ReadAhead.run(reader: reader, check: { record -> String in
            checkedOnReadingThread += 1
            return record.string(0)
        }, body: { record, checked in
            #expect(checked == record.string(0))
            #expect(record.string(1) == "张\(record.line - 1)")
            received.append(record.line)
        })
        #expect(received == Array(2...(Self.rows + 1)))
        #expect(checkedOnReadingThread == Self.rows)
    }

    @Test func aReadingErrorArrivesAfterTheRowsBeforeIt() throws {
        let damaged = Self.rows - 100
        let reader = try CSVReader(path: try Self.roster(rows: Self.rows, damagedAt: damaged), displayName: "roster.csv", encoding: .utf8)
        var received = 0
        let error = #expect(throws: InputError.self) {
            _ = try reader.nextRecord()
            try ReadAhead.run(reader: reader, check: { _ in () }, body: { _, _ in received += 1 })
        }
        #expect(error?.line == damaged + 1)
        #expect(received == damaged - 1)
    }

    @Test func whenTheMergingSideStopsTheReadingThreadStopsAndTheErrorIsItsOwn() throws {
        struct Refused: Error, Equatable {}
        let reader = try CSVReader(path: try Self.roster(rows: Self.rows), displayName: "roster.csv", encoding: .utf8)
        var received = 0
        #expect(throws: Refused()) {
            _ = try reader.nextRecord()
            try ReadAhead.run(reader: reader, check: { _ in () }, body: { record, _ in
                received += 1
                if record.line == 11 { throw Refused() }
            })
        }
        #expect(received == 10)
    }
}
