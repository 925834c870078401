/// Why a membership period ended (会籍终止原因).
public enum EndReason: String, Sendable, CaseIterable {
    case lapsed
    case resigned
    case expelled
    case deceased
    case absentFromRoster = "absent_from_roster"

    public var label: Text {
        switch self {
        case .lapsed: Text(en: "lapsed", zh: "过期")
        case .resigned: Text(en: "resigned", zh: "退会")
        case .expelled: Text(en: "expelled", zh: "除名")
        case .deceased: Text(en: "deceased", zh: "去世")
        case .absentFromRoster: Text(en: "absent from roster", zh: "名册中缺失")
        }
    }
}

/// What one roster row says about the member's current membership period.
///
/// A row describes the period the member system currently holds: its join date, and, if it has
/// ended, the end date (or the file's as-of date when only the status says it ended) and why.
package struct RowMembership: Equatable {
    package var join: Day?
    package var end: Day?
    package var reason: EndReason?
    /// False when only the status said the period ended, so `end` is the file's as-of date: a later
    /// export repeating that status must not move a recorded end forward.
    package var endIsExplicit = true

    package var hasEnded: Bool { end != nil }

    package init(join: Day? = nil, end: Day? = nil, reason: EndReason? = nil, endIsExplicit: Bool = true) {
        self.join = join
        self.end = end
        self.reason = reason
        self.endIsExplicit = endIsExplicit
    }

    /// The period a row's join date, end date and status describe, as every roster reads them
    /// (individuals and units alike):
    /// - a status that says the membership ended ends it on the end date, or on the file's date
    ///   when there is none (and then the end is not explicit);
    /// - an end date without such a status is a lapse.
    package init(join: Day?, end: Day?, status: MembershipStatus?, asOf: Day) {
        self.init(join: join, end: end)
        if case .ended(let reason)? = status {
            endIsExplicit = end != nil
            self.end = end ?? asOf
            self.reason = reason
        } else if end != nil {
            reason = .lapsed
        }
    }
}

/// The latest recorded period of a member, and the end of the one before it, if any.
package struct RecordedPeriod: Equatable {
    package var id: Int64
    package var start: Day
    package var end: Day?
    package var reason: EndReason?
    /// The end of the period before this one: a corrected start may not move back over it.
    package var previousEnd: Day?

    package init(id: Int64, start: Day, end: Day? = nil, reason: EndReason? = nil, previousEnd: Day? = nil) {
        self.id = id
        self.start = start
        self.end = end
        self.reason = reason
        self.previousEnd = previousEnd
    }
}

/// One change to a member's periods.
package enum PeriodChange: Equatable {
    /// Whether the change moves a recorded start: history rewritten, so the importers audit it.
    package var movesAStart: Bool {
        if case .setStart = self { return true }
        return false
    }

    case open(start: Day)
    case insertClosed(start: Day, end: Day, reason: EndReason)
    case setStart(id: Int64, start: Day)
    case close(id: Int64, end: Day, reason: EndReason)
    case reopen(id: Int64)
}

/// Reconciles a row with the member's recorded history: the rules of "who was a member when".
///
/// - A row with the same join date as the latest period (or none) speaks about that period.
/// - A later join date after the latest period ended is a re-join: a new period.
/// - A different join date while the latest period is open corrects its start, provided it does not
///   move back over an earlier period.
/// - A row that contradicts the history (joining inside or before a recorded period, or an end
///   before the start) is rejected with a reason, never guessed at.
package enum PeriodReconciliation {
    package enum Outcome: Equatable {
        case changes([PeriodChange])
        case reject(Text)
    }

    package static func reconcile(row: RowMembership, latest: RecordedPeriod?, asOf: Day) -> Outcome {
        if let join = row.join, let end = row.end, end < join {
            return .reject(Text(en: "the end date \(end) is before the join date \(join)",
                                zh: "退会日期 \(end) 早于入会日期 \(join)"))
        }
        guard let latest else {
            if let end = row.end, let reason = row.reason {
                // A member seen for the first time after leaving: the period is history, if its start is known.
                guard let join = row.join else { return .changes([]) }
                return .changes([.insertClosed(start: join, end: end, reason: reason)])
            }
            let start = row.join ?? asOf
            return .changes([.open(start: start)])
        }
        guard let recordedEnd = latest.end else { return reconcileOpen(row: row, latest: latest) }
        return reconcileClosed(row: row, latest: latest, recordedEnd: recordedEnd, asOf: asOf)
    }

    private static func reconcileOpen(row: RowMembership, latest: RecordedPeriod) -> Outcome {
        var changes: [PeriodChange] = []
        var start = latest.start
        if let join = row.join, join != latest.start {
            if let previousEnd = latest.previousEnd, join < previousEnd {
                return .reject(overlapText(join: join, start: latest.start, end: previousEnd))
            }
            changes.append(.setStart(id: latest.id, start: join))
            start = join
        }
        if let end = row.end, let reason = row.reason {
            if end < start {
                return .reject(Text(en: "the end date \(end) is before the membership began on \(start)",
                                    zh: "退会日期 \(end) 早于入会日期 \(start)"))
            }
            changes.append(.close(id: latest.id, end: end, reason: reason))
        }
        return .changes(changes)
    }

    private static func reconcileClosed(row: RowMembership, latest: RecordedPeriod, recordedEnd: Day, asOf: Day) -> Outcome {
        let join = row.join ?? latest.start
        if join == latest.start {
            // The same period as the one recorded.
            if let rowEnd = row.end, let reason = row.reason {
                let end = row.endIsExplicit ? rowEnd : recordedEnd
                if end == recordedEnd && reason == latest.reason { return .changes([]) }
                return .changes([.close(id: latest.id, end: end, reason: reason)])
            }
            if row.join == nil {
                // Active again with no join date: a re-join on the file's date.
                guard asOf >= recordedEnd else { return .reject(outOfOrderText(recordedEnd: recordedEnd, asOf: asOf)) }
                return .changes([.open(start: asOf)])
            }
            // The member system says the period that began on this date never ended.
            return .changes([.reopen(id: latest.id)])
        }
        guard join >= recordedEnd else {
            return .reject(overlapText(join: join, start: latest.start, end: recordedEnd))
        }
        if let end = row.end, let reason = row.reason {
            return .changes([.insertClosed(start: join, end: end, reason: reason)])
        }
        return .changes([.open(start: join)])
    }

    private static func overlapText(join: Day, start: Day, end: Day) -> Text {
        Text(en: "the join date \(join) falls inside or before the recorded membership \(start) to \(end); correct the date, or import older files first",
             zh: "入会日期 \(join) 落在已记录的会籍期间（\(start) 至 \(end)）之内或之前；请更正日期，或先导入较早的文件")
    }

    private static func outOfOrderText(recordedEnd: Day, asOf: Day) -> Text {
        Text(en: "the registry records this membership ending on \(recordedEnd), after this file's date \(asOf); import files in date order",
             zh: "会员库记录该会籍于 \(recordedEnd) 终止，晚于本文件日期 \(asOf)；请按日期顺序导入文件")
    }
}
