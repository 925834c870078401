import GRDB
import RegistrarModel
import RegistrarInput

extension Registry {
    /// `init`: records the creation or upgrade and, if given, the society's name.
    public func initialize(societyName: String?) throws {
        try write { db in
            if let societyName {
                try db.execute(sql: "UPDATE society SET name = ? WHERE id = 1", arguments: [societyName])
            }
            let details: [String] = (societyName.map { ["society: \($0)"] } ?? [])
                + (appliedMigrations.isEmpty ? [] : ["migrations applied: " + appliedMigrations.joined(separator: ", ")])
            try Registry.appendAudit(db, .initialize, subject: path, detail: details.isEmpty ? nil : details.joined(separator: "; "))
        }
    }

    public func societyName() throws -> String {
        try read { db in try String.fetchOne(db, sql: "SELECT name FROM society WHERE id = 1") ?? "" }
    }
}
