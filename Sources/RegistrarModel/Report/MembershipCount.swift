/// Members in good standing on one day, individual and unit kept apart (units never count toward G1).
public struct MembershipCount: Sendable, Hashable, Codable {
    public var asOf: String
    /// Individual members in good standing (`Standing`): the number every rule uses.
    public var individual: Int
    public var unit: Int
    /// Individual members on the roll, registered or not; equal to `individual` where registration is
    /// not required.
    public var individualOnRoll: Int

    public init(asOf: String, individual: Int, unit: Int, individualOnRoll: Int? = nil) {
        self.asOf = asOf
        self.individual = individual
        self.unit = unit
        self.individualOnRoll = individualOnRoll ?? individual
    }

    /// On the roll but not in good standing (未注册).
    public var unregistered: Int { individualOnRoll - individual }

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of"
        case individual
        case unit
        case individualOnRoll = "individual_on_roll"
    }
}
