import Foundation
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

/// Stored timestamps: ISO 8601 in UTC with milliseconds, as Foundation's formatter writes them.
struct TimestampTests {
    @Test func momentsAreWrittenInUTCWithMilliseconds() {
        #expect(Timestamp.format(seconds: 0, nanoseconds: 0) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.format(seconds: 1_709_210_096, nanoseconds: 987_654_321) == "2024-02-29T12:34:56.987Z")
        #expect(Timestamp.format(seconds: 1_735_689_599, nanoseconds: 5_000_000) == "2024-12-31T23:59:59.005Z")
    }

    @Test func nowReadsBackAsThePresentMomentThroughFoundation() throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let stamp = Timestamp.now()
        let read = try #require(formatter.date(from: stamp))
        #expect(abs(read.timeIntervalSinceNow) < 5)
        #expect(stamp.count == 24 && stamp.hasSuffix("Z"))
        // The same moment in Foundation's own words, to the second.
        #expect(formatter.string(from: read).prefix(19) == stamp.prefix(19))
    }
}
