import RegistrarModel
/// The formats a report can be written in, as `--format` names them.
public enum ReportFormat: String, Sendable, CaseIterable {
    case table
    case csv
    case json
    case html
}
