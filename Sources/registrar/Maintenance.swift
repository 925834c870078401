import ArgumentParser
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

extension Registrar {
    /// `registrar backup`: a consistent, checked copy of the registry, readable by its owner only.
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Write a consistent, checked copy of the registry (safe while other commands run).",
                           zh: "写出会员库的一致且经过校验的副本（其他命令运行时亦可）。").inHelp)

        @OptionGroup var options: GlobalOptions

        @Option(help: Text(en: "The backup file to write (mode 0600); an existing backup there is replaced.",
                           zh: "要写入的备份文件（权限 0600）；已有的同名备份将被替换。").asHelp)
        var out: String

        func validate() throws { try options.require(formatIn: [.table, .json]) }

        func run() throws {
            let backup = try options.openRegistry().backup(to: out)
            if options.format == .json { return try Output.json(backup) }
            Console.error(Text(en: "backup written to \(backup.path) (\(backup.bytes) bytes, integrity check ok); restore it by copying it over the registry while no registrar command runs",
                               zh: "备份已写入 \(backup.path)（\(backup.bytes) 字节，完整性检查通过）；恢复时，在没有 registrar 命令运行时把它复制覆盖会员库即可")(options.language))
        }
    }

    /// `registrar check`: SQLite's integrity and foreign-key checks, and what to do about a finding.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Check the registry file for damage (SQLite's integrity check); exit 3 when damaged.",
                           zh: "检查会员库文件是否损坏（SQLite 完整性检查）；损坏时退出码为 3。").inHelp)

        @OptionGroup var options: GlobalOptions

        func validate() throws { try options.require(formatIn: [.table, .json]) }

        func run() throws {
            let result = try Registry.check(path: options.databasePath)
            if options.format == .json {
                try Output.json(result)
            } else if result.isHealthy {
                Console.write(Text(en: "\(options.databasePath): ok, no damage found\n", zh: "\(options.databasePath)：正常，未发现损坏\n")(options.language))
            } else {
                for problem in result.problems { Console.write(problem + "\n") }
                Console.error(Text(en: "\(options.databasePath) is damaged; stop using it, restore your last backup (copy it over the file), then import the rosters made since",
                                   zh: "\(options.databasePath) 已损坏；请停止使用，恢复最近的备份（复制覆盖该文件），再导入此后的名册")(options.language))
            }
            if !result.isHealthy { throw CheckVerdict() }
        }
    }
}

