import Testing
@testable import RegistrarKit

struct LanguageTests {
    @Test func textPicksTheRequestedLanguage() {
        let text = Text(en: "members", zh: "会员")
        #expect(text(.en) == "members")
        #expect(text(.zh) == "会员")
    }
}
