extension MonthlyReport {
    /// The report as terminal text: a title, then one aligned table per section.
    public func table(_ language: Language) -> String {
        let title = ReportWords.monthlyTitle(language) + " " + month.description + "\n"
            + (byline(language).map { $0 + "\n" } ?? "") + "\n"
        return title + sections.map { $0.table(language) }.joined(separator: "\n")
    }
}
