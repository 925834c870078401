import GRDB
import RegistrarModel
import RegistrarInput

/// Imports branches (分支机构), one row per branch, re-imported by name.
struct BranchRowImporter: RecordByRecordImporter {
    let db: Database
    let mapping: HeaderMapping
    private var seen: [String: Int] = [:]

    init(_ db: Database, mapping: HeaderMapping) {
        self.db = db
        self.mapping = mapping
    }

    mutating func importRow(_ record: CSVRecord) throws -> RowOutcome {
        if let rejection = mapping.fieldCountRejection(record) { return .rejected(rejection) }
        let fields = RecordFields(mapping: mapping, record: record)
        do {
            let name = try fields.required("name", Text(en: "the branch name", zh: "分支机构名称"))
            if let line = seen[name] {
                throw fields.rejection("name", Text(
                    en: "the same branch appears again (first on line \(line)); keep one row per branch",
                    zh: "同一分支机构重复出现（首次在第 \(line) 行）；每个分支机构只保留一行"))
            }
            let founded = try fields.date("founded_on")
            let lastActivity = try fields.date("last_activity_on")
            let dissolved = try fields.date("dissolved_on")
            if let founded, let dissolved, dissolved < founded {
                throw fields.rejection("dissolved_on", Text(en: "the branch is dissolved (\(dissolved)) before it was founded (\(founded))",
                                                            zh: "撤销日期 \(dissolved) 早于成立日期 \(founded)"))
            }
            if let founded, let lastActivity, lastActivity < founded {
                throw fields.rejection("last_activity_on", Text(
                    en: "the last activity (\(lastActivity)) is before the branch was founded (\(founded))",
                    zh: "最近活动日期 \(lastActivity) 早于成立日期 \(founded)"))
            }
            seen[name] = record.line
            // Only the columns the file has are written: a file without 撤销日期 leaves dissolutions alone.
            var values: [(String, DatabaseValue)] = []
            for (field, value) in [("founded_on", founded), ("last_activity_on", lastActivity), ("dissolved_on", dissolved)]
            where mapping.has(field) {
                values.append((field, value.databaseValue))
            }
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM branch WHERE name = ?", arguments: [name]) {
                let changed = values.filter { row[$0.0] as DatabaseValue != $0.1 }
                guard !changed.isEmpty else { return .unchanged }
                try db.execute(sql: "UPDATE branch SET \(changed.map { "\($0.0) = ?" }.joined(separator: ", ")) WHERE id = ?",
                               arguments: StatementArguments(changed.map(\.1) + [(row["id"] as Int64).databaseValue]))
                return .updated
            }
            try db.execute(sql: "INSERT INTO branch (name\(values.map { ", " + $0.0 }.joined())) VALUES (?\(String(repeating: ", ?", count: values.count)))",
                           arguments: StatementArguments([name.databaseValue] + values.map(\.1)))
            return .inserted
        } catch let rejection as RowRejection {
            return .rejected(rejection)
        }
    }
}
