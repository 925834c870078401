import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

/// A command that cannot do what was asked (no such case, nothing matches, cannot write --out):
/// one line saying why and what to do instead.
struct CommandError: UserFacingError {
    var problem: Text
    func message(_ language: Language) -> String { problem(language) }
}
