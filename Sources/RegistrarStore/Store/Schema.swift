import RegistrarModel
import RegistrarInput
/// The whole current schema, embedded from `schema.sql` at the top of the repository.
public enum Schema {
    public static let sql: String = String(decoding: PackageResources.schema_sql, as: UTF8.self)
}
