import GRDB
import RegistrarModel
import RegistrarInput

/// One line of a member search: who, and whether they are a member today.
public struct MemberHit: Sendable, Equatable {
    public var memberNo: String?
    public var name: String
    public var employer: String?
    public var province: String?
    /// The start of the member's latest period, and its end (nil while it is open).
    public var latestStart: String?
    public var latestEnd: String?
}

/// A page of member-search results; `hasMore` says whether another page follows.
public struct MemberSearchPage: Sendable, Equatable {
    public var hits: [MemberHit]
    public var hasMore: Bool
    /// How the query was read: an exact key (member number, identity number, ORCID) or part of a name.
    public var matchedBy: MatchedBy

    public enum MatchedBy: String, Sendable {
        case key
        case name
        case nothing
    }
}

extension Registry {
    /// Members by member number, identity number or ORCID (exact), else by part of a name or a member
    /// number's beginning, `limit` at a time from `offset`, ordered by member number. The search is
    /// audited (the query is masked when it could be an identity number).
    ///
    /// With `names` (a snapshot of the registry as it is, which the caller vouches for), a fragment of
    /// one or two characters is found there instead of by reading and sorting the member table; the
    /// rows shown are read here and tested again, so a page never shows a member who does not match.
    public func searchMembers(_ query: String, offset: Int, limit: Int, names: MemberNameSnapshot? = nil) throws -> MemberSearchPage {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return MemberSearchPage(hits: [], hasMore: false, matchedBy: .nothing) }
        return try auditedRead { db, audit in
            var page: MemberSearchPage
            if let id = try Registry.memberID(db, typed: trimmed) {
                page = MemberSearchPage(hits: try Registry.hits(db, where: "m.id = ?", [id], offset: 0, limit: 1).hits,
                                        hasMore: false, matchedBy: .key)
            } else if let names, MemberNameSnapshot.answers(trimmed) {
                let matched = names.matches(trimmed, offset: max(0, offset), limit: limit)
                let search = NameSearch(trimmed)
                let marks = matched.ids.map { _ in "?" }.joined(separator: ", ")
                let found = try Registry.hits(db, where: "m.id IN (\(marks.isEmpty ? "NULL" : marks)) AND \(search.condition)",
                                              matched.ids.map { $0 as any DatabaseValueConvertible } + search.arguments,
                                              offset: 0, limit: limit)
                page = MemberSearchPage(hits: found.hits, hasMore: matched.hasMore, matchedBy: .name)
            } else {
                let search = NameSearch(trimmed)
                let found = try Registry.hits(db, where: search.condition, search.arguments, offset: offset, limit: limit)
                page = MemberSearchPage(hits: found.hits, hasMore: found.hasMore, matchedBy: .name)
            }
            audit.append(PendingAudit(.memberSearch, subject: "query: \(Masking.safeEcho(trimmed))",
                                      detail: "\(page.hits.count) shown from \(offset)"))
            return page
        }
    }

    static func likeEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out
    }

    private static func hits(_ db: Database, where condition: String, _ arguments: [any DatabaseValueConvertible],
                             offset: Int, limit: Int) throws -> (hits: [MemberHit], hasMore: Bool) {
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.member_no, m.name, m.employer, m.province,
                   (SELECT p.start_date FROM membership_period p WHERE p.member_id = m.id ORDER BY p.start_date DESC LIMIT 1) AS start_date,
                   (SELECT p.end_date FROM membership_period p WHERE p.member_id = m.id ORDER BY p.start_date DESC LIMIT 1) AS end_date
            FROM member m WHERE \(condition)
            ORDER BY m.member_no IS NULL, m.member_no, m.id LIMIT ? OFFSET ?
            """, arguments: StatementArguments(arguments + [limit + 1, max(0, offset)]))
        let hits = rows.prefix(limit).map {
            MemberHit(memberNo: $0["member_no"], name: $0["name"], employer: $0["employer"], province: $0["province"],
                      latestStart: $0["start_date"], latestEnd: $0["end_date"])
        }
        return (Array(hits), rows.count > limit)
    }
}
