import Foundation
import GRDB
import RegistrarModel
import RegistrarInput

/// One member's annual registration (年度注册) and standing on a day, for `registration status`.
public struct RegistrationStatus: Sendable, Equatable {
    public var memberNo: String?
    public var name: String
    public var on: Day
    /// Years a registration is recorded for.
    public var recordedYears: [Int]
    /// Years one of the member's periods starts in (joining registers the year joined).
    public var joinedYears: [Int]
    public var requiredFrom: Int?
    public var onRoll: Bool
    public var inGoodStanding: Bool

    /// Whether the member is registered for `year` by R1 (before `requiredFrom`, recorded, or joined).
    public func isRegistered(for year: Int) -> Bool {
        Standing.isRegistered(for: year, rule: RegistrationRule(requiredFrom: requiredFrom),
                              recorded: recordedYears.contains(year), joined: joinedYears.contains(year))
    }
}

/// A member on the roll not registered for the year: one line of the renewal work list.
public struct DueMember: Sendable, Equatable {
    public var memberNo: String?
    public var name: String
    public var email: String?
    public var phone: String?
    public var employer: String?
    /// Masked (`Masking.identityNumber`): the work list never holds one in clear.
    public var maskedIDNumber: String?
    /// The last year the member is registered for, if any.
    public var lastRegistered: Int?
}

/// What `registration lapse` did, or would do on a dry run.
public struct LapseResult: Sendable, Equatable, Codable {
    public var lapsed: Int
    public var dryRun: Bool

    enum CodingKeys: String, CodingKey {
        case lapsed
        case dryRun = "dry_run"
    }
}

/// Why a registration command cannot do what it was asked.
public struct RegistrationError: UserFacingError, Equatable {
    public var problem: Text
    public init(problem: Text) { self.problem = problem }
    public func message(_ language: Language) -> String { problem(language) }
}

extension Registry {
    /// `registration status KEY --on D`: the member's registrations and standing on D, audited.
    public func registrationStatus(key: String, on day: Day) throws -> RegistrationStatus {
        try auditedRead { db, audit in
            guard let id = try Registry.memberID(db, typed: key),
                  let member = try Row.fetchOne(db, sql: "SELECT member_no, name FROM member WHERE id = ?", arguments: [id]) else {
                throw RegistryError.memberNotFound(key: Masking.safeEcho(key))
            }
            let rule = try Registry.settings(db).registration
            let recorded = try Int.fetchAll(db, sql: "SELECT year FROM registration WHERE member_id = ? ORDER BY year", arguments: [id])
            let periods = try Row.fetchAll(db, sql: "SELECT start_date, end_date FROM membership_period WHERE member_id = ? ORDER BY start_date",
                                           arguments: [id])
            var joined: [Int] = []
            var onRoll = false
            for period in periods {
                guard let start = Day(iso: period["start_date"]) else { continue }
                if !joined.contains(start.year) { joined.append(start.year) }
                let end = (period["end_date"] as String?).flatMap(Day.init(iso:))
                if Standing.isOnRoll(start: DayNumber(start), end: end.map(DayNumber.init), on: DayNumber(day)) { onRoll = true }
            }
            let good = Standing.isInGoodStanding(onRoll: onRoll, on: day, rule: rule) { year in
                Standing.isRegistered(for: year, rule: rule, recorded: recorded.contains(year), joined: joined.contains(year))
            }
            let memberNo: String? = member["member_no"]
            audit.append(PendingAudit(.registrationStatus, subject: memberNo ?? "member #\(id)",
                                      detail: "on \(day.iso), query: \(Masking.safeEcho(key))"))
            return RegistrationStatus(memberNo: memberNo, name: member["name"], on: day, recordedYears: recorded,
                                      joinedYears: joined, requiredFrom: rule.requiredFrom, onRoll: onRoll, inGoodStanding: good)
        }
    }

    /// `registration due --year Y`: members on the roll on `day` not registered for Y, by member
    /// number; empty where registration is not required in Y (every year before it counts as registered).
    public func registrationDue(year: Int, on day: Day) throws -> [DueMember] {
        try read { db in try Registry.registrationDue(db, year: year, on: day) }
    }

    static func registrationDue(_ db: Database, year: Int, on day: Day) throws -> [DueMember] {
        let rule = try Registry.settings(db).registration
        guard rule.isRequired(in: year) else { return [] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.member_no, m.name, m.email, m.phone, m.employer, m.id_number,
                   (SELECT max(r.year) FROM registration r WHERE r.member_id = m.id) AS last_recorded,
                   (SELECT max(CAST(substr(j.start_date, 1, 4) AS INTEGER)) FROM membership_period j WHERE j.member_id = m.id) AS last_joined
            FROM membership_period p JOIN member m ON m.id = p.member_id
            WHERE \(Standing.onRollSQL(period: "p", on: "?1"))
              AND NOT \(Standing.registeredWhileOnRollSQL(period: "p", member: "p.member_id", year: year, rule: rule))
            ORDER BY m.member_no, m.id
            """, arguments: [day.iso])
        return rows.map { row in
            let recorded: Int? = row["last_recorded"], joined: Int? = row["last_joined"]
            let beforeRequired = rule.requiredFrom.map { $0 - 1 }
            let last = [recorded, joined, beforeRequired].compactMap { $0 }.filter { $0 < year }.max()
            return DueMember(memberNo: row["member_no"], name: row["name"], email: row["email"], phone: row["phone"],
                             employer: row["employer"], maskedIDNumber: (row["id_number"] as String?).map(Masking.identityNumber),
                             lastRegistered: last)
        }
    }

    /// Writes the renewal work list as CSV for a mail merge (UTF-8 with a byte-order mark, CRLF,
    /// identity numbers masked), readable by its owner only, and records the export in the audit log.
    @discardableResult
    public func exportRegistrationDue(year: Int, on day: Day, to path: String, language: Language) throws -> Int {
        let output = try OutputFile(path: path, protecting: .init(registry: self.path))
        return try write { db in
            let due = try Registry.registrationDue(db, year: year, on: day)
            var data = Data([0xEF, 0xBB, 0xBF])
            data.append(contentsOf: CSVField.record(DueMember.headers.map { $0(language) }).utf8)
            for member in due { data.append(contentsOf: CSVField.record(member.fields).utf8) }
            try output.write(data)
            try Registry.appendAudit(db, .registrationDue, subject: String(year),
                                     detail: "on \(day.iso): \(due.count) members to \((path as NSString).lastPathComponent), identity numbers masked")
            return due.count
        }
    }

    /// `registration lapse --as-of D`: ends, on 1 January of L + N + 1, the open period of each member
    /// whose last registered year L is N = `registration.lapse_years` or more years before year(D) − 1
    /// (R1, 视为自动退会), end reason `unregistered`; in one transaction, audited, refused when it would
    /// end more than `maxLapseBasisPoints` of the open memberships. Running it again ends no one twice.
    public func lapseUnregistered(asOf day: Day, dryRun: Bool, maxLapseBasisPoints: Int) throws -> LapseResult {
        try write { db in
            let rule = try Registry.settings(db).registration
            guard let requiredFrom = rule.requiredFrom, rule.lapseYears > 0 else {
                throw RegistrationError(problem: Text(
                    en: "registration lapse needs registration.required_from and registration.lapse_years (now \(rule.requiredFrom.map(String.init) ?? "none") and \(rule.lapseYears)); set them with `registrar settings set`",
                    zh: "registration lapse 需要设置 registration.required_from 和 registration.lapse_years（当前为 \(rule.requiredFrom.map(String.init) ?? "none") 和 \(rule.lapseYears)）；请用 `registrar settings set` 设置"))
            }
            let open = try Row.fetchAll(db, sql: """
                SELECT p.id, p.start_date,
                       max(coalesce((SELECT max(r.year) FROM registration r WHERE r.member_id = p.member_id), 0),
                           coalesce((SELECT max(CAST(substr(j.start_date, 1, 4) AS INTEGER)) FROM membership_period j
                                     WHERE j.member_id = p.member_id), 0),
                           ?2) AS last_registered
                FROM membership_period p WHERE p.end_date IS NULL AND p.start_date <= ?1
                """, arguments: [day.iso, requiredFrom - 1])
            var ends: [(id: Int64, on: Day)] = []
            for row in open {
                guard let last = row["last_registered"] as Int? else { continue }
                guard let withdrawn = Day(year: last + rule.lapseYears + 1, month: 1, day: 1), withdrawn <= day,
                      let start = Day(iso: row["start_date"]), start < withdrawn else { continue }
                ends.append((row["id"], withdrawn))
            }
            let limit = LapseLimit(basisPoints: maxLapseBasisPoints)
            if limit.isExceeded(ending: ends.count, of: open.count) {
                let share = RoundedPercent(ratioOf: ends.count, to: open.count).text
                let suggested = LapseLimit.smallestPercentAllowing(ending: ends.count, of: open.count)
                throw RegistrationError(problem: Text(
                    en: "this lapse would end \(ends.count) of \(open.count) current memberships (\(share)%), more than --max-lapse \(limit.text)%; nothing was changed. Check the registrations are imported; if they are, run again with --max-lapse \(suggested)",
                    zh: "此次处理将终止当前 \(open.count) 个会籍中的 \(ends.count) 个（\(share)%），超过 --max-lapse \(limit.text)%；未作任何改动。请确认注册记录已导入；如确认无误，请加 --max-lapse \(suggested) 重新运行"))
            }
            guard !dryRun else { return LapseResult(lapsed: ends.count, dryRun: true) }
            for end in ends {
                try db.cachedStatement(sql: "UPDATE membership_period SET end_date = ?, end_reason = 'unregistered' WHERE id = ?")
                    .execute(arguments: [end.on.iso, end.id])
            }
            try Registry.appendAudit(db, .registrationLapse, subject: "as of \(day.iso)",
                                     detail: "ended \(ends.count) of \(open.count) memberships (unregistered; lapse_years \(rule.lapseYears))")
            return LapseResult(lapsed: ends.count, dryRun: false)
        }
    }
}

extension DueMember {
    static let headers = [
        Text(en: "member_no", zh: "会员编号"), Text(en: "name", zh: "姓名"), Text(en: "email", zh: "电子邮箱"),
        Text(en: "phone", zh: "手机"), Text(en: "employer", zh: "工作单位"), Text(en: "id_number (masked)", zh: "身份证号（已脱敏）"),
        Text(en: "last_registered", zh: "最近注册年度"),
    ]

    public var fields: [String] {
        [memberNo ?? "", name, email ?? "", phone ?? "", employer ?? "", maskedIDNumber ?? "", lastRegistered.map(String.init) ?? ""]
    }
}
