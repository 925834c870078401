import GRDB

/// The registry's migrations, in order. A migration that has shipped is never edited.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        // The first release: the whole of schema.sql. When a later migration is added, this body
        // becomes a frozen copy of the schema as it was here (see the header of schema.sql).
        migrator.registerMigration("v1-schema") { db in
            try db.execute(sql: Schema.sql)
        }
        return migrator
    }
}
