import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

struct PeriodReconciliationTests {
    typealias R = PeriodReconciliation
    let asOf: Day = "2018-12-31"

    @Test func aNewActiveMemberOpensAPeriodOnTheJoinDateOrTheFileDate() {
        #expect(R.reconcile(row: RowMembership(join: "2018-03-05"), latest: nil, asOf: asOf) == .changes([.open(start: "2018-03-05")]))
        #expect(R.reconcile(row: RowMembership(), latest: nil, asOf: asOf) == .changes([.open(start: asOf)]))
    }

    @Test func aNewMemberWhoHasLeftGetsAClosedPeriod() {
        let row = RowMembership(join: "2016-01-01", end: "2017-06-30", reason: .resigned)
        #expect(R.reconcile(row: row, latest: nil, asOf: asOf)
                == .changes([.insertClosed(start: "2016-01-01", end: "2017-06-30", reason: .resigned)]))
    }

    @Test func theSameActiveRowAgainChangesNothing() {
        let open = RecordedPeriod(id: 7, start: "2016-01-01")
        #expect(R.reconcile(row: RowMembership(join: "2016-01-01"), latest: open, asOf: asOf) == .changes([]))
        #expect(R.reconcile(row: RowMembership(), latest: open, asOf: asOf) == .changes([]))
    }

    @Test func anEndingStatusClosesTheOpenPeriod() {
        let open = RecordedPeriod(id: 7, start: "2016-01-01")
        let row = RowMembership(join: "2016-01-01", end: "2018-05-01", reason: .resigned)
        #expect(R.reconcile(row: row, latest: open, asOf: asOf) == .changes([.close(id: 7, end: "2018-05-01", reason: .resigned)]))
    }

    @Test func aLaterJoinDateAfterTheEndIsARejoin() {
        let closed = RecordedPeriod(id: 7, start: "2015-01-01", end: "2016-06-30", reason: .resigned)
        #expect(R.reconcile(row: RowMembership(join: "2018-03-01"), latest: closed, asOf: asOf) == .changes([.open(start: "2018-03-01")]))
        // Re-joining on the very day the old period ended is not an overlap.
        #expect(R.reconcile(row: RowMembership(join: "2016-06-30"), latest: closed, asOf: asOf) == .changes([.open(start: "2016-06-30")]))
    }

    @Test func aJoinDateInsideARecordedPeriodIsRejected() {
        let closed = RecordedPeriod(id: 7, start: "2015-01-01", end: "2016-06-30", reason: .resigned)
        guard case .reject(let reason) = R.reconcile(row: RowMembership(join: "2016-01-01"), latest: closed, asOf: asOf) else {
            Issue.record("expected a rejection"); return
        }
        #expect(reason.en.contains("2015-01-01 to 2016-06-30"))
    }

    @Test func aMemberLapsedAsAbsentWhoReappearsWithTheSameJoinDateIsReopened() {
        let lapsed = RecordedPeriod(id: 7, start: "2015-01-01", end: "2017-12-31", reason: .absentFromRoster)
        #expect(R.reconcile(row: RowMembership(join: "2015-01-01"), latest: lapsed, asOf: asOf) == .changes([.reopen(id: 7)]))
    }

    @Test func aCorrectedJoinDateMovesTheStartOfTheOpenPeriod() {
        let open = RecordedPeriod(id: 7, start: "2016-01-01", previousEnd: "2015-06-30")
        #expect(R.reconcile(row: RowMembership(join: "2016-02-01"), latest: open, asOf: asOf) == .changes([.setStart(id: 7, start: "2016-02-01")]))
        guard case .reject = R.reconcile(row: RowMembership(join: "2015-01-01"), latest: open, asOf: asOf) else {
            Issue.record("a start moved back over the earlier period must be rejected"); return
        }
    }

    @Test func anEndBeforeTheJoinDateIsRejected() {
        let row = RowMembership(join: "2018-05-01", end: "2018-04-30", reason: .resigned)
        guard case .reject = R.reconcile(row: row, latest: nil, asOf: asOf) else {
            Issue.record("expected a rejection"); return
        }
    }

    @Test func aCorrectedEndReasonUpdatesTheClosedPeriod() {
        let lapsed = RecordedPeriod(id: 7, start: "2015-01-01", end: "2017-12-31", reason: .absentFromRoster)
        let row = RowMembership(join: "2015-01-01", end: "2017-10-01", reason: .resigned)
        #expect(R.reconcile(row: row, latest: lapsed, asOf: asOf) == .changes([.close(id: 7, end: "2017-10-01", reason: .resigned)]))
        let same = RowMembership(join: "2015-01-01", end: "2017-12-31", reason: .absentFromRoster)
        #expect(R.reconcile(row: same, latest: lapsed, asOf: asOf) == .changes([]))
    }

    @Test func aRepeatedStatusOnlyEndingKeepsTheRecordedEndDate() {
        let lapsed = RecordedPeriod(id: 7, start: "2015-01-01", end: "2017-12-31", reason: .lapsed)
        var row = RowMembership(join: "2015-01-01", end: "2018-12-31", reason: .lapsed)
        row.endIsExplicit = false
        #expect(R.reconcile(row: row, latest: lapsed, asOf: "2018-12-31") == .changes([]))
        row.reason = .resigned
        #expect(R.reconcile(row: row, latest: lapsed, asOf: "2018-12-31") == .changes([.close(id: 7, end: "2017-12-31", reason: .resigned)]))
    }
}
