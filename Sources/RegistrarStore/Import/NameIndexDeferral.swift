import GRDB
import RegistrarModel
import RegistrarInput

/// The names of the members an import adds, put into the name search index (`member_name_fts`,
/// migrations v7 and v9) once the rows are in, instead of by trigger row by row.
///
/// The insert trigger would add each new member's trigrams as the row goes in, and, like every
/// trigger, make SQLite run each INSERT under a statement journal of its own, which a long import
/// writes to a temporary file. Every member an import inserts gets a rowid above the largest there
/// was when it began (`INTEGER PRIMARY KEY` takes the largest plus one), so dropping the trigger for
/// the import's transaction and adding the names of those rows before the commit leaves exactly what
/// the trigger would have; into a registry with no members, the index is built from the whole table.
/// Should the transaction roll back, SQLite restores the trigger with everything else. Changed names
/// still go through the update trigger.
final class NameIndexDeferral {
    static let triggerName = "member_name_fts_insert"

    private let db: Database
    private let trigger: DroppedSchemaObject
    /// The largest member rowid when the import began; nil when there were no members.
    private let largestBefore: Int64?

    /// Drops the trigger for the rest of the transaction; nil, dropping nothing, when the registry has
    /// no such trigger.
    init?(_ db: Database) throws {
        let largest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM member")
        guard let trigger = try DroppedSchemaObject(db, .trigger, named: NameIndexDeferral.triggerName) else { return nil }
        self.db = db
        self.trigger = trigger
        largestBefore = largest
    }

    /// Adds the names of the members inserted since the import began and puts the trigger back.
    func restore() throws {
        if let largestBefore, largestBefore < Int64.max { // past the largest rowid SQLite picks at random
            try db.execute(sql: "INSERT INTO member_name_fts (rowid, name) SELECT id, name FROM member WHERE id > ?",
                           arguments: [largestBefore])
        } else {
            try db.execute(sql: "INSERT INTO member_name_fts (member_name_fts) VALUES ('rebuild')")
        }
        try trigger.create(db)
    }
}
