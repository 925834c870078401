import Testing
@testable import RegistrarModel
@testable import RegistrarInput

/// The roster fields' one table (`MemberField`, `UnitField`): headers, the columns a file sets, and
/// the unit rows' validation, which now lives beside the individual rows'.
struct RosterFieldTests {
    func records(_ csv: String) throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        try CSVReader(path: try temporaryFile(csv), displayName: "units.csv", encoding: .utf8).forEachRecord { records.append($0) }
        return records
    }

    @Test func theCataloguesAreTheFieldTablesAndNoHeaderNamesTwoFields() {
        for kind in [FileKind.members, .units] {
            var seen: [String: String] = [:]
            for (field, headers) in kind.catalogue {
                for header in headers {
                    #expect(seen[HeaderMapping.key(header)] == nil, "\(header) names \(field) and \(seen[HeaderMapping.key(header)] ?? "")")
                    seen[HeaderMapping.key(header)] = field
                }
            }
        }
        #expect(FileKind.members.catalogue.map(\.field) == MemberField.allCases.map(\.name))
        #expect(FileKind.units.catalogue.map(\.field) == UnitField.allCases.map(\.name))
    }

    @Test func everyStoredColumnIsSetBySomeField() {
        let set = Set(MemberField.allCases.flatMap(\.columns))
        #expect(set == Set(MemberColumn.allCases))
        // Only the free-text fields are stored as written, each in its own column.
        for (field, column) in MemberField.storedAsWritten {
            #expect(field.columns.first == column)
        }
    }

    @Test func aFileSetsTheColumnsItsFieldsGiveAndTheNameAlways() {
        #expect(MemberField.columns(setBy: [.memberNo]) == [.memberNo, .name])
        #expect(MemberField.columns(setBy: [.idNumber, .memberNo]) == [.memberNo, .name, .gender, .birthDate, .idType, .idNumber])
        #expect(MemberField.columns(setBy: [.employer]) == [.name, .employer, .unitID])
        #expect(MemberField.columns(setBy: [.title, .joinDate, .status]) == [.name, .title, .titleLevel])
    }

    @Test func aStatusOnlyEndingEndsOnTheFileDateAndAnEndDateAloneIsALapse() throws {
        let asOf = try #require(Day(iso: "2018-12-31")), join = try #require(Day(iso: "2010-05-01"))
        let end = try #require(Day(iso: "2018-03-01"))
        #expect(RowMembership(join: join, end: nil, status: .ended(.resigned), asOf: asOf)
                == RowMembership(join: join, end: asOf, reason: .resigned, endIsExplicit: false))
        #expect(RowMembership(join: join, end: end, status: .ended(.expelled), asOf: asOf)
                == RowMembership(join: join, end: end, reason: .expelled))
        #expect(RowMembership(join: join, end: end, status: nil, asOf: asOf) == RowMembership(join: join, end: end, reason: .lapsed))
        #expect(RowMembership(join: join, end: nil, status: .active, asOf: asOf) == RowMembership(join: join))
    }

    @Test func unitRowsAreValidatedWithTheColumnAndReason() throws {
        let rows = try records("""
            单位会员编号,单位名称,统一社会信用代码,单位性质,职工总数,入会日期,会员状态
            U1,甲研究所,91350100M000100Y43,科研院所,"1,200",2016年3月,
            U2,乙公司,91350100M000100Y44,企业,10,2016-01-01,
            U3,丙大学,,高校,-1,2016-01-01,
            U4,丁医院,,医院,5,2016-13-01,
            U5,戊学会,,其他,5,2016-01-01,去世
            ,,,,,,
            """)
        let mapping = try HeaderMapping(kind: .units, headers: rows[0].strings, file: "units.csv")
        let validator = UnitRowValidator(mapping: mapping, asOf: try #require(Day(iso: "2018-12-31")))
        #expect(validator.fields == [.unitNo, .name, .uscc, .kind, .staffCount])

        let first = try validator.validate(rows[1]).get()
        #expect(first.unitNo == "U1")
        #expect(first.membership == RowMembership(join: Day(iso: "2016-03-01")))
        #expect(first.values.map(\.field) == validator.fields)
        let values = first.values.map(\.value)
        #expect(values.count == 5)
        #expect(values.first == .text("U1"))
        #expect(values.dropFirst().first == .text("甲研究所"))
        #expect(values.dropFirst(2).first == .text("91350100M000100Y43"))
        #expect(values.last == .integer(1200))

        func reason(_ row: CSVRecord) -> (String?, String)? {
            guard case .failure(let rejection) = validator.validate(row) else { return nil }
            return (rejection.column, rejection.reason.en)
        }
        #expect(reason(rows[2])?.0 == "统一社会信用代码")
        #expect(reason(rows[3])?.0 == "职工总数")
        #expect(reason(rows[3])?.1.contains("not a whole number") == true)
        #expect(reason(rows[4])?.0 == "入会日期")
        #expect(reason(rows[4])?.1.contains("is not a date") == true)
        // A unit does not die: 去世 reads as leaving, on the file's date.
        let fifth = try validator.validate(rows[5]).get()
        #expect(fifth.membership.reason == .resigned)
        #expect(fifth.membership.end == Day(iso: "2018-12-31"))
        #expect(reason(rows[6])?.1.contains("neither a unit number nor a credit code") == true)
    }

    @Test func daysReadAndWriteTheirBytes() throws {
        let day = try #require(Day(iso: "2024-02-29"))
        #expect(day.withISOBytes { Array($0) } == Array("2024-02-29".utf8))
        #expect(Array("2023-02-29".utf8).withUnsafeBytes { Day(isoBytes: $0) } == nil)
        #expect(Array("2024-2-29".utf8).withUnsafeBytes { Day(isoBytes: $0) } == nil)
        #expect(Array("2024-02-29".utf8).withUnsafeBytes { Day(isoBytes: $0) } == day)
    }
}
