import Foundation
import GRDB
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

/// Built-in segments on a small hand-made registry, with each segment's edges, on D = 2019-06-15.
struct SegmentTests {
    let store: TemporaryRegistry
    static let day = Day(iso: "2019-06-15")!

    init() throws {
        store = try TemporaryRegistry()
        // Who they are.
        try member("Y35", birth: "1984-06-15")               // 35th birthday on D: young
        try member("Y36", birth: "1983-06-15")               // 36th birthday on D: not young
        try member("Y35late", birth: "1983-06-16")           // the day before the 36th birthday: still 35
        try member("YMonth", birth: "1984-06")               // month only: born 1984-06-01, 35 on D
        try member("NoBirth")                                // unknown age: in no age segment
        try member("Gone", birth: "1990-01-01", gender: "F", end: "2019-06-15") // ended on D: not in good standing
        try member("W", gender: "F", grassroots: 1)
        try member("Foreign", grade: "foreign")
        try member("USA", nationality: "USA")
        try member("CN", nationality: "中国")
        try member("China", nationality: "China")
        try member("Student", grade: "student")
        try member("Fellow", grade: "fellow")
        try member("Honorary", grade: "honorary")
        // How they engage (all joined long ago unless said).
        try member("Served12mAgo", services: ["2018-06-15"])   // exactly 12 months before D: not active, dormant
        try member("ServedDayAfter", services: ["2018-06-16"])  // inside the 12 months: active
        try member("ServedOnD", services: ["2019-06-15"])       // active
        try member("ServedAfterD", services: ["2019-06-16"])    // a future service does not count: dormant
        try member("JoinedYearAgo", start: "2018-06-15")        // a member for exactly a year, never served: dormant
        try member("JoinedYearAgoLess1", start: "2018-06-16")   // a day short of a year: not dormant
        try member("New89", start: "2019-03-18")                // D - 89 days: the 90th day, new
        try member("New90", start: "2019-03-17")                // D - 90 days: not new
        try member("NewServed", start: "2019-06-05", services: ["2019-06-05"])  // served on the first day: not unserved
        try member("NewServedBefore", start: "2019-06-05", previous: ("2015-01-01", "2018-12-31"),
                   services: ["2018-03-01"])                    // served only in an earlier membership: unserved
        // Unit members: staff > 10 × linked individual members in good standing.
        let target = try unit("U1", staff: 90)   // 8 linked: 90 > 80
        let edge = try unit("U2", staff: 90)     // 9 linked: 90 > 90 is false
        _ = try unit("U3", staff: 1000, end: "2019-01-01") // no longer a unit member
        for index in 0..<8 { try member("L1-\(index)", unit: target) }
        try member("L1-gone", unit: target, end: "2019-01-01")
        for index in 0..<9 { try member("L2-\(index)", unit: edge) }
    }

    func member(_ number: String, birth: String? = nil, gender: String? = nil, grade: String? = nil,
                nationality: String? = nil, grassroots: Int? = nil, unit: Int64? = nil,
                start: String = "2010-01-01", end: String? = nil, previous: (String, String)? = nil,
                services: [String] = [], province: String? = nil) throws {
        try store.registry.write { db in
            try db.execute(sql: """
                INSERT INTO member (member_no, name, birth_date, gender, grade, nationality, grassroots, unit_id, province)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [number, "会员\(number)", birth, gender, grade, nationality, grassroots, unit, province])
            let id = db.lastInsertedRowID
            if let previous {
                try db.execute(sql: "INSERT INTO membership_period (member_id, start_date, end_date, end_reason) VALUES (?, ?, ?, 'lapsed')",
                               arguments: [id, previous.0, previous.1])
            }
            try db.execute(sql: "INSERT INTO membership_period (member_id, start_date, end_date, end_reason) VALUES (?, ?, ?, ?)",
                           arguments: [id, start, end, end == nil ? nil : "resigned"])
            for day in services {
                try db.execute(sql: "INSERT INTO service_record (member_id, served_on, type, channel) VALUES (?, ?, 'conference', 'offline')",
                               arguments: [id, day])
            }
        }
    }

    func unit(_ number: String, staff: Int, end: String? = nil) throws -> Int64 {
        try store.registry.write { db in
            try db.execute(sql: "INSERT INTO unit_member (unit_no, name, staff_count) VALUES (?, ?, ?)", arguments: [number, "单位\(number)", staff])
            let id = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO unit_membership_period (unit_id, start_date, end_date, end_reason) VALUES (?, '2010-01-01', ?, ?)",
                           arguments: [id, end, end == nil ? nil : "resigned"])
            return id
        }
    }

    /// The member (or unit) numbers a segment's one query selects.
    func selected(_ segment: Segment, on day: Day = SegmentTests.day) throws -> Set<String> {
        let (query, arguments) = SegmentSQL.query(segment, on: day)
        return try store.registry.read { db in
            let sql = segment.population == .members
                ? "SELECT mm.member_no FROM (\(query)) AS s JOIN member mm ON mm.id = s.id"
                : "SELECT unit_no FROM (\(query))"
            return Set(try String.fetchAll(db, sql: sql, arguments: arguments))
        }
    }

    func selected(_ name: String) throws -> Set<String> { try selected(try #require(BuiltInSegments.named(name))) }

    @Test func youngIncludesThe35thBirthdayAndExcludesThe36th() throws {
        #expect(try selected("young") == ["Y35", "Y35late", "YMonth"])
    }

    @Test func womenGrassrootsStudentsAndSeniorSelectByTheirColumn() throws {
        #expect(try selected("women") == ["W"])          // "Gone" is a woman whose membership ended on D
        #expect(try selected("grassroots") == ["W"])
        #expect(try selected("students") == ["Student"])
        #expect(try selected("senior_and_fellows") == ["Fellow", "Honorary"])
    }

    @Test func foreignIsTheGradeOrANationalityOtherThanChina() throws {
        #expect(try selected("foreign") == ["Foreign", "USA"])
    }

    @Test func aServiceExactlyTwelveMonthsBeforeIsNotActive() throws {
        #expect(try selected("active") == ["ServedDayAfter", "ServedOnD", "NewServed"])
    }

    @Test func dormantIsAYearOfMembershipWithoutServiceInTheLastTwelveMonths() throws {
        let dormant = try selected("dormant")
        #expect(dormant.contains("Served12mAgo") && dormant.contains("ServedAfterD") && dormant.contains("JoinedYearAgo"))
        #expect(!dormant.contains("JoinedYearAgoLess1") && !dormant.contains("ServedDayAfter") && !dormant.contains("ServedOnD"))
        #expect(!dormant.contains("New89") && !dormant.contains("Gone"))
    }

    @Test func newUnservedCoversNinetyDaysEndingOnTheDay() throws {
        #expect(try selected("new_unserved") == ["New89", "NewServedBefore"])
    }

    @Test func unitRecruitmentListsUnitsWhoseStaffExceedTenTimesTheirMembers() throws {
        #expect(try selected("unit_recruitment") == ["U1"])
    }

    @Test func sizesFromTheSinglePassAgreeWithEachSegmentsOwnQuery() throws {
        let sizes = try store.registry.segmentSizes(on: Self.day, segments: BuiltInSegments.all)
        for size in sizes {
            #expect(size.count == (try selected(size.segment)).count, "\(size.segment.name)")
        }
        let goodStanding = try store.registry.count(on: Self.day)
        #expect(sizes.first { $0.segment.name == "young" }?.population == goodStanding.individual)
        #expect(sizes.first { $0.segment.name == "unit_recruitment" }?.population == 2)
    }

    /// The same segment with its SQL predicate only, as a user rule would be: counted by the SQL path.
    static func sqlOnly(_ segment: Segment) -> Segment {
        Segment(name: segment.name, description: segment.description, suggestedService: segment.suggestedService,
                population: segment.population, predicate: segment.predicate)
    }

    /// More members, with edges around 29 February (birthdays, the year-ago day, the 90 days, period starts)
    /// and nationalities as SQLite's lower() compares them.
    func addLeapDayAndNationalityEdges() throws {
        try member("Leap84", birth: "1984-02-29", start: "2015-01-01")  // 35 on 2020-02-28, 36 on 2020-02-29
        try member("Leap88", birth: "1988-02-29", gender: "M")           // 35 from 2023-03-01, 36 on 2024-02-29
        try member("Month85", birth: "1985-02", grassroots: 0)           // month only: 35 from 2020-02-01
        try member("ServedYearAgoLeap", services: ["2019-02-28"])        // 12 months before 2020-02-29: not active
        try member("ServedMarch1", services: ["2019-03-01", "2020-03-01"])
        try member("Served0228", start: "2019-01-01", services: ["2020-02-28"]) // 12 months before 2021-02-28
        try member("Served0229", start: "2019-01-01", services: ["2020-02-29"])
        try member("JoinedLeap", start: "2020-02-29")                   // the first of the 90 days ending 2020-05-28
        try member("Joined0228", grassroots: 1, start: "2020-02-28")
        try member("JoinedLeapServedLater", start: "2020-02-29", services: ["2020-05-28", "2020-05-29"])
        try member("Rejoined", start: "2020-03-01", previous: ("2015-01-01", "2020-01-31"), services: ["2020-01-15", "2020-06-01"])
        try member("EndsOnLeap", gender: "F", start: "2019-01-01", end: "2020-02-29")
        try member("Grassroots", grassroots: 1, start: "2020-03-01", end: "2021-03-01")
        // lower() folds ASCII letters only.
        for (number, nationality) in [("UpperChina", "CHINA"), ("Prc", "Prc"), ("Chn", "CHN"), ("SpacedChina", " China"),
                                      ("Empty", ""), ("Traditional", "中國"), ("FullWidth", "ＣＮ"), ("PRC", "中华人民共和国"),
                                      ("Accented", "Chína")] {
            try member(number, nationality: nationality, start: "2019-07-01")
        }
        try member("ForeignChina", grade: "foreign", nationality: "China", start: "2019-07-01")
        try member("Regular", grade: "regular", nationality: "USA", start: "2020-03-01")
    }

    @Test func theYearBeforeTheTwentyNinthOfFebruaryEndsOnTheTwentyEighth() throws {
        try addLeapDayAndNationalityEdges()
        let active = try selected(try #require(BuiltInSegments.named("active")), on: Day(iso: "2020-02-29")!)
        #expect(active.contains("ServedMarch1") && !active.contains("ServedYearAgoLeap"))
        let dormant = try selected(try #require(BuiltInSegments.named("dormant")), on: Day(iso: "2021-02-28")!)
        #expect(dormant.contains("Joined0228") && !dormant.contains("JoinedLeap"))
    }

    @Test func nativeSizesEqualTheSQLPathForEveryBuiltInSegmentOnEdgeDays() throws {
        try addLeapDayAndNationalityEdges()
        let builtIn = BuiltInSegments.all.filter { $0.population == .members }
        #expect(builtIn.allSatisfy { $0.native != nil }) // else this test would compare SQL with SQL
        let days = ["2009-12-31", "2019-06-14", "2019-06-15", "2019-06-16", "2019-07-01", "2020-02-28", "2020-02-29",
                    "2020-03-01", "2020-05-28", "2020-05-29", "2021-02-28", "2021-03-01", "2023-02-28", "2023-03-01", "2024-02-29"]
        var counted: Set<String> = []
        for day in days.map({ Day(iso: $0)! }) {
            let native = try store.registry.segmentSizes(on: day, segments: builtIn)
            let sql = try store.registry.segmentSizes(on: day, segments: builtIn.map(Self.sqlOnly))
            let goodStanding = try store.registry.count(on: day).individual
            for (fast, reference) in zip(native, sql) {
                #expect(fast.count == reference.count, "\(fast.segment.name) on \(day)")
                #expect(fast.count == (try selected(fast.segment, on: day)).count, "\(fast.segment.name) on \(day)")
                #expect(fast.population == goodStanding && reference.population == goodStanding, "\(day)")
                if fast.count > 0 { counted.insert(fast.segment.name) }
            }
        }
        #expect(counted == Set(builtIn.map(\.name))) // every segment is compared on a day it selects someone
    }

    @Test func aListOfBuiltInsAndRulesCountsEachAsItWouldAlone() throws {
        let rules = try SegmentRules.parse("[segment young_or_women]\nany:\n    age <= 35\n    gender = 女\n", file: "mine.rules")
        let mixed = try store.registry.segmentSizes(on: Self.day, segments: BuiltInSegments.all + rules)
        let alone = try store.registry.segmentSizes(on: Self.day, segments: BuiltInSegments.all)
            + store.registry.segmentSizes(on: Self.day, segments: rules)
        #expect(mixed.map(\.segment.name) == alone.map(\.segment.name))
        #expect(mixed.map(\.count) == alone.map(\.count))
        #expect(mixed.map(\.population) == alone.map(\.population))
        #expect(mixed.last?.count == 4 && mixed.last?.population == mixed.first?.population) // Y35, Y35late, YMonth, W
    }

    @Test func aRuleValueThatLooksLikeSQLIsOnlyAValue() throws {
        let hostile = "'; DROP TABLE member; --"
        try member("Hostile", province: hostile)
        let segments = try SegmentRules.parse("[segment odd]\nprovince = \(hostile)\n", file: "odd.rules")
        #expect(!segments[0].predicate.sql.contains("DROP"))
        #expect(try selected(segments[0]) == ["Hostile"])
        let sizes = try store.registry.segmentSizes(on: Self.day, segments: segments)
        #expect(sizes[0].count == 1)
        #expect(try store.registry.count(on: Self.day).individual > 1) // the member table is still there
    }

    @Test func rulesCombineGroupsAndServiceCounts() throws {
        let segments = try SegmentRules.parse("""
            [segment picked]
            description = young or fellows, not grassroots
            any:
                age <= 35
                grade = 会士
            not:
                grassroots = 是
            [segment engaged]
            services_12m >= 1
            last_service_days <= 365
            [segment long_unserved]
            last_service_days > 365
            membership_years >= 9
            """, file: "mine.rules")
        #expect(try selected(segments[0]) == ["Y35", "Y35late", "YMonth", "Fellow"])
        #expect(try selected(segments[1]) == ["ServedDayAfter", "ServedOnD", "NewServed"])
        let unserved = try selected(segments[2])
        #expect(unserved.contains("NoBirth") && unserved.contains("ServedAfterD")) // never served (by D) is long ago
        #expect(!unserved.contains("Served12mAgo") && !unserved.contains("ServedOnD")) // 365 days is not > 365
        #expect(!unserved.contains("JoinedYearAgo")) // a member for one year only
    }

    @Test func anExportStartsWithTheBOMMasksIdentityNumbersAndIsAudited() throws {
        try store.registry.write { db in
            try db.execute(sql: "UPDATE member SET id_type = 'resident', id_number = '11010519840615002X' WHERE member_no = 'Y35'")
        }
        let path = store.folder.appendingPathComponent("young.csv").path
        let rows = try store.registry.exportSegment(try #require(BuiltInSegments.named("young")), on: Self.day, to: path, language: .zh)
        #expect(rows == 3)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.contains("110105********002X"))
        #expect(!text.contains("11010519840615002X"))
        #expect(text.hasPrefix("会员编号,姓名,"))
        #expect(text.components(separatedBy: "\r\n").count == 5) // header, 3 rows, the empty rest after the last CRLF
        let audit = try store.registry.auditEntries().last
        #expect(audit?.action == "segment.export" && audit?.subject == "young")
        #expect(audit?.detail?.contains("002X") == false)
    }
}
