import RegistrarKit

/// The import summary for people: counts, and where the rejected rows went.
struct ImportReport {
    let summary: ImportSummary
    let file: String
    let language: Language

    func print(format: OutputFormat) {
        let s = summary
        let rows: [(Text, Int)] = [
            (Text(en: "read", zh: "读取"), s.read), (Text(en: "inserted", zh: "新增"), s.inserted),
            (Text(en: "updated", zh: "更新"), s.updated), (Text(en: "unchanged", zh: "未变"), s.unchanged),
            (Text(en: "rejected", zh: "拒绝"), s.rejected), (Text(en: "lapsed (absent from roster)", zh: "终止（名册中缺失）"), s.lapsed),
        ]
        Output.rows(headers: [Text(en: "rows", zh: "行")(language), Text(en: "count", zh: "数量")(language)],
                    rows.map { [$0.0(language), String($0.1)] }, format: format)
        var notes: [Text] = []
        if s.dryRun { notes.append(Text(en: "dry run: nothing was changed", zh: "试运行：未作任何改动")) }
        if !s.unknownColumns.isEmpty {
            let list = s.unknownColumns.joined(separator: ", ")
            notes.append(Text(en: "ignored columns: \(list) (map them with --map if they matter)",
                              zh: "已忽略的列：\(list)（如需导入请用 --map 映射）"))
        }
        if let rejects = s.rejectsFile {
            notes.append(Text(en: "\(s.rejected) rejected rows, each with its line and reason, are in \(rejects)",
                              zh: "\(s.rejected) 行被拒绝，行号与原因见 \(rejects)"))
        }
        for note in notes { Console.error(note(language)) }
    }
}
