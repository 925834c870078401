import GRDB

/// One service a member received (会员服务), for the member's page.
public struct MemberService: Sendable, Equatable {
    public var servedOn: String
    public var type: String
    public var channel: String
    public var title: String
}

extension Registry {
    /// The member's services, newest first, at most `limit`; the total is counted apart.
    public func services(ofMemberNo memberNo: String, limit: Int) throws -> (services: [MemberService], total: Int) {
        try read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM member WHERE member_no = ?", arguments: [memberNo]) else {
                return ([], 0)
            }
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM service_record WHERE member_id = ?", arguments: [id]) ?? 0
            let services = try Row.fetchAll(db, sql: """
                SELECT served_on, type, channel, title FROM service_record WHERE member_id = ?
                ORDER BY served_on DESC, id DESC LIMIT ?
                """, arguments: [id, limit]).map {
                MemberService(servedOn: $0["served_on"], type: $0["type"], channel: $0["channel"], title: $0["title"])
            }
            return (services, total)
        }
    }
}
