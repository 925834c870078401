import GRDB
import RegistrarModel
import RegistrarInput

/// A first import's name search index (`member_name_fts`, migration v7), built once from the member
/// table when the rows are in, instead of by trigger row by row.
///
/// The insert trigger would add each new member's trigrams as the row goes in, and, like every
/// trigger, make SQLite run each INSERT under a statement journal of its own. Into a registry with no
/// members the index is empty, so dropping the trigger for the import's transaction and rebuilding
/// the index from the finished table before the commit leaves exactly what the trigger would have.
/// Should the transaction roll back, SQLite restores the trigger with everything else.
final class NameIndexDeferral {
    static let triggerName = "member_name_fts_insert"

    private let db: Database
    private let trigger: DroppedSchemaObject

    /// Drops the trigger for the rest of the transaction; nil, dropping nothing, when the registry has
    /// no such trigger.
    init?(_ db: Database) throws {
        guard let trigger = try DroppedSchemaObject(db, .trigger, named: NameIndexDeferral.triggerName) else { return nil }
        self.db = db
        self.trigger = trigger
    }

    /// Builds the index from every member and puts the trigger back.
    func restore() throws {
        try db.execute(sql: "INSERT INTO member_name_fts (member_name_fts) VALUES ('rebuild')")
        try trigger.create(db)
    }
}
