import ArgumentParser
import RegistrarKit

extension Registrar {
    /// `registrar init`: create the registry, or upgrade one made by an older registrar in place.
    struct Initialize: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create the registry file, or upgrade an older one in place.")

        @OptionGroup var options: GlobalOptions

        @Option(help: "The society's name, shown on reports.")
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
