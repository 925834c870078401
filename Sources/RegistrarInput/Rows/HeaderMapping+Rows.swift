import RegistrarModel

/// What every importer asks of a mapped record: whether it can be read column by column, and a field's text.
extension HeaderMapping {
    /// The file's own header for a field, so messages use the words the person sees.
    package func headerName(for field: String) -> String {
        columns[field].map { headers[$0] } ?? field
    }

    /// A row with more or fewer fields than the header cannot be read column by column.
    package func fieldCountRejection(_ record: CSVRecord) -> RowRejection? {
        switch record.oversize {
        case .field(let index)?:
            return RowRejection(column: index < headers.count ? headers[index] : nil, reason: Text(
                en: "holds a value longer than \(CSVReader.maxFieldBytes / 1024) KiB, which no roster field needs; the row was not read (check for a missing closing quote)",
                zh: "有一个值超过 \(CSVReader.maxFieldBytes / 1024) KiB，任何名册字段都不需要这么长；该行未读取（请检查是否缺少右引号）"))
        case .fields?:
            return RowRejection(column: nil, reason: Text(
                en: "has more than \(CSVReader.maxFields) fields; the row was not read (check the file is a roster)",
                zh: "字段超过 \(CSVReader.maxFields) 个；该行未读取（请确认文件是名册）"))
        case .record?:
            return RowRejection(column: nil, reason: Text(
                en: "is longer than \(CSVReader.maxRecordBytes / 1024 / 1024) MiB; the row was not read (check for a missing closing quote)",
                zh: "超过 \(CSVReader.maxRecordBytes / 1024 / 1024) MiB；该行未读取（请检查是否缺少右引号）"))
        case nil:
            break
        }
        guard record.count != headers.count else { return nil }
        return RowRejection(column: nil, reason: Text(
            en: "has \(record.count) fields but the header has \(headers.count); check for an unquoted comma or a missing field",
            zh: "有 \(record.count) 个字段，表头有 \(headers.count) 个；请检查是否有未加引号的逗号或缺少字段"))
    }

    /// A field's normalised text, or nil when the file has no such column or the cell is empty.
    package func text(_ field: String, in record: CSVRecord) -> String? {
        guard let index = column(field) else { return nil }
        let value = FieldNormalizer.normalize(record.string(index))
        return value.isEmpty ? nil : value
    }
}
