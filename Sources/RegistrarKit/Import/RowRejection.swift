/// A row that cannot be imported: which column, why, and the keys that still identify the member.
struct RowRejection: Error {
    var column: String?
    var reason: Text
    var memberNo: String? = nil
    var idNumber: String? = nil
    var idType: String? = nil
    /// Set when the row names a unit member the registry does not have, which the summary counts:
    /// many such rows mean the unit roster was not imported first.
    var namesUnknownUnit = false
}
