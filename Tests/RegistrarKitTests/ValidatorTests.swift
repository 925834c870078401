import Foundation
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

struct ResidentIdentityNumberTests {
    @Test func aValidNumberGivesItsBirthDateAndGender() throws {
        let id = try ResidentIdentityNumber.parse("11010519491231002X").get()
        #expect(id.birthDate == "1949-12-31")
        #expect(id.gender == "F")
    }

    @Test func aLowercaseXIsAcceptedAndMadeUppercase() throws {
        #expect(try ResidentIdentityNumber.parse("11010519491231002x").get().value == "11010519491231002X")
    }

    @Test func aWrongCheckCharacterIsRefused() {
        #expect(throws: ResidentIdentityNumber.ProblemBox.self) { try ResidentIdentityNumber.parse("110105194912310021").get() }
    }

    @Test func anImpossibleBirthDateOrWrongLengthIsRefused() {
        #expect((try? ResidentIdentityNumber.parse("110105194902300021").get()) == nil)
        #expect((try? ResidentIdentityNumber.parse("1101051949123100").get()) == nil)
    }

    @Test func maskingKeepsSixAndFour() {
        #expect(Masking.identityNumber("11010519491231002X") == "110105********002X")
    }
}

struct CodeTests {
    @Test func creditCodes() {
        #expect(CreditCode.validate("91350100M000100Y43") == "91350100M000100Y43")
        #expect(CreditCode.validate("91350100m000100y43") == "91350100M000100Y43")
        #expect(CreditCode.validate("91350100M000100Y44") == nil)
        #expect(CreditCode.validate("91350100M000100I43") == nil)
    }

    @Test func orcids() {
        #expect(ORCID.validate("0000-0002-1825-0097") == "0000-0002-1825-0097")
        #expect(ORCID.validate("https://orcid.org/0000-0002-1694-233X") == "0000-0002-1694-233X")
        #expect(ORCID.validate("000000021694233x") == "0000-0002-1694-233X")
        #expect(ORCID.validate("0000-0002-1825-0098") == nil)
    }
}

struct DateParserTests {
    @Test(arguments: ["2018-03-05", "2018/3/5", "2018.3.5", "20180305", "2018年3月5日", "2018-03-05 10:30", "2018-3-05"])
    func everyRosterFormatReadsAsTheSameDay(text: String) {
        #expect(DateParser.parse(text) == .day(Day(year: 2018, month: 3, day: 5)!))
    }

    @Test(arguments: ["1975-03", "1975/3", "1975.3", "1975年3月"])
    func monthOnlyDates(text: String) {
        #expect(DateParser.parse(text) == .month(year: 1975, month: 3))
    }

    @Test(arguments: ["2018-02-29", "2018-13-01", "2018-00-10", "18-03-05", "March 5", "2018-03-05-01", ""])
    func impossibleOrUnknownDatesAreRefused(text: String) {
        #expect(DateParser.parse(text) == nil)
    }

    @Test func fullWidthDigitsReadAfterNormalisation() {
        #expect(DateParser.parse(FieldNormalizer.normalize("２０１８－０３－０５")) == .day(Day(year: 2018, month: 3, day: 5)!))
    }
}

struct NormalisationTests {
    @Test func fullWidthAndIdeographicSpacesAreNormalised() {
        #expect(FieldNormalizer.normalize("　张三　") == "张三")
        #expect(FieldNormalizer.normalize("ＡＢＣ１２３") == "ABC123")
        #expect(FieldNormalizer.normalize("  M0001\t") == "M0001")
        #expect(FieldNormalizer.normalize("阿依古丽·买买提") == "阿依古丽·买买提")
    }

    @Test func theFastPathOnlyTakesTextNFKCLeavesAlone() {
        for text in ["abc", "张三", "中国科学院", "㐀"] {
            #expect(text.withCString { FieldNormalizer.isStable(UnsafeRawBufferPointer(start: $0, count: strlen($0))) })
        }
        for text in ["１", "　", "㎏", "Ⅻ", "é"] {
            #expect(!text.withCString { FieldNormalizer.isStable(UnsafeRawBufferPointer(start: $0, count: strlen($0))) })
        }
    }
}

struct VocabularyTests {
    @Test func wordsInEitherLanguageAndAnyCase() {
        #expect(Vocabularies.gender.match("男") == "M")
        #expect(Vocabularies.gender.match("Female") == "F")
        #expect(Vocabularies.status.match("退会") == .ended(.resigned))
        #expect(Vocabularies.status.match("ACTIVE") == .active)
        #expect(Vocabularies.grade.match("会士") == "fellow")
        #expect(Vocabularies.titleLevel.match("副教授") == "associate")
        #expect(Vocabularies.yesNo.match("否") == false)
        #expect(Vocabularies.gender.match("unknown") == nil)
    }
}

struct HeaderMappingTests {
    @Test func chineseAndEnglishHeadersMapCaseInsensitively() throws {
        let mapping = try HeaderMapping(kind: .members, headers: ["会员编号", " Name ", "ＯＲＣＩＤ", "备用"], file: "r.csv")
        #expect(mapping.column("member_no") == 0)
        #expect(mapping.column("name") == 1)
        #expect(mapping.column("orcid") == 2)
        #expect(mapping.unknownHeaders == ["备用"])
    }

    @Test func aMissingKeyColumnStopsTheImportWithTheHeadersToAdd() {
        let error = #expect(throws: InputError.self) { try HeaderMapping(kind: .members, headers: ["姓名", "性别"], file: "r.csv") }
        #expect(error?.problem.en.contains("会员编号") == true)
        #expect(error?.line == 1)
    }

    @Test func twoColumnsForOneFieldAreRefused() {
        #expect(throws: InputError.self) { try HeaderMapping(kind: .members, headers: ["会员编号", "会员号", "姓名"], file: "r.csv") }
    }

    @Test func aMapFileAddsHeaders() throws {
        let path = try temporaryFile("header,field\n编号,member_no\n名字,name\n")
        let extra = try HeaderMapping.readMapFile(path: path, kind: .members)
        let mapping = try HeaderMapping(kind: .members, headers: ["编号", "名字"], file: "r.csv", extra: extra)
        #expect(mapping.column("member_no") == 0 && mapping.column("name") == 1)
        let bad = try temporaryFile("编号,member_number\n")
        let error = #expect(throws: InputError.self) { try HeaderMapping.readMapFile(path: bad, kind: .members) }
        #expect(error?.line == 1)
    }

    /// One header mapped to two fields: which was meant is the user's to say, not the last line's.
    @Test func aHeaderMappedTwiceToDifferentFieldsIsRefused() throws {
        let twice = try temporaryFile("header,field\n编号,member_no\n名字,name\n编号,name\n")
        let error = #expect(throws: InputError.self) { try HeaderMapping.readMapFile(path: twice, kind: .members) }
        #expect(error?.line == 4)
        #expect(error?.problem.en.contains("line 2") == true && error?.problem.zh.contains("第 2 行") == true)
        let repeated = try temporaryFile("编号,member_no\n编号,member_no\n")
        #expect(try HeaderMapping.readMapFile(path: repeated, kind: .members) == ["编号": "member_no"])
    }
}
