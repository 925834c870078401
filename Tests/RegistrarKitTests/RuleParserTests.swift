import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

/// The rules-file format: what it reads, and the one-line errors for what it cannot.
struct RuleParserTests {
    func error(_ source: String) -> RuleError? {
        do {
            _ = try SegmentRules.parse(source, file: "mine.rules")
            return nil
        } catch let error as RuleError {
            return error
        } catch {
            return nil
        }
    }

    @Test func groupsNestByIndentation() throws {
        let rules = try RuleParser(file: "mine.rules").parse("""
            # a comment
            [segment a]
            description = Young or in Beijing
            service.zh = 青年活动
            gender = F
            any:
                age <= 35
                province in 北京, 上海，广东
                not:
                    grassroots = 1
            """)
        #expect(rules.count == 1)
        #expect(rules[0].description == "Young or in Beijing" && rules[0].serviceZh == "青年活动")
        #expect(rules[0].condition == .all([
            .comparison(field: "gender", op: .equal, values: ["F"], line: 5),
            .any([
                .comparison(field: "age", op: .lessOrEqual, values: ["35"], line: 7),
                .comparison(field: "province", op: .isIn, values: ["北京", "上海", "广东"], line: 8),
                .not([.comparison(field: "grassroots", op: .equal, values: ["1"], line: 10)]),
            ]),
        ]))
    }

    @Test func anUnknownFieldIsNamedWithItsLine() throws {
        let found = try #require(error("[segment a]\n\nsalary > 10\n"))
        #expect(found.line == 3)
        #expect(found.message(.en).hasPrefix("mine.rules:3: unknown field 'salary'"))
    }

    @Test func anUnknownOperatorIsNamedWithItsLine() throws {
        let found = try #require(error("[segment a]\nage <= 35\nage ~ 35\n"))
        #expect(found.line == 3)
        #expect(found.message(.en).contains("unknown operator '~'"))
    }

    @Test func anOperatorThatDoesNotFitTheFieldIsRefused() throws {
        #expect(error("[segment a]\nage contains 3\n")?.message(.en).contains("operator 'contains' does not apply to 'age'") == true)
        #expect(error("[segment a]\nage >= old\n")?.line == 2)
        #expect(error("[segment a]\ngender = X\n")?.message(.zh).contains("不是 'gender' 的有效值") == true)
    }

    @Test func layoutMistakesAreRefusedWithTheirLine() throws {
        #expect(error("age <= 35\n")?.line == 1)                            // outside any segment
        #expect(error("[segment a]\nage <= 35\n    gender = F\n")?.line == 3) // indented under nothing
        #expect(error("[segment a]\nany:\nage <= 35\n")?.line == 2)         // a group with nothing under it
        #expect(error("[segment a]\n[segment b]\nage <= 1\n")?.line == 1)   // no conditions
        #expect(error("[segment young]\nage <= 30\n")?.line == 1)          // a built-in's name
        #expect(error("[segment a]\nage <= 1\n[segment a]\nage <= 2\n")?.line == 3)
        #expect(error("[group a]\n")?.line == 1)
    }

    @Test func valuesAreBoundNeverWrittenIntoTheSQL() throws {
        let segments = try SegmentRules.parse("[segment a]\nemployer contains x') OR 1=1 --\nage in 30, 31\n", file: "mine.rules")
        let predicate = segments[0].predicate
        #expect(!predicate.sql.contains("1=1") && !predicate.sql.contains("30"))
        #expect(predicate.values == ["x') OR 1=1 --".databaseValue, 30.databaseValue, 31.databaseValue])
        #expect(predicate.numbered(from: 4).contains("?4") && predicate.numbered(from: 4).contains("?6"))
    }
}
