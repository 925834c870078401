import RegistrarModel
/// A row that cannot be imported: which column, why, and the keys that still identify the member.
package struct RowRejection: Error {
    package var column: String?
    package var reason: Text
    package var memberNo: String? = nil
    package var idNumber: String? = nil
    package var idType: String? = nil
    /// Set when the row names a unit member the registry does not have, which the summary counts:
    /// many such rows mean the unit roster was not imported first.
    package var namesUnknownUnit = false

    package init(column: String? = nil, reason: Text, memberNo: String? = nil, idNumber: String? = nil, idType: String? = nil) {
        self.column = column
        self.reason = reason
        self.memberNo = memberNo
        self.idNumber = idNumber
        self.idType = idType
    }
}
