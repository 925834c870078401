/// Unit members by number and by exact name, for linking individuals to the unit they work at.
package struct UnitDirectory {
    package var byNumber: [String: Int64] = [:]
    /// Name → unit, or nil when two units share the name (then no link is made by name).
    package var byName: [String: Int64?] = [:]

    package init() {}

    /// Records one unit; a second unit of the same name makes the name ambiguous.
    package mutating func add(id: Int64, number: String?, name: String) {
        if let number { byNumber[number] = id }
        byName[name] = byName[name] == nil ? id : .some(nil)
    }

    package func unit(named name: String) -> Int64? { byName[name] ?? nil }
}
