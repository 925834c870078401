import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

struct BreakdownTests {
    @Test func ageBandsCountCompletedYearsOnTheDay() throws {
        let store = try TemporaryRegistry()
        let members: [(String, String?, String?, String?)] = [
            ("A", "1982-12-31", "F", "北京"),   // 36 on 2018-12-31: 36–45
            ("B", "1983-01-01", "M", "北京"),   // 35 on 2018-12-31: 35 or under
            ("C", "1958-12", "M", "上海"),      // month-only, birthday counted on the 1st: 60 → 46–60
            ("D", "1957-12-31", nil, nil),      // 61: over 60
            ("E", nil, "F", "上海"),            // unknown
        ]
        for (number, birth, gender, province) in members {
            try store.addMember(number, from: "2015-01-01")
            try store.registry.write { db in
                try db.execute(sql: "UPDATE member SET birth_date = ?, gender = ?, province = ?, grassroots = ? WHERE member_no = ?",
                               arguments: [birth, gender, province, number == "A" ? 1 : nil, number])
            }
        }
        try store.addMember("GONE", from: "2015-01-01", until: "2018-06-30")
        let breakdown = try store.registry.breakdown(on: Day(iso: "2018-12-31")!)
        #expect(breakdown.ageBand == [.from36To45: 1, .upTo35: 1, .from46To60: 1, .over60: 1, .unknown: 1])
        #expect(breakdown.gender == ["F": 2, "M": 2, nil: 1])
        #expect(breakdown.province == ["北京": 2, "上海": 2, nil: 1])
        #expect(breakdown.grassroots == [true: 1, nil: 4])
    }
}
