import GRDB
import RegistrarModel
import RegistrarInput

extension RecordFields {
    /// The member the row names by the first of `fields` that has a value (member number, identity
    /// number); the reason for a member not found never shows an identity number in clear.
    func member(_ db: Database, by fields: [String]) throws -> Int64 {
        guard let field = fields.first(where: { text($0) != nil }), let key = text(field) else {
            throw rejection(fields.first { mapping.has($0) }, Text(
                en: "names no member; fill in the member number or the identity number",
                zh: "未指明会员；请填写会员编号或证件号码"))
        }
        guard let id = try Registry.memberID(db, key: key) else {
            throw rejection(field, Text(
                en: "no member with the key '\(Masking.safeEcho(key))'; import the roster first, or correct it",
                zh: "没有编号为 '\(Masking.safeEcho(key))' 的会员；请先导入会员名册，或更正编号"))
        }
        return id
    }
}
