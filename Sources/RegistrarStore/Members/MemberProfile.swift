import GRDB
import RegistrarModel
import RegistrarInput

extension Registry {
    /// Finds a member by member number, else identity number (either case of `x`), else ORCID.
    static func memberID(_ db: Database, key: String) throws -> Int64? {
        // Foundation's trimming bridges to NSString, a twentieth of a services import; an importer's keys
        // are trimmed already. (A character outside Unicode's White_Space is in no whitespace set.)
        let trimmed = key.first?.isWhitespace == false && key.last?.isWhitespace == false
            ? key : key.trimmingCharacters(in: .whitespaces)
        // Cached statements: importers look a member up for every row they read.
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM member WHERE member_no = ?"), arguments: [trimmed]) {
            return id
        }
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM member WHERE id_number = ? ORDER BY id LIMIT 1"),
                                       arguments: [trimmed.uppercased()]) {
            return id
        }
        let orcid = trimmed.replacingOccurrences(of: "https://orcid.org/", with: "").uppercased()
        return try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM member WHERE orcid = ?"), arguments: [orcid])
    }

    /// The member a person typed the key of (in a command, a look-up, a search box): normalised first,
    /// so full-width digits, a full-width `Ｘ` and the ideographic space find the member as the import's
    /// fields do. Importers' keys are normalised already and go straight to `memberID(_:key:)`.
    static func memberID(_ db: Database, typed key: String) throws -> Int64? {
        try memberID(db, key: FieldNormalizer.normalize(key))
    }

    static func profile(_ db: Database, memberID: Int64) throws -> MemberProfile? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT m.*, u.name AS unit_name,
                   (SELECT count(*) FROM integrity_case c WHERE c.member_id = m.id) AS case_count
            FROM member m LEFT JOIN unit_member u ON u.id = m.unit_id
            WHERE m.id = ?
            """, arguments: [memberID]) else { return nil }
        let periods = try Row.fetchAll(db, sql: """
            SELECT start_date, end_date, end_reason FROM membership_period
            WHERE member_id = ? ORDER BY start_date
            """, arguments: [memberID]).map {
            MembershipPeriod(start: $0["start_date"], end: $0["end_date"], endReason: $0["end_reason"])
        }
        return MemberProfile(
            id: row["id"], memberNo: row["member_no"], name: row["name"], gender: row["gender"],
            birthDate: row["birth_date"], idType: row["id_type"], idNumber: row["id_number"],
            orcid: row["orcid"], email: row["email"], phone: row["phone"], employer: row["employer"],
            unitName: row["unit_name"], title: row["title"], education: row["education"],
            discipline: row["discipline"], province: row["province"], nationality: row["nationality"],
            grade: row["grade"], grassroots: (row["grassroots"] as Int?).map { $0 == 1 },
            politicalStatus: row["political_status"], periods: periods,
            integrityCaseCount: row["case_count"])
    }

    /// `member show`: the member's profile, with the look-up (and any reveal) in the audit log.
    public func showMember(key: String, reveal: Bool) throws -> MemberProfile {
        try auditedRead { db, audit in
            guard let id = try Registry.memberID(db, typed: key),
                  let profile = try Registry.profile(db, memberID: id) else {
                throw RegistryError.memberNotFound(key: Masking.safeEcho(key))
            }
            let subject = profile.memberNo ?? "member #\(profile.id)"
            audit.append(PendingAudit(.memberShow, subject: subject, detail: "query: \(Masking.safeEcho(key))"))
            if reveal {
                audit.append(PendingAudit(.memberReveal, subject: subject, detail: "identity number shown unmasked"))
            }
            return profile
        }
    }
}
