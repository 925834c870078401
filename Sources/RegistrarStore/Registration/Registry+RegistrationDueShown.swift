import GRDB
import RegistrarModel
import RegistrarInput

extension Registry {
    /// The renewal work list as a page shows it: `registrationDue`, with the showing audited, since the
    /// page names members (the CSV export audits itself).
    public func registrationDueShown(year: Int, on day: Day) throws -> [DueMember] {
        try auditedRead { db, audit in
            let due = try Registry.registrationDue(db, year: year, on: day)
            audit.append(PendingAudit(.registrationDue, subject: String(year), detail: "on \(day.iso): \(due.count) members shown"))
            return due
        }
    }
}
