import RegistrarModel
import RegistrarInput
/// One member in good standing on D as the built-in segments' native evaluators see it: the columns
/// of `SegmentSQL.members` their conditions read, decoded from bytes.
package struct MemberFacts: Sendable {
    /// Whether a recorded nationality is China.
    package enum Nationality: Sendable { case china, other }

    /// `m.age`: completed years on D; nil when the birth date is not recorded.
    package var age: Int?
    /// `m.gender = 'F'`.
    package var isWoman: Bool
    /// `m.grade`; nil when not recorded.
    package var grade: MemberGrade?
    /// `m.grassroots = 1`.
    package var isGrassroots: Bool
    /// `m.nationality` as the foreign segment reads it; nil when not recorded.
    package var nationality: Nationality?
    /// `m.period_start`: the first day of the membership in good standing on D.
    package var periodStart: DayNumber
    /// `m.last_served`: the latest service on or before D; nil when there is none.
    package var lastServed: DayNumber?

    /// The member columns `init(_:on:periodStart:lastServed:)` reads, in its order.
    package static let memberColumns = "SELECT id, gender, grade, grassroots, nationality, birth_date FROM member"

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
    package static func isChina(_ nationality: UnsafeBufferPointer<UInt8>) -> Bool {
        china.contains { name in
            name.count == nationality.count
                && zip(name, nationality).allSatisfy { $0 == ((65...90).contains($1) ? $1 + 32 : $1) }
        }
    }
}

/// 会员类别: the grades the schema allows in `member.grade`.
package enum MemberGrade: String, CaseIterable, Sendable {
    case student, regular, senior, fellow, honorary, foreign

    private static let spellings = allCases.map { ($0, Array($0.rawValue.utf8)) }

    /// The grade stored as these bytes; nil for anything else.
    package init?(bytes: UnsafeBufferPointer<UInt8>) {
        guard let match = MemberGrade.spellings.first(where: { $0.1.elementsEqual(bytes) }) else { return nil }
        self = match.0
    }
}
