import Foundation
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

/// Dossiers, checks before a nomination, and what an expulsion does to the counts.
struct IntegrityTests {
    let store: TemporaryRegistry
    let today = Day.today()

    init() throws {
        store = try TemporaryRegistry()
        let roster = store.folder.appendingPathComponent("roster.csv").path
        try """
            会员编号,姓名,性别,身份证号,入会日期
            M1,张伟,女,11010519491231002X,2015-01-01
            M2,张伟民,男,110105198001010016,2015-01-01
            M3,李娜,,,2016-01-01

            """.write(toFile: roster, atomically: true, encoding: .utf8)
        _ = try store.registry.importFile(.members, path: roster, options: ImportOptions(asOf: Day(iso: "2018-12-31")!))
    }

    func add(_ caseNo: String, member: String, sanction: Sanction, from start: Day?, until end: Day?,
             status: CaseStatus = .decided, decided: Day? = nil) throws {
        let record = IntegrityCase(
            caseNo: caseNo, memberID: try store.registry.memberID(forKey: member), openedOn: Day(year: 2015, month: 6, day: 1)!,
            allegation: .plagiarism, status: status, finding: .substantiated, decidedOn: decided ?? start,
            sanction: sanction, sanctionStart: start, sanctionEnd: end, reference: nil, note: nil)
        _ = try store.registry.saveCase(record)
    }

    @Test func aSanctionStartingTodayBlocks() throws {
        try add("C1", member: "M1", sanction: .nominationBan, from: today, until: today.adding(days: 365))
        let verdict = try store.registry.checkIntegrity(key: "M1", on: today)
        #expect(!verdict.clear)
        #expect(verdict.blocking.map(\.caseNo) == ["C1"])
        #expect(try store.registry.checkIntegrity(key: "M1", on: today.adding(days: -1)).clear)
    }

    @Test func aSanctionThatEndedYesterdayDoesNotBlock() throws {
        try add("C1", member: "M1", sanction: .suspension, from: today.adding(days: -400), until: today)
        #expect(try store.registry.checkIntegrity(key: "M1", on: today).clear)
        #expect(try !store.registry.checkIntegrity(key: "M1", on: today.adding(days: -1)).clear)
    }

    @Test func aPermanentSanctionAlwaysBlocks() throws {
        try add("C1", member: "M1", sanction: .nominationBan, from: Day(iso: "2016-01-01")!, until: nil)
        for day in ["2016-01-01", "2030-12-31", "2099-06-30"] {
            #expect(try !store.registry.checkIntegrity(key: "M1", on: Day(iso: day)!).clear)
        }
    }

    @Test func warningsAndPendingCasesAreShownButDoNotBlock() throws {
        try add("C1", member: "M1", sanction: .warning, from: today.adding(days: -10), until: nil)
        try add("C2", member: "M1", sanction: .none, from: nil, until: nil, status: .investigating)
        let verdict = try store.registry.checkIntegrity(key: "M1", on: today)
        #expect(verdict.clear)
        #expect(Set(verdict.warnings.map(\.caseNo)) == ["C1", "C2"])
    }

    @Test func aLowercaseXIdentityNumberFindsTheMember() throws {
        let dossiers = try store.registry.lookupDossiers("11010519491231002x", reveal: false)
        #expect(dossiers.map(\.profile.memberNo) == ["M1"])
        let fullWidth = try store.registry.lookupDossiers("１１０１０５１９４９１２３１００２ｘ", reveal: false)
        #expect(fullWidth.map(\.profile.memberNo) == ["M1"])
    }

    @Test func aNameFragmentMatchingTwoMembersListsBoth() throws {
        let dossiers = try store.registry.lookupDossiers("张伟", reveal: false)
        #expect(Set(dossiers.compactMap(\.profile.memberNo)) == ["M1", "M2"])
        #expect(dossiers.allSatisfy { $0.cases.isEmpty })
        #expect(try store.registry.lookupDossiers("王五", reveal: false).isEmpty)
    }

    @Test func aLookupLeavesAnAuditRowWithoutTheIdentityNumber() throws {
        _ = try store.registry.lookupDossiers("11010519491231002X", reveal: true)
        let entries = try store.registry.auditEntries().filter { $0.action.hasPrefix("integrity.") }
        #expect(entries.map(\.action) == ["integrity.lookup", "integrity.reveal"])
        #expect(entries.allSatisfy { !(($0.detail ?? "") + ($0.subject ?? "")).contains("19491231") })
        _ = try store.registry.checkIntegrity(key: "M1", on: today)
        #expect(try store.registry.auditEntries().last?.action == "integrity.check")
    }

    @Test func anExpulsionLowersTheNextDaysCountByOne() throws {
        let day = Day(iso: "2019-09-16")!
        let before = try store.registry.count(on: day.adding(days: -1)).individual
        try add("C1", member: "M3", sanction: .expulsion, from: day, until: nil, decided: day)
        #expect(try store.registry.count(on: day.adding(days: -1)).individual == before)
        #expect(try store.registry.count(on: day).individual == before - 1)
        #expect(try store.registry.showMember(key: "M3", reveal: false).periods.last?.endReason == "expelled")
    }

    @Test func reimportingACaseUpdatesItAndKeepsItsHistory() throws {
        func importCases(_ status: String, _ sanction: String) throws -> ImportSummary {
            let path = store.folder.appendingPathComponent("cases-\(UUID().uuidString).csv").path
            try "案件编号,会员编号,立案日期,问题类型,状态,认定结果,处理日期,处理措施\nXH-1,M2,2018-01-02,剽窃,\(status),属实,2018-06-01,\(sanction)\n"
                .write(toFile: path, atomically: true, encoding: .utf8)
            return try store.registry.importFile(.integrity, path: path, options: ImportOptions(asOf: Day(iso: "2018-12-31")!))
        }
        #expect(try importCases("调查中", "无").inserted == 1)
        #expect(try importCases("调查中", "无").unchanged == 1)
        let updated = try importCases("已处理", "禁止推荐")
        #expect(updated.updated == 1)
        let history = try store.registry.caseHistory("XH-1")
        #expect(Set(history.map(\.field)) == ["status", "sanction", "sanction_start"])
        #expect(history.first { $0.field == "status" }?.old == "investigating")
        #expect(history.allSatisfy { $0.batch == updated.batch })
        #expect(try !store.registry.checkIntegrity(key: "M2", on: Day(iso: "2018-07-01")!).clear)
    }
}
