import Foundation
import GRDB
import RegistrarModel
import RegistrarInput

extension Registry {
    /// Members a lookup query names: member number, identity number (either `x`, full-width or not),
    /// ORCID, else every member whose name contains the query.
    static func members(_ db: Database, matching query: String) throws -> [Int64] {
        let normalised = FieldNormalizer.normalize(query)
        guard !normalised.isEmpty else { return [] }
        if let id = try memberID(db, key: normalised) { return [id] }
        if let orcid = ORCID.validate(normalised),
           let id = try Int64.fetchOne(db, sql: "SELECT id FROM member WHERE orcid = ?", arguments: [orcid]) {
            return [id]
        }
        let pattern = "%" + normalised.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
        return try Int64.fetchAll(db, sql: "SELECT id FROM member WHERE name LIKE ? ESCAPE '\\' ORDER BY name, member_no LIMIT 200",
                                  arguments: [pattern])
    }

    /// `integrity lookup`: the dossiers of the members a query names; the look-up is audited.
    public func lookupDossiers(_ query: String, reveal: Bool) throws -> [Dossier] {
        try write { db in
            let ids = try Registry.members(db, matching: query)
            let dossiers = try ids.compactMap { id -> Dossier? in
                guard let profile = try Registry.profile(db, memberID: id) else { return nil }
                return Dossier(profile: profile, cases: try Registry.fetchCases(db, memberID: id))
            }
            let subjects = dossiers.map { $0.profile.memberNo ?? "member #\($0.profile.id)" }.joined(separator: ", ")
            try Registry.appendAudit(db, .integrityLookup, subject: subjects.isEmpty ? nil : subjects,
                                     detail: "query: \(Masking.safeEcho(query)); \(dossiers.count) member(s)")
            if reveal && !dossiers.isEmpty {
                try Registry.appendAudit(db, .integrityReveal, subject: subjects, detail: "identity numbers shown unmasked")
            }
            return dossiers
        }
    }

    /// `integrity check`: whether anything in force on `day` blocks a nomination; audited.
    public func checkIntegrity(key: String, on day: Day) throws -> IntegrityVerdict {
        try auditedRead { db, audit in
            guard let id = try Registry.memberID(db, typed: key),
                  let profile = try Registry.profile(db, memberID: id) else {
                throw RegistryError.memberNotFound(key: Masking.safeEcho(key))
            }
            let cases = try Registry.fetchCases(db, memberID: id)
            let inForce = cases.filter { $0.sanctionInForce(on: day) }
            let blocking = inForce.filter(\.blocks)
            let blockingNumbers = Set(blocking.map(\.caseNo))
            let warnings = cases.filter { !blockingNumbers.contains($0.caseNo) && ($0.status.isPending || inForce.contains($0)) }
            let verdict = IntegrityVerdict(memberNo: profile.memberNo, name: profile.name, on: day.iso,
                                           blocking: blocking, warnings: warnings)
            audit.append(PendingAudit(.integrityCheck, subject: profile.memberNo ?? "member #\(id)",
                                      detail: "on \(day.iso): " + (verdict.clear ? "clear" : "blocked by " + blocking.map(\.caseNo).joined(separator: ", "))))
            return verdict
        }
    }

    /// `integrity add` / `integrity update`: one case from flags, with history and audit.
    public func saveCase(_ record: IntegrityCase) throws -> Bool {
        if let (field, reason) = record.problem() {
            throw InputError(file: "--\(field.replacingOccurrences(of: "_", with: "-"))", problem: reason)
        }
        return try write { db in try Registry.save(db, record, batchID: nil) == .inserted }
    }

    public func integrityCase(_ caseNo: String) throws -> IntegrityCase? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM integrity_case WHERE case_no = ?", arguments: [caseNo]).map(IntegrityCase.init(row:))
        }
    }

    public func memberID(forKey key: String) throws -> Int64 {
        try read { db in
            guard let id = try Registry.memberID(db, typed: key) else {
                throw RegistryError.memberNotFound(key: Masking.safeEcho(key))
            }
            return id
        }
    }

    /// What changed in a case over time, oldest first.
    public func caseHistory(_ caseNo: String) throws -> [(changedAt: String, batch: Int64?, field: String, old: String?, new: String?)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT h.* FROM integrity_case_change h JOIN integrity_case c ON c.id = h.case_id
                WHERE c.case_no = ? ORDER BY h.id
                """, arguments: [caseNo]).map { ($0["changed_at"], $0["batch_id"], $0["field"], $0["old_value"], $0["new_value"]) }
        }
    }
}
