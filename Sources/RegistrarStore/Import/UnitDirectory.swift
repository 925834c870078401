import GRDB
import RegistrarInput

extension UnitDirectory {
    /// Every unit member in the registry.
    init(_ db: Database) throws {
        self.init()
        for row in try Row.fetchAll(db, sql: "SELECT id, unit_no, name FROM unit_member") {
            add(id: row["id"], number: row["unit_no"], name: row["name"])
        }
    }
}
