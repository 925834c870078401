import Foundation
import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

/// `import services` through the library.
struct ServiceImportTests {
    let store: TemporaryRegistry
    init() throws {
        store = try TemporaryRegistry()
        try store.addMember("M1", from: "2015-01-01")
    }

    func importServices(_ rows: [String]) throws -> ImportSummary {
        let path = store.folder.appendingPathComponent("services-\(UUID().uuidString).csv").path
        try ("会员编号,日期,服务类型,渠道,名称\n" + rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return try store.registry.importFile(.services, path: path, options: ImportOptions(asOf: Day(iso: "2019-12-31")!))
    }

    @Test func rowsImportAndASecondImportFindsThemUnchanged() throws {
        let rows = ["M1,2018-03-05,学术会议,线下,年会", "M1,2018/3/6,training,online,\"Workshop, part 1\""]
        let first = try importServices(rows)
        #expect(first.inserted == 2 && first.rejected == 0)
        let again = try importServices(rows)
        #expect(again.unchanged == 2 && again.inserted == 0)
        #expect(try store.registry.serviceSummary().total == 2)
    }

    @Test func unknownMembersBadTermsAndRepeatsAreRejected() throws {
        let summary = try importServices([
            "M1,2018-03-05,学术会议,线下,年会",
            "M9,2018-03-05,学术会议,线下,年会",   // no such member
            "M1,2018-03-05,学术会议,线下,年会",   // the same row again
            "M1,2018-03-05,宴会,线下,年会",       // not a service type
            "M1,2018-03-05,培训,邮寄,年会",       // not a channel
        ])
        #expect(summary.inserted == 1 && summary.rejected == 4)
        let rejects = try String(contentsOfFile: try #require(summary.rejectsFile), encoding: .utf8)
        #expect(rejects.contains("M9") && rejects.contains("line 2"))
    }

    @Test func aRowRepeatedInAFileIsRejectedEvenWhenTheRegistryHadItAlready() throws {
        _ = try importServices(["M1,2018-03-05,学术会议,线下,年会"])
        let again = try importServices(["M1,2018-03-05,学术会议,线下,年会", "M1,2018-03-06,培训,线上,课程", "M1,2018-03-05,学术会议,线下,年会"])
        #expect(again.unchanged == 1 && again.inserted == 1 && again.rejected == 1)
        let rejects = try String(contentsOfFile: try #require(again.rejectsFile), encoding: .utf8)
        #expect(rejects.contains("first on line 2"))
        #expect(try store.registry.serviceSummary().total == 2)
    }

    @Test func theSummaryCountsByTypeChannelAndMonthWithinTheDates() throws {
        _ = try importServices(["M1,2018-03-05,学术会议,线下,a", "M1,2018-04-01,科普,线上,b", "M1,2019-01-01,科普,线上,c"])
        let summary = try store.registry.serviceSummary(from: Day(iso: "2018-03-05"), to: Day(iso: "2018-12-31"))
        #expect(summary.total == 2)
        #expect(summary.byType.first { $0.key == "popular_science" }?.count == 1)
        #expect(summary.byChannel.map(\.count) == [1, 1])
        #expect(summary.byMonth.map(\.key) == ["2018-03", "2018-04"])
    }
}
