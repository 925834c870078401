import GRDB
import RegistrarModel
import RegistrarInput

/// The registry's migrations, in order. A migration that has shipped is never edited: each one's SQL
/// is a frozen file under `Store/Migrations/`, and `schema.sql` is what they add up to (a store test
/// checks that a database built by the migrations equals one built from `schema.sql`).
enum Migrations {
    /// The first migration, which only a new file applies.
    static let first = "v1-schema"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        // The first release: the whole schema as it was then.
        migrator.registerMigration(first) { db in
            try db.execute(sql: sql(PackageResources.v1_schema_sql))
        }
        // Rebuilds the tables whose CHECKs used IN lists; foreign keys are checked once, at the end
        // (GRDB's default for a migration), since the tables are dropped and recreated by name.
        migrator.registerMigration("v2-enumeration-checks") { db in
            try db.execute(sql: sql(PackageResources.v2_enumeration_checks_sql))
        }
        // Rebuilds the member table with the identity number unique through a named index, which a
        // first import may drop and build after its rows (`IdentityIndexDeferral`).
        migrator.registerMigration("v3-identity-index") { db in
            try db.execute(sql: sql(PackageResources.v3_identity_index_sql))
        }
        // Annual registration (RULES.md R1): the registration table and settings, the import kind
        // and the end reason `unregistered`.
        migrator.registerMigration("v4-registration") { db in
            try db.execute(sql: sql(PackageResources.v4_registration_sql))
        }
        // The staff web view's accounts (`registrar users`, `registrar serve`).
        migrator.registerMigration("v5-web-users") { db in
            try db.execute(sql: sql(PackageResources.v5_web_users_sql))
        }
        // Standing on a day as a comparison: each period carries the member's latest run of
        // recorded registration years (issue 15's speed).
        migrator.registerMigration("v6-registration-speed") { db in
            try db.execute(sql: sql(PackageResources.v6_registration_speed_sql))
        }
        // The web view's name search index (FTS5, trigram) and its audit journal's mark.
        migrator.registerMigration("v7-web-search") { db in
            try db.execute(sql: sql(PackageResources.v7_web_search_sql))
        }
        // The registration span beside the dates in each period row (a count in good standing reads
        // no further into the row than the dates).
        migrator.registerMigration("v8-period-span-columns") { db in
            try db.execute(sql: sql(PackageResources.v8_period_span_columns_sql))
        }
        // The name search index without the column sizes only ranking reads (a first import builds
        // it in less than half the time).
        migrator.registerMigration("v9-name-index-without-sizes") { db in
            try db.execute(sql: sql(PackageResources.v9_name_index_without_sizes_sql))
        }
        return migrator
    }

    private static func sql(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
