import Foundation
import GRDB
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

/// `board check` verdicts at their boundaries, on boards written straight into a temporary registry.
struct BoardCheckTests {
    let store: TemporaryRegistry

    init() throws {
        store = try TemporaryRegistry()
    }

    /// Seats a term: the first `standing` seats are standing directors, the first `standingGrassroots`
    /// of them grassroots; then ordinary directors until `grassroots` grassroots seats in all.
    @discardableResult
    func seat(term termNo: Int, start: String, directors: Int, grassroots: Int, standing: Int = 0, standingGrassroots: Int = 0,
              secretaryFullTime: Bool? = true) throws -> [String] {
        try store.registry.write { db in
            try db.execute(sql: "INSERT INTO board_term (term_no, start_date) VALUES (?, ?)", arguments: [termNo, start])
            let termID = db.lastInsertedRowID
            var numbers: [String] = []
            var grassrootsLeft = grassroots
            for index in 0..<directors {
                let number = "T\(termNo)-\(index)"
                try db.execute(sql: "INSERT INTO member (member_no, name, gender, birth_date) VALUES (?, ?, ?, '1970-01-01')",
                               arguments: [number, "理事\(number)", index % 5 == 0 ? "F" : "M"])
                let isStanding = index < standing
                let isGrassroots = isStanding ? index < standingGrassroots : grassrootsLeft > 0
                if isGrassroots { grassrootsLeft -= 1 }
                try db.execute(sql: """
                    INSERT INTO board_seat (term_id, member_id, standing, office, grassroots, full_time) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [termID, db.lastInsertedRowID, isStanding ? 1 : 0, index == 0 ? "secretary_general" : nil,
                                     isGrassroots ? 1 : 0, index == 0 ? secretaryFullTime.map { $0 ? 1 : 0 } : 0])
                numbers.append(number)
            }
            #expect(grassrootsLeft == 0, "the helper seated every grassroots seat asked for")
            return numbers
        }
    }

    func rule(_ key: String, _ check: BoardCheck) throws -> BoardRule {
        try #require(check.rules.first { $0.key == key })
    }

    @Test func aHundredAndFiftyDirectorsNeedAHundredAndThirteenGrassroots() throws {
        try seat(term: 1, start: "2019-06-01", directors: 150, grassroots: 113)
        try seat(term: 2, start: "2020-06-01", directors: 150, grassroots: 112)
        let met = try rule("grassroots_directors", store.registry.boardCheck(termNo: 1))
        let notMet = try rule("grassroots_directors", store.registry.boardCheck(termNo: 2))
        #expect(met.verdict == .met)
        #expect(notMet.verdict == .notMet)
        #expect(notMet.reason.en.contains("at least 113"))
    }

    @Test func aStandingBoardOfThirtyNeedsTwentyGrassroots() throws {
        try seat(term: 1, start: "2019-06-01", directors: 30, grassroots: 20, standing: 30, standingGrassroots: 20)
        try seat(term: 2, start: "2020-06-01", directors: 30, grassroots: 19, standing: 30, standingGrassroots: 19)
        #expect(try rule("grassroots_standing", store.registry.boardCheck(termNo: 1)).verdict == .met)
        let second = try store.registry.boardCheck(termNo: 2)
        #expect(try rule("grassroots_standing", second).verdict == .notMet)
        #expect(!second.allMet)
    }

    @Test func theFirstTermHasNothingToCompareWith() throws {
        try seat(term: 7, start: "2014-06-15", directors: 10, grassroots: 8)
        let check = try store.registry.boardCheck(termNo: nil)
        for key in ["women_share", "young_share"] {
            let share = try rule(key, check)
            #expect(share.verdict == .notApplicable)
            #expect(share.reason.en.contains("no previous term"))
            #expect(share.reason.zh.contains("没有上一届"))
        }
        #expect(check.previousTerm == nil)
    }

    @Test func aFallInWomenDirectorsIsFlagged() throws {
        try seat(term: 1, start: "2014-06-15", directors: 10, grassroots: 8)  // 2 of 10 women
        try seat(term: 2, start: "2019-06-15", directors: 10, grassroots: 8)
        #expect(try rule("women_share", store.registry.boardCheck(termNo: 2)).verdict == .met, "an equal share is not a fall")
        try store.registry.write { db in
            try db.execute(sql: "UPDATE member SET gender = 'M' WHERE member_no = 'T2-5'")  // 1 of 10
        }
        #expect(try rule("women_share", store.registry.boardCheck(termNo: 2)).verdict == .notMet)
    }

    /// RULES.md B2: young and middle-aged is 45 or under on the term's first day, in completed years.
    @Test func aDirectorWhoTurnsFortyFiveOnTheTermsFirstDayIsStillYoung() throws {
        try seat(term: 1, start: "2014-06-15", directors: 10, grassroots: 8)
        try seat(term: 2, start: "2019-06-15", directors: 10, grassroots: 8)
        try store.registry.write { db in
            // Term 1: two of ten young (born 1970, 44 on its first day); term 2: nobody but the two below.
            try db.execute(sql: "UPDATE member SET birth_date = '1960-01-01' WHERE member_no LIKE 'T1-%' AND member_no NOT IN ('T1-0', 'T1-1')")
            try db.execute(sql: "UPDATE member SET birth_date = '1974-06-15' WHERE member_no = 'T2-0'")  // 45 that very day
            try db.execute(sql: "UPDATE member SET birth_date = '1974-06' WHERE member_no = 'T2-1'")     // month only: 45 since 1 June
        }
        let held = try rule("young_share", store.registry.boardCheck(termNo: 2))
        #expect(held.verdict == .met, "2 of 10 after 2 of 10 is no fall")
        try store.registry.write { db in
            try db.execute(sql: "UPDATE member SET birth_date = '1973-06-15' WHERE member_no = 'T2-0'")  // 46 that day
        }
        let fell = try rule("young_share", store.registry.boardCheck(termNo: 2))
        #expect(fell.verdict == .notMet)
        #expect(fell.reason.en.contains("20.00% (2 of 10, term 1) to 10.00% (1 of 10)"))
    }

    @Test func exactlyTheThresholdOfUnexcusedAbsencesIsFlagged() throws {
        let numbers = try seat(term: 1, start: "2019-06-01", directors: 5, grassroots: 5)
        try store.registry.write { db in
            for (day, absent) in [("2019-07-01", ["T1-3", "T1-4"]), ("2019-12-01", ["T1-3"]), ("2020-06-01", [String]())] {
                try db.execute(sql: "INSERT INTO board_meeting (term_id, held_on, kind) VALUES (1, ?, 'board')", arguments: [day])
                let meeting = db.lastInsertedRowID
                for number in numbers {
                    try db.execute(sql: """
                        INSERT INTO board_attendance (meeting_id, member_id, attendance)
                        SELECT ?, id, ? FROM member WHERE member_no = ?
                        """, arguments: [meeting, absent.contains(number) ? "unexcused" : "excused", number])
                }
            }
        }
        let absences = try rule("absences", store.registry.boardCheck(termNo: 1))
        #expect(absences.verdict == .notMet)
        #expect(absences.named.map(\.memberNo) == ["T1-3"], "two absences (the threshold) flag; one does not; excused never")
        _ = try store.registry.setSetting(.absenceThreshold, to: "3")
        #expect(try rule("absences", store.registry.boardCheck(termNo: 1)).verdict == .met)
    }

    @Test func aSecretaryGeneralWhoIsNotFullTimeIsNotMet() throws {
        try seat(term: 1, start: "2019-06-01", directors: 5, grassroots: 5, secretaryFullTime: false)
        let secretary = try rule("secretary_general", store.registry.boardCheck(termNo: 1))
        #expect(secretary.verdict == .notMet)
        #expect(secretary.reason.en.contains("not recorded as full-time"))
    }

    @Test func aFullTimeSecretaryGeneralIsMetAndTwoAreNot() throws {
        try seat(term: 1, start: "2019-06-01", directors: 5, grassroots: 5)
        #expect(try rule("secretary_general", store.registry.boardCheck(termNo: 1)).verdict == .met)
        try store.registry.write { db in
            try db.execute(sql: "UPDATE board_seat SET office = 'secretary_general', full_time = 1 WHERE id = 2")
        }
        #expect(try rule("secretary_general", store.registry.boardCheck(termNo: 1)).verdict == .notMet)
    }

    @Test func theCapComesFromThePreviousTermsSize() throws {
        try seat(term: 1, start: "2014-06-01", directors: 40, grassroots: 30)
        try seat(term: 2, start: "2019-06-01", directors: 41, grassroots: 31)
        let cap = try rule("b1_cap", store.registry.boardCheck(termNo: 2))
        #expect(cap.verdict == .notMet)
        #expect(cap.reason.en.contains("cap of 40"))
    }

    @Test func anUnknownTermSaysWhichTermsExist() throws {
        try seat(term: 7, start: "2014-06-15", directors: 3, grassroots: 3)
        #expect(throws: BoardError.self) { try store.registry.boardCheck(termNo: 9) }
    }
}
