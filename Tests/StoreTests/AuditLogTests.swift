import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

struct AuditLogTests {
    @Test func updateAndDeleteOfTheAuditLogFailInsideSQLite() throws {
        let store = try TemporaryRegistry()
        try store.registry.initialize(societyName: "测试学会")
        #expect(try store.registry.auditEntries().count == 1)
        for sql in ["UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log"] {
            let error = #expect(throws: RegistryError.self) {
                try store.registry.write { db in try db.execute(sql: sql) }
            }
            #expect(error?.message(.en).contains("append-only") == true)
        }
        #expect(try store.registry.auditEntries().first?.action == "init")
    }

    @Test func showingAMemberIsAuditedWithoutTheIdentityNumberInClear() throws {
        let store = try TemporaryRegistry()
        try store.registry.write { db in
            try db.execute(sql: """
                INSERT INTO member (member_no, name, id_type, id_number) VALUES ('M1', '张三', 'resident', '11010519491231002X')
                """)
        }
        let profile = try store.registry.showMember(key: "11010519491231002x", reveal: true)
        #expect(profile.memberNo == "M1")
        let entries = try store.registry.auditEntries()
        #expect(entries.map(\.action) == ["member.show", "member.reveal"])
        #expect(entries.allSatisfy { !(($0.detail ?? "") + ($0.subject ?? "")).contains("19491231") })
    }
}
