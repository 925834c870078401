import GRDB

/// Unit members by number and by exact name, for linking individuals to the unit they work at.
struct UnitDirectory {
    var byNumber: [String: Int64] = [:]
    /// Name → unit, or nil when two units share the name (then no link is made by name).
    var byName: [String: Int64?] = [:]

    init(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT id, unit_no, name FROM unit_member") {
            let id: Int64 = row["id"]
            if let number: String = row["unit_no"] { byNumber[number] = id }
            let name: String = row["name"]
            byName[name] = byName[name] == nil ? id : .some(nil)
        }
    }

    func unit(named name: String) -> Int64? { byName[name] ?? nil }
}
