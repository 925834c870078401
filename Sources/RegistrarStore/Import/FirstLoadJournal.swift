import GRDB

/// A first roster into a registry with no members, written once into the file itself.
///
/// In WAL mode every page of a first import is written twice: into the `-wal` file while the rows go
/// in, then into the registry when the commit's checkpoint copies it back, most of a million-row
/// import's system time. With a rollback journal, pages past the file's old end need no journal, so
/// the rows are written once. The transaction is as atomic: killed part-way, the journal holds the
/// few pages the import changed, and the next connection that opens the file puts them back
/// (`Registry.readOnlyQueue` rolls back for a read-only one).
///
/// The cost is that readers wait while it writes, where in WAL mode they go on reading the registry
/// as it was; so it is for the command line only (`ImportOptions.firstLoadMayHoldReaders`). The switch
/// happens only when no other connection is reading at that moment; otherwise the import runs in WAL
/// mode as always.
enum FirstLoadJournal {
    /// Switches the connection from WAL to a rollback journal when the registry has no members and no
    /// other connection is reading; true when it did.
    static func begin(_ db: Database) throws -> Bool {
        guard try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM member)") ?? true) else { return false }
        do {
            return try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") == "delete"
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            return false
        }
    }

    /// Back to WAL, as every connection opens the registry (`Registry.configuration`); a registry left in
    /// rollback mode by a failed switch is put back by the next one.
    static func end(_ db: Database) {
        try? Registry.setWAL(db)
    }
}
