import RegistrarModel

/// How dossiers and verdicts read: tables for people, stable keys for scripts; identity numbers masked.
package struct DossierView {
    package let language: Language
    package let reveal: Bool

    package struct CaseJSON: Encodable {
        package var case_no: String
        package var opened_on: String
        package var allegation: String
        package var status: String
        package var finding: String?
        package var decided_on: String?
        package var sanction: String
        package var sanction_start: String?
        package var sanction_end: String?
        package var reference: String?
        package var note: String?
    }

    package struct DossierJSON: Encodable {
        package var member_no: String?
        package var name: String
        package var id_number: String?
        package var cases: [CaseJSON]
    }

    package struct VerdictJSON: Encodable {
        package var member_no: String?
        package var name: String
        package var on: String
        package var clear: Bool
        package var blocking: [CaseJSON]
        package var warnings: [CaseJSON]
    }

    package func json(_ record: IntegrityCase) -> CaseJSON {
        CaseJSON(case_no: record.caseNo, opened_on: record.openedOn.iso, allegation: record.allegation.rawValue,
                 status: record.status.rawValue, finding: record.finding?.rawValue, decided_on: record.decidedOn?.iso,
                 sanction: record.sanction.rawValue, sanction_start: record.sanctionStart?.iso, sanction_end: record.sanctionEnd?.iso,
                 reference: record.reference, note: record.note)
    }

    package func json(_ dossier: Dossier) -> DossierJSON {
        DossierJSON(member_no: dossier.profile.memberNo, name: dossier.profile.name,
                    id_number: dossier.profile.idNumber.map { reveal ? $0 : Masking.identityNumber($0) },
                    cases: dossier.cases.map(json))
    }

    package func json(_ verdict: IntegrityVerdict) -> VerdictJSON {
        VerdictJSON(member_no: verdict.memberNo, name: verdict.name, on: verdict.on, clear: verdict.clear,
                    blocking: verdict.blocking.map(json), warnings: verdict.warnings.map(json))
    }

    package func table(_ cases: [IntegrityCase]) -> String {
        let headers = [Text(en: "case", zh: "案件编号"), Text(en: "opened", zh: "立案日期"), Text(en: "allegation", zh: "问题类型"),
                       Text(en: "status", zh: "状态"), Text(en: "finding", zh: "认定结果"), Text(en: "sanction", zh: "处理措施"),
                       Text(en: "from", zh: "开始"), Text(en: "until", zh: "结束")].map { $0(language) }
        let permanent = Text(en: "permanent", zh: "永久")(language)
        return TextTable(headers: headers, rows: cases.map { c in
            [c.caseNo, c.openedOn.iso, c.allegation.label(language), c.status.label(language), c.finding?.label(language) ?? "",
             c.sanction.label(language), c.sanctionStart?.iso ?? "", c.sanction == .none ? "" : (c.sanctionEnd?.iso ?? permanent)]
        }).render()
    }

    package func text(_ dossier: Dossier) -> String {
        let p = dossier.profile
        var out = "\(p.name)  \(p.memberNo ?? "")"
        if let id = p.idNumber { out += "  " + (reveal ? id : Masking.identityNumber(id)) }
        out += "\n"
        if dossier.cases.isEmpty {
            return out + Text(en: "No integrity cases on record.", zh: "无学术诚信案件记录。")(language) + "\n"
        }
        return out + table(dossier.cases)
    }

    package func text(_ verdict: IntegrityVerdict) -> String {
        var out = "\(verdict.name)  \(verdict.memberNo ?? "")  " + Text(en: "on \(verdict.on)", zh: "日期 \(verdict.on)")(language) + "\n"
        if verdict.clear {
            out += Text(en: "CLEAR: no sanction in force blocks a nomination.", zh: "无障碍：没有正在执行、影响推荐的处理措施。")(language) + "\n"
        } else {
            out += Text(en: "BLOCKED by sanctions in force:", zh: "不可推荐：以下处理措施正在执行：")(language) + "\n" + table(verdict.blocking)
        }
        if !verdict.warnings.isEmpty {
            out += Text(en: "Warnings (shown, not blocking):", zh: "提示（仅供参考，不构成障碍）：")(language) + "\n" + table(verdict.warnings)
        }
        return out
    }

    package init(language: Language, reveal: Bool) {
        self.language = language
        self.reveal = reveal
    }
}
