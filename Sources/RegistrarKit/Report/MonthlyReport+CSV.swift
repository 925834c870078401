extension MonthlyReport {
    /// The report as one long CSV, `section,key,label,value`: keys stay fixed, labels follow `language`.
    ///
    /// A single four-column sheet opens in any spreadsheet and filters by section, and
    /// scripts can read it by key without caring which language the labels are in.
    public func csv(_ language: Language) -> String {
        CSVField.record(["section", "key", "label", "value"])
            + sections.map { $0.csvRecords(language) }.joined()
    }
}
