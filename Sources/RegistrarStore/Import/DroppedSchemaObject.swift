import GRDB
import RegistrarModel
import RegistrarInput

/// An index or trigger dropped inside the import's transaction and created again before it ends,
/// from the very statement the registry stores for it (so it comes back exactly as it was). Should
/// the transaction roll back instead, SQLite restores it with everything else.
struct DroppedSchemaObject {
    enum Kind: String {
        case index = "INDEX"
        case trigger = "TRIGGER"
    }

    /// The object's own CREATE statement, from `sqlite_master`.
    private let definition: String

    /// Drops the object; nil, dropping nothing, when the registry has no such object.
    init?(_ db: Database, _ kind: Kind, named name: String) throws {
        guard let definition = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = ? AND name = ?",
                                                   arguments: [kind.rawValue.lowercased(), name]) else { return nil }
        self.definition = definition
        try db.execute(sql: "DROP \(kind.rawValue) \(name)")
    }

    func create(_ db: Database) throws {
        try db.execute(sql: definition)
    }
}
