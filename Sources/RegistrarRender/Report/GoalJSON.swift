import RegistrarModel
/// The `goal` object of the `growth` and `report monthly` JSON, exactly as DESIGN.md fixes it.
package struct GoalJSON: Encodable {
    package let verdict: GrowthGoalVerdict

    private enum CodingKeys: String, CodingKey {
        case baseYear = "base_year"
        case baseCount = "base_count"
        case targetPercent = "target_percent"
        case targetCount = "target_count"
        case met
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(verdict.goal.baseYear, forKey: .baseYear)
        try container.encode(verdict.baseCount, forKey: .baseCount)
        try container.encode(verdict.goal.rate.jsonNumber, forKey: .targetPercent)
        // Written out even when nil: scripts rely on the key being present with null.
        try container.encode(verdict.targetCount, forKey: .targetCount)
        try container.encode(verdict.met, forKey: .met)
    }
}
