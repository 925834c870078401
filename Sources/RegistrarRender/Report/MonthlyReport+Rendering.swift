import RegistrarModel
extension MonthlyReport {
    /// The report in `format`; `language` chooses the words of every format but JSON.
    public func rendered(as format: ReportFormat, language: Language) throws -> String {
        switch format {
        case .table: table(language)
        case .csv: csv(language)
        case .json: try json()
        case .html: html(language)
        }
    }
}
