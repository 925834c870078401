/// One member in good standing on D as the built-in segments' native evaluators see it: the columns
/// of `SegmentSQL.members` their conditions read, decoded from bytes.
struct MemberFacts: Sendable {
    /// Whether a recorded nationality is China.
    enum Nationality: Sendable { case china, other }

    /// `m.age`: completed years on D; nil when the birth date is not recorded.
    var age: Int?
    /// `m.gender = 'F'`.
    var isWoman: Bool
    /// `m.grade`; nil when not recorded.
    var grade: MemberGrade?
    /// `m.grassroots = 1`.
    var isGrassroots: Bool
    /// `m.nationality` as the foreign segment reads it; nil when not recorded.
    var nationality: Nationality?
    /// `m.period_start`: the first day of the membership in good standing on D.
    var periodStart: DayNumber
    /// `m.last_served`: the latest service on or before D; nil when there is none.
    var lastServed: DayNumber?

    /// The member columns `init(_:on:periodStart:lastServed:)` reads, in its order.
    static let memberColumns = "SELECT id, gender, grade, grassroots, nationality, birth_date FROM member"

    /// The facts of the member on the current row of `memberColumns`.
    init(_ row: FastStatement, on day: Day, periodStart: DayNumber, lastServed: DayNumber?) {
        age = row.age(5, on: day)
        isWoman = row.bytes(1).map { $0.count == 1 && $0[0] == UInt8(ascii: "F") } ?? false
        grade = row.bytes(2).flatMap(MemberGrade.init(bytes:))
        isGrassroots = row.integer(3) == 1
        nationality = row.bytes(4).map { MemberFacts.isChina($0) ? .china : .other }
        self.periodStart = periodStart
        self.lastServed = lastServed
    }

    private static let china: [[UInt8]] = BuiltInSegments.china.map { Array($0.utf8) }

    /// `lower(nationality) IN (…)` over `BuiltInSegments.china`, on bytes: SQLite's `lower()` folds
    /// ASCII letters only, so every other byte must match as it is.
    static func isChina(_ nationality: UnsafeBufferPointer<UInt8>) -> Bool {
        china.contains { name in
            name.count == nationality.count
                && zip(name, nationality).allSatisfy { $0 == ((65...90).contains($1) ? $1 + 32 : $1) }
        }
    }
}

/// 会员类别: the grades the schema allows in `member.grade`.
enum MemberGrade: String, CaseIterable, Sendable {
    case student, regular, senior, fellow, honorary, foreign

    private static let spellings = allCases.map { ($0, Array($0.rawValue.utf8)) }

    /// The grade stored as these bytes; nil for anything else.
    init?(bytes: UnsafeBufferPointer<UInt8>) {
        guard let match = MemberGrade.spellings.first(where: { $0.1.elementsEqual(bytes) }) else { return nil }
        self = match.0
    }
}
