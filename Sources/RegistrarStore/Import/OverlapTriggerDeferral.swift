import GRDB
import RegistrarModel
import RegistrarInput

/// A first import's no-overlap trigger on new membership periods, away while the rows go in and
/// put back, after one check of the whole table, before the import commits.
///
/// A trigger makes SQLite run every INSERT into the table under a statement journal of its own, so
/// that a RAISE can undo that statement alone: each period inserted copied the pages it touched
/// first. Into an empty registry the trigger has nothing to find, since every member is new and
/// gets at most one period (`PeriodReconciliation` with no latest period). The check at the end
/// holds the table to what the trigger would have: no two periods of one member overlap.
final class OverlapTriggerDeferral {
    static let triggerName = "membership_period_no_overlap_insert"
    /// Its twin for updates, which a snapshot's lapse sets aside (`MemberMerge.lapse`).
    static let updateTriggerName = "membership_period_no_overlap_update"

    private let db: Database
    private let trigger: DroppedSchemaObject

    /// Drops the trigger for the rest of the transaction; nil, dropping nothing, when the registry
    /// has no such trigger.
    init?(_ db: Database) throws {
        guard let trigger = try DroppedSchemaObject(db, .trigger, named: OverlapTriggerDeferral.triggerName) else { return nil }
        self.db = db
        self.trigger = trigger
    }

    /// Checks that no member's periods overlap, in the trigger's own terms, and puts the trigger
    /// back. Only a member with two periods can have overlapping ones, and the index on
    /// (member_id, start_date) finds those in one pass.
    func restore() throws {
        let overlapping = try Int64.fetchOne(db, sql: """
            SELECT a.member_id
            FROM (SELECT member_id FROM membership_period GROUP BY member_id HAVING count(*) > 1) AS m
            JOIN membership_period a ON a.member_id = m.member_id
            JOIN membership_period b ON b.member_id = a.member_id AND b.id > a.id
            WHERE b.start_date < coalesce(a.end_date, '9999-12-31') AND a.start_date < coalesce(b.end_date, '9999-12-31')
            LIMIT 1
            """)
        if let overlapping {
            throw DatabaseError(resultCode: .SQLITE_CONSTRAINT_TRIGGER,
                                message: "membership periods of one member must not overlap (member #\(overlapping))")
        }
        try trigger.create(db)
    }
}
