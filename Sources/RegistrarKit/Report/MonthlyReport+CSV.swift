extension MonthlyReport {
    /// The report as one long CSV, `section,key,label,value`: keys stay fixed, labels follow `language`.
    ///
    /// A single four-column sheet opens in any spreadsheet and filters by section, and
    /// scripts can read it by key without caring which language the labels are in.
    public func csv(_ language: Language) -> String {
        var about = ""
        if !society.isEmpty { about += CSVField.record(["report", "society", ReportWords.society(language), society]) }
        if let madeOn { about += CSVField.record(["report", "made_on", ReportWords.madeOn(language), madeOn.iso]) }
        return CSVField.record(["section", "key", "label", "value"]) + about
            + sections.map { $0.csvRecords(language) }.joined()
    }
}
