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
        if s.dryRun {
            notes.append(s.rejectsFile == nil
                ? Text(en: "dry run: nothing was changed", zh: "试运行：未作任何改动")
                : Text(en: "dry run: the registry was not changed; only the rejects file below was written",
                       zh: "试运行：会员库未作任何改动；只写入了下面的拒绝行文件"))
        }
        if s.rejectedForUnknownUnit > 0 {
            let n = s.rejectedForUnknownUnit
            // Many such rows: the unit roster was not imported first (the order README gives).
            notes.append(n * 10 >= s.read
                ? Text(en: "\(n) of \(s.read) rows name a unit member the registry does not have: import the unit roster first "
                           + "(registrar import units FILE), then import \(file) again",
                       zh: "\(s.read) 行中有 \(n) 行所属单位会员不在会员库中：请先导入单位会员名册（registrar import units 文件），"
                           + "再重新导入 \(file)")
                : Text(en: "\(n) rows name a unit member the registry does not have (unit_no); check those numbers",
                       zh: "\(n) 行所属单位会员不在会员库中（单位会员编号）；请核对这些编号"))
        }
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
