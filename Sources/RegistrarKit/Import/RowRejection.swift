/// A row that cannot be imported: which column, why, and the keys that still identify the member.
struct RowRejection: Error {
    var column: String?
    var reason: Text
    var memberNo: String? = nil
    var idNumber: String? = nil
    var idType: String? = nil
}
