import ArgumentParser
import Foundation
import RegistrarKit
import RegistrarWeb

extension Registrar {
    /// `registrar users`: who may sign in to `registrar serve`.
    struct Users: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Manage the accounts of the staff web view (registrar serve).",
                           zh: "管理工作人员网页（registrar serve）的账户。").inHelp,
            subcommands: [Add.self, List.self, Remove.self, SetPassword.self])
    }
}

extension WebRole: ExpressibleByArgument {}

extension Registrar.Users {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(en: "Add a web user; the password is read from standard input, never from the arguments.",
                           zh: "添加网页用户；密码从标准输入读取，不经命令行参数。").inHelp)
        @OptionGroup var options: GlobalOptions
        @Argument(help: Text(en: "The user name.", zh: "用户名。").asHelp) var name: String
        @Option(help: Text(en: "admin, staff or viewer.", zh: "admin（管理员）、staff（工作人员）或 viewer（查看者）。").asHelp)
        var role: WebRole
        func validate() throws { try options.require(formatIn: [.table]) }
        func run() throws {
            let registry = try options.openRegistry()
            let password = try PasswordInput.read(language: options.language)
            try registry.addWebUser(name: name, role: role, passwordHash: WebPasswords.hash(password))
            Console.write(Text(en: "added web user \(name) (\(role.rawValue))\n", zh: "已添加网页用户 \(name)（\(role.label.zh)）\n")(options.language))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text(en: "List the web users.", zh: "列出网页用户。").inHelp)
        @OptionGroup var options: GlobalOptions
        func validate() throws { try options.require(formatIn: [.table, .json]) }
        func run() throws {
            let users = try options.openRegistry().webUsers()
            let l = options.language
            if options.format == .json {
                struct Entry: Encodable { let name: String; let role: String; let locked_until: String?; let created_at: String }
                return try Output.json(users.map { Entry(name: $0.name, role: $0.role.rawValue, locked_until: $0.lockedUntil, created_at: $0.createdAt) })
            }
            let rows = users.map { [$0.name, $0.role.label(l), $0.lockedUntil ?? "", $0.createdAt, $0.passwordChangedAt] }
            Console.write(TextTable(headers: [Text(en: "name", zh: "用户名")(l), Text(en: "role", zh: "角色")(l),
                                              Text(en: "locked until", zh: "锁定至")(l), Text(en: "created", zh: "创建时间")(l),
                                              Text(en: "password changed", zh: "密码修改时间")(l)], rows: rows).render())
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text(en: "Remove a web user; their sessions end at once.",
                                                                       zh: "删除网页用户；其会话立即失效。").inHelp)
        @OptionGroup var options: GlobalOptions
        @Argument(help: Text(en: "The user name.", zh: "用户名。").asHelp) var name: String
        func validate() throws { try options.require(formatIn: [.table]) }
        func run() throws {
            try options.openRegistry().removeWebUser(name: name)
            Console.write(Text(en: "removed web user \(name)\n", zh: "已删除网页用户 \(name)\n")(options.language))
        }
    }

    struct SetPassword: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-password",
            abstract: Text(en: "Set a web user's password (read from standard input) and unlock the account.",
                           zh: "设置网页用户的密码（从标准输入读取）并解除锁定。").inHelp)
        @OptionGroup var options: GlobalOptions
        @Argument(help: Text(en: "The user name.", zh: "用户名。").asHelp) var name: String
        func validate() throws { try options.require(formatIn: [.table]) }
        func run() throws {
            let registry = try options.openRegistry()
            guard try registry.webUser(named: name) != nil else {
                throw WebUserError(problem: Text(en: "there is no web user '\(name)'; see 'registrar users list'",
                                                 zh: "没有网页用户“\(name)”；请用 'registrar users list' 查看"))
            }
            let password = try PasswordInput.read(language: options.language)
            try registry.setWebUserPassword(name: name, passwordHash: WebPasswords.hash(password))
            Console.write(Text(en: "password set for \(name)\n", zh: "已设置 \(name) 的密码\n")(options.language))
        }
    }
}

/// A password from standard input: typed twice without echo at a terminal, else the first line of a pipe.
enum PasswordInput {
    static func read(language: Language) throws -> String {
        let password: String
        if isatty(STDIN_FILENO) == 1 {
            let first = try prompt(Text(en: "Password: ", zh: "密码：")(language))
            let second = try prompt(Text(en: "Again: ", zh: "再次输入：")(language))
            guard first == second else {
                throw WebUserError(problem: Text(en: "the two passwords differ; nothing was changed, run the command again",
                                                 zh: "两次输入的密码不一致；未作改动，请重新运行命令"))
            }
            password = first
        } else {
            guard let line = Swift.readLine(strippingNewline: true) else {
                throw WebUserError(problem: Text(en: "no password on standard input; type it, or pipe it in: printf '%s\\n' \"$PASSWORD\" | registrar users …",
                                                 zh: "标准输入中没有密码；请输入，或通过管道传入：printf '%s\\n' \"$PASSWORD\" | registrar users …"))
            }
            password = line.hasSuffix("\r") ? String(line.dropLast()) : line
        }
        if let problem = WebPasswords.problem(password) { throw WebUserError(problem: problem) }
        return password
    }

    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = Swift.readLine(strippingNewline: true) else {
            throw WebUserError(problem: Text(en: "no password was typed; nothing was changed", zh: "未输入密码；未作改动"))
        }
        return line
    }
}
