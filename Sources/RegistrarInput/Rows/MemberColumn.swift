import RegistrarModel
/// The stored columns of an individual member, in the order the merge binds and compares them.
package enum MemberColumn: Int, CaseIterable, Sendable {
    case memberNo, name, gender, birthDate, idType, idNumber, orcid, email, phone, employer, unitID
    case title, titleLevel, education, degree, discipline, province, nationality, grade, grassroots
    case politicalStatus

    package var sqlName: String {
        switch self {
        case .memberNo: "member_no"
        case .name: "name"
        case .gender: "gender"
        case .birthDate: "birth_date"
        case .idType: "id_type"
        case .idNumber: "id_number"
        case .orcid: "orcid"
        case .email: "email"
        case .phone: "phone"
        case .employer: "employer"
        case .unitID: "unit_id"
        case .title: "title"
        case .titleLevel: "title_level"
        case .education: "education"
        case .degree: "degree"
        case .discipline: "discipline"
        case .province: "province"
        case .nationality: "nationality"
        case .grade: "grade"
        case .grassroots: "grassroots"
        case .politicalStatus: "political_status"
        }
    }

    package var isInteger: Bool { self == .unitID || self == .grassroots }
}

/// One validated row's values, as UTF-8 bytes in a buffer reused from row to row.
///
/// Making a `String` per field costs about as much as the whole database work of an import, so
/// values stay bytes from the file to `sqlite3_bind_text`.
package struct MemberValues {
    package enum Slot: Equatable {
        case null
        case text(start: Int, count: Int)
        case integer(Int64)
    }

    private(set) var bytes: [UInt8] = []
    private(set) var slots = [Slot](repeating: .null, count: MemberColumn.allCases.count)
    package var membership = RowMembership()
    package var line = 0

    package init() {
        bytes.reserveCapacity(1024)
    }

    package mutating func reset(line: Int) {
        bytes.removeAll(keepingCapacity: true)
        for index in slots.indices { slots[index] = .null }
        membership = RowMembership()
        self.line = line
    }

    package mutating func set(_ column: MemberColumn, _ value: UnsafeRawBufferPointer) {
        guard !value.isEmpty else { slots[column.rawValue] = .null; return }
        let start = bytes.count
        bytes.appendBytes(value)
        slots[column.rawValue] = .text(start: start, count: value.count)
    }

    package mutating func set(_ column: MemberColumn, _ value: String) {
        var value = value
        value.withUTF8 { set(column, UnsafeRawBufferPointer($0)) }
    }

    package mutating func set(_ column: MemberColumn, integer: Int64?) {
        slots[column.rawValue] = integer.map(Slot.integer) ?? .null
    }

    package mutating func setNull(_ column: MemberColumn) {
        slots[column.rawValue] = .null
    }

    package subscript(column: MemberColumn) -> Slot { slots[column.rawValue] }

    /// A copy with storage of its own, sized to fit, for handing to another thread while this one is reused.
    package func detached() -> MemberValues {
        var copy = self
        copy.bytes = bytes.withUnsafeBufferPointer { Array($0) }
        copy.slots = slots.withUnsafeBufferPointer { Array($0) }
        return copy
    }

    package func string(_ column: MemberColumn) -> String? {
        switch slots[column.rawValue] {
        case .null: nil
        case .integer(let value): String(value)
        case .text(let start, let count): String(decoding: bytes[start..<start + count], as: UTF8.self)
        }
    }

    /// Lends the row's text storage for the length of `body`, which `FastStatement.bind(_:_:borrowing:)`
    /// binds from without copying.
    package func withStorage<R>(_ body: (Storage) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { try body(Storage(base: $0.baseAddress, slots: slots)) }
    }

    /// The row's slots and the address of its text, valid only inside `withStorage`.
    package struct Storage {
        fileprivate let base: UnsafeRawPointer?
        fileprivate let slots: [Slot]

        /// A column's text bytes (nil for NULL or an integer).
        package func text(_ column: MemberColumn) -> (pointer: UnsafeRawPointer, count: Int)? {
            guard case .text(let start, let count) = slots[column.rawValue], let base else { return nil }
            return (base + start, count)
        }

        package subscript(column: MemberColumn) -> Slot { slots[column.rawValue] }
    }
}
