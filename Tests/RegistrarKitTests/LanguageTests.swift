import Testing
@testable import RegistrarModel
@testable import RegistrarInput
@testable import RegistrarStore
@testable import RegistrarRender

struct LanguageTests {
    @Test func textPicksTheRequestedLanguage() {
        let text = Text(en: "members", zh: "会员")
        #expect(text(.en) == "members")
        #expect(text(.zh) == "会员")
    }
}
