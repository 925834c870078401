/// 单位会员: unit (organisation) members over one month, reported apart because they never count toward the goal.
public struct UnitMemberFlow: Sendable, Hashable {
    public let startCount: Int
    public let joined: Int
    public let left: Int
    public let endCount: Int

    public init(startCount: Int, joined: Int, left: Int, endCount: Int) {
        self.startCount = startCount
        self.joined = joined
        self.left = left
        self.endCount = endCount
    }
}
