import Foundation
import Testing
@testable import RegistrarKit

struct MonthlyReportJSONTests {
    private func object(_ report: MonthlyReport) throws -> [String: Any] {
        let json = try report.json()
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func carriesDesignKeysAndValues() throws {
        let json = try object(ReportFixtures.march2018())
        for key in ["month", "start_count", "joined", "left", "end_count", "yoy_percent", "goal", "series"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["month"] as? String == "2018-03")
        #expect(json["start_count"] as? Int == 103_000)
        #expect(json["joined"] as? Int == 1_200)
        #expect(json["left"] as? Int == 200)
        #expect(json["end_count"] as? Int == 104_000)
        #expect(json["yoy_percent"] as? Double == 14.29)
        #expect(json["mom_percent"] as? Double == 0.97)
        let goal = try #require(json["goal"] as? [String: Any])
        #expect(Set(goal.keys) == ["base_year", "base_count", "target_percent", "target_count", "met"])
        #expect(goal["base_year"] as? Int == 2017)
        #expect(goal["base_count"] as? Int == 100_000)
        #expect(goal["target_percent"] as? Double == 15)
        #expect(goal["target_count"] as? Int == 115_000)
        #expect(goal["met"] as? Bool == false)
        // The last 24 of the 30 month-end counts, unless more are asked for.
        let series = try #require(json["series"] as? [[String: Any]])
        #expect(series.count == 24)
        #expect(Set(series[0].keys) == ["month", "end_count"])
        #expect(series.first?["month"] as? String == "2016-04")
        #expect(series.last?["month"] as? String == "2018-03")
        #expect(series.last?["end_count"] as? Int == 104_000)
        var longer = ReportFixtures.march2018()
        longer.shownMonths = 30
        #expect((try object(longer)["series"] as? [[String: Any]])?.count == 30)
    }

    @Test func undefinedValuesAreNullNotMissing() throws {
        let march = ReportFixtures.month("2018-03")
        let report = MonthlyReport(
            month: march, startCount: 0, joined: 40, left: 0, endCount: 40, yearAgoEndCount: 0,
            goal: GrowthGoal.workPoints2018.evaluate(baseCount: 0, count: 40), series: [],
            breakdowns: [], units: UnitMemberFlow(startCount: 0, joined: 0, left: 0, endCount: 0))
        let json = try object(report)
        #expect(json["yoy_percent"] is NSNull)
        #expect(json["mom_percent"] is NSNull)
        let goal = try #require(json["goal"] as? [String: Any])
        #expect(goal["met"] is NSNull)
        #expect(goal["target_count"] is NSNull)
        let text = try report.json()
        #expect(!text.contains("inf") && !text.contains("nan"))
    }

    @Test func percentsAreNumbersWithTwoDecimals() throws {
        let text = try ReportFixtures.march2018().json()
        #expect(text.contains("\"yoy_percent\" : 14.29"))
        #expect(text.contains("\"mom_percent\" : 0.97"))
    }

    @Test func breakdownsKeepTheirOrderAndMachineKeys() throws {
        let json = try object(ReportFixtures.march2018())
        let breakdowns = try #require(json["breakdowns"] as? [[String: Any]])
        #expect(breakdowns.map { $0["dimension"] as? String } == ["gender", "age_band", "province", "grassroots"])
        let ages = try #require(breakdowns[1]["rows"] as? [[String: Any]])
        #expect(ages.map { $0["key"] as? String } == ["le35", "36-45", "46-60", "gt60", "unknown"])
        let units = try #require(json["units"] as? [String: Any])
        #expect(units["end_count"] as? Int == 313)
        let progress = try #require(json["progress"] as? [String: Any])
        #expect(progress["monthly_pace_needed"] as? Int == 1_223)
        #expect(progress["on_pace"] as? Bool == false)
        let settings = try #require(json["settings"] as? [String: Any])
        #expect(settings["target_year"] as? Int == 2018)
    }

    @Test func outputIsStableFromRunToRun() throws {
        let report = ReportFixtures.march2018()
        #expect(try report.json() == report.json())
    }
}

struct MonthlyReportTableTests {
    @Test func chineseLabelsAppear() {
        let text = ReportFixtures.march2018().table(.zh)
        for label in ["会员月度报告", "月初会员数", "新入会", "退会", "月末会员数", "同比", "目标", "还需新增", "每月需净增", "单位会员", "年龄段", "本报告所用设置"] {
            #expect(text.contains(label), "missing \(label)")
        }
        #expect(!text.contains("Members at start of month"))
    }

    @Test func englishHasNoChineseLabels() {
        let text = ReportFixtures.march2018().table(.en)
        #expect(text.contains("Members at start of month"))
        #expect(text.contains("Members still needed"))
        #expect(!text.contains("月初会员数"))
    }

    @Test func numbersEndInTheSameColumnUnderChineseLabels() throws {
        let text = ReportFixtures.march2018().table(.zh)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "个人会员"))
        // Heading, rule and ten rows: every line of the summary table ends at the same display column.
        let block = lines[(start + 1)...(start + 12)]
        #expect(Set(block.map { DisplayWidth.of($0) }).count == 1, "\(block)")
        #expect(block.contains { $0.hasPrefix("月初会员数") && $0.hasSuffix("103,000") })
    }
}

struct MonthlyReportCSVTests {
    private func records(_ csv: String) -> [[String]] {
        csv.split(separator: "\r\n").map { line in
            // The fixtures put no comma inside a field except in reasons, which are quoted.
            var fields: [String] = []
            var field = ""
            var quoted = false
            for character in line {
                if character == "\"" { quoted.toggle() } else if character == "," && !quoted {
                    fields.append(field); field = ""
                } else { field.append(character) }
            }
            fields.append(field)
            return fields
        }
    }

    @Test func keysStayFixedWhileLabelsFollowTheLanguage() {
        let report = ReportFixtures.march2018()
        let english = records(report.csv(.en))
        let chinese = records(report.csv(.zh))
        #expect(english[0] == ["section", "key", "label", "value"])
        #expect(english.map { [$0[0], $0[1]] } == chinese.map { [$0[0], $0[1]] })
        #expect(english.map { $0[2] } != chinese.map { $0[2] })
        #expect(english.allSatisfy { $0.count == 4 })
        let start = chinese.first { $0[0] == "summary" && $0[1] == "start_count" }
        #expect(start == ["summary", "start_count", "月初会员数", "103000"])
        #expect(chinese.contains(["goal", "met", "是否达标", "false"]))
        #expect(chinese.contains(["series", "2018-03", "2018-03", "104000"]))
        #expect(chinese.contains(["breakdown.province", "北京", "北京", "60000"]))
        // Reasons hold commas; they must come back as one field.
        #expect(chinese.contains { $0[0] == "goal" && $0[1] == "reason" && $0[3].contains("115,000") })
    }
}

struct MonthlyReportHTMLTests {
    @Test func isOneSelfContainedPageWithAChartOf24Points() {
        let html = ReportFixtures.march2018(seriesLength: 30).html(.en)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<style>"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 1)
        #expect(html.components(separatedBy: "<circle").count - 1 == 24)
        #expect(!html.lowercased().contains("<script"))
        for fetch in ["src=", "href=", "url(", "@import", "<link"] {
            #expect(!html.contains(fetch), "page fetches something: \(fetch)")
        }
        // The chart starts 23 months before the report month.
        #expect(html.contains("<title>2016-04: 81,000</title>"))
        #expect(!html.contains("<title>2016-03: 80,000</title>"))
    }

    @Test func chartDrawsBaseAndTargetLinesWithALegend() {
        let html = ReportFixtures.march2018().html(.en)
        #expect(html.components(separatedBy: "class=\"reference\"").count - 1 == 2)
        #expect(html.contains("Base count (2017): 100,000"))
        #expect(html.contains("Target count (2018): 115,000"))
        #expect(html.contains("<g class=\"legend\">"))
        #expect(html.contains(">Month</text>") && html.contains(">Members</text>"))
    }

    @Test func zeroBaseDrawsNoTargetLine() {
        let march = ReportFixtures.month("2018-03")
        let report = MonthlyReport(
            month: march, startCount: 0, joined: 40, left: 0, endCount: 40, yearAgoEndCount: 0,
            goal: GrowthGoal.workPoints2018.evaluate(baseCount: 0, count: 40),
            series: [MonthCount(month: march, endCount: 40)],
            breakdowns: [], units: UnitMemberFlow(startCount: 0, joined: 0, left: 0, endCount: 0))
        let html = report.html(.en)
        #expect(html.components(separatedBy: "class=\"reference\"").count - 1 == 1)
        #expect(html.components(separatedBy: "<circle").count - 1 == 1)
        // As a value, attribute or coordinate: "dominant-baseline" must not count.
        #expect(html.firstMatch(of: /[">, ]-?(nan|inf)[",< ]/) == nil)
    }

    @Test func chineseLabelsAppear() {
        let html = ReportFixtures.march2018().html(.zh)
        #expect(html.contains("<html lang=\"zh-CN\">"))
        for label in ["会员月度报告", "月初会员数", "同比%", "还需新增", "每月需净增", "近24个月月末个人会员数", "基准数", "目标数"] {
            #expect(html.contains(label), "missing \(label)")
        }
    }

    @Test func escapesDataText() {
        let html = ReportFixtures.march2018(provinces: [.init(value: "<b>A&B</b>", count: 1)]).html(.en)
        #expect(html.contains("&lt;b&gt;A&amp;B&lt;/b&gt;"))
        #expect(!html.contains("<b>A&B</b>"))
    }

    @Test func renderedDispatchesOnFormat() throws {
        let report = ReportFixtures.march2018()
        #expect(try report.rendered(as: .html, language: .zh) == report.html(.zh))
        #expect(try report.rendered(as: .json, language: .zh) == report.json())
        #expect(try report.rendered(as: .csv, language: .en) == report.csv(.en))
        #expect(try report.rendered(as: .table, language: .en) == report.table(.en))
    }
}
