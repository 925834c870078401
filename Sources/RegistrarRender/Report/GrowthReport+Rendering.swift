import RegistrarModel
extension GrowthReport {
    /// The report as terminal text, one aligned table per part with its reason below.
    public func table(_ language: Language) -> String {
        sections.map { $0.table(language) }.joined(separator: "\n")
    }

    /// The report as `section,key,label,value` records, like the monthly report's CSV.
    public func csv(_ language: Language) -> String {
        CSVField.record(["section", "key", "label", "value"]) + sections.map { $0.csvRecords(language) }.joined()
    }

    /// The report as DESIGN.md's `growth` JSON, exactly those keys, null where undefined.
    public func json() throws -> String {
        try JSONText.encode(GrowthReportJSON(report: self))
    }
}

package struct GrowthReportJSON: Encodable {
    package let report: GrowthReport

    private enum CodingKeys: String, CodingKey {
        case year, goal, relaxation
        case startCount = "start_count"
        case endCount = "end_count"
        case growthPercent = "growth_percent"
    }

    private enum RelaxationKeys: String, CodingKey {
        case eligible
        case thresholdPercent = "threshold_percent"
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(report.year, forKey: .year)
        try container.encode(report.growth.before, forKey: .startCount)
        try container.encode(report.growth.after, forKey: .endCount)
        try container.encode(report.growth.percent?.jsonNumber, forKey: .growthPercent)
        try container.encode(GoalJSON(verdict: report.goal), forKey: .goal)
        var relaxation = container.nestedContainer(keyedBy: RelaxationKeys.self, forKey: .relaxation)
        try relaxation.encode(report.relaxation.threshold.jsonNumber, forKey: .thresholdPercent)
        try relaxation.encode(report.relaxation.eligible, forKey: .eligible)
    }
}
