import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

struct CountingRuleTests {
    @Test func aMemberWhosePeriodStartsOnADayCountsThatDay() throws {
        let store = try TemporaryRegistry()
        try store.addMember("A1", from: "2018-12-31")
        #expect(try store.registry.count(on: Day(iso: "2018-12-30")!).individual == 0)
        #expect(try store.registry.count(on: Day(iso: "2018-12-31")!).individual == 1)
    }

    @Test func aMemberWhosePeriodEndsOnADayDoesNotCountThatDay() throws {
        let store = try TemporaryRegistry()
        try store.addMember("A1", from: "2015-01-01", until: "2018-12-31")
        #expect(try store.registry.count(on: Day(iso: "2018-12-30")!).individual == 1)
        #expect(try store.registry.count(on: Day(iso: "2018-12-31")!).individual == 0)
    }

    @Test func unitMembersAreCountedApartFromIndividuals() throws {
        let store = try TemporaryRegistry()
        try store.addMember("A1", from: "2016-01-01")
        try store.registry.write { db in
            try db.execute(sql: "INSERT INTO unit_member (unit_no, name) VALUES ('U1', '某大学')")
            try db.execute(sql: "INSERT INTO unit_membership_period (unit_id, start_date) VALUES (?, '2017-01-01')",
                           arguments: [db.lastInsertedRowID])
        }
        let count = try store.registry.count(on: Day(iso: "2018-06-30")!)
        #expect(count == MembershipCount(asOf: "2018-06-30", individual: 1, unit: 1))
    }

    @Test func overlappingPeriodsOfOneMemberAreRefusedBySQLite() throws {
        let store = try TemporaryRegistry()
        let id = try store.addMember("A1", from: "2015-01-01", until: "2017-01-01")
        #expect(throws: RegistryError.self) {
            try store.registry.write { db in
                try db.execute(sql: "INSERT INTO membership_period (member_id, start_date) VALUES (?, '2016-06-01')", arguments: [id])
            }
        }
        // Touching periods are not overlapping: ended on D, re-joined on D.
        try store.registry.write { db in
            try db.execute(sql: "INSERT INTO membership_period (member_id, start_date) VALUES (?, '2017-01-01')", arguments: [id])
        }
        #expect(try store.registry.count(on: Day(iso: "2017-01-01")!).individual == 1)
    }

    @Test func aPeriodCannotEndBeforeItStarts() throws {
        let store = try TemporaryRegistry()
        #expect(throws: RegistryError.self) {
            try store.addMember("A1", from: "2018-05-01", until: "2018-04-30")
        }
    }
}
