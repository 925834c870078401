import ArgumentParser
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

extension Registrar {
    /// `registrar init`: create the registry, or upgrade one made by an older registrar in place.
    struct Initialize: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: Text(en: "Create the registry file, or upgrade an older one in place.",
                           zh: "新建会员库文件，或就地升级旧版本的会员库。").inHelp)

        @OptionGroup var options: GlobalOptions

        @Option(help: Text(en: "The society's name, shown on reports.", zh: "学会名称，显示在报告上。").asHelp)
        var society: String?

        func run() throws {
            let registry = try Registry.open(path: options.databasePath, mode: .createOrUpgrade)
            try registry.initialize(societyName: society)
            let applied = registry.appliedMigrations.joined(separator: ", ")
            let text = registry.wasUpgraded
                ? Text(en: "registry at \(registry.path) upgraded to the current release (\(applied))",
                       zh: "会员库 \(registry.path) 已升级到当前版本（\(applied)）")
                : Text(en: "registry ready at \(registry.path)", zh: "会员库已就绪：\(registry.path)")
            Console.error(text(options.language))
        }
    }
}
