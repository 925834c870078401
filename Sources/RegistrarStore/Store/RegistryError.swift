import Foundation
import RegistrarModel
import RegistrarInput

/// Why the registry could not be opened or asked: each case says what to do about it.
public enum RegistryError: Error, Sendable, Equatable {
    case noDatabase(path: String)
    case cannotCreate(path: String, reason: String)
    case notSQLite(path: String)
    case notRegistrar(path: String)
    case newerSchema(path: String)
    case olderSchema(path: String)
    case alreadyExists(path: String)
    case memberNotFound(key: String) // already made safe by Masking.safeEcho
    case sqlite(path: String, message: String)
    /// SQLITE_CORRUPT or SQLITE_NOTADB part-way: the file is damaged.
    case damaged(path: String)
    /// SQLITE_FULL: the disk (or the folder's quota) is full.
    case diskFull(path: String)
    /// SQLITE_READONLY: the file, or its folder, cannot be written.
    case readOnly(path: String)
    /// SQLITE_BUSY: another command held the registry for longer than the wait.
    case busy(path: String)
    /// A read-only folder, and a `-wal` beside the file with changes SQLite cannot read without a `-shm`.
    case unreadableJournal(path: String)
    /// A first import was stopped part-way and left its rollback journal, which cannot be played back
    /// because the file or its folder cannot be written (`FirstLoadJournal`).
    case interruptedImport(path: String)
    /// A `YYYY-MM-DD` or other value in the registry that is not what the schema allows.
    case badStoredValue(table: String, column: String)

    /// SQLite's refusal as one line a person can act on; never SQLite's own multi-line text.
    static func failure(path: String, code: Int32, message: String?) -> RegistryError {
        switch code & 0xFF {
        case 11, 26: .damaged(path: path)                 // SQLITE_CORRUPT, SQLITE_NOTADB
        case 13: .diskFull(path: path)                    // SQLITE_FULL
        case 8: .readOnly(path: path)                     // SQLITE_READONLY
        case 5, 6: .busy(path: path)                      // SQLITE_BUSY, SQLITE_LOCKED
        default: .sqlite(path: path, message: Sanitized.message(message ?? "SQLite error \(code)"))
        }
    }
}

extension RegistryError: UserFacingError {
    public func message(_ language: Language) -> String {
        switch self {
        case .noDatabase(let path):
            Text(en: "no registrar database at \(path); create one with `registrar init --db \(path)` or point --db (or $REGISTRAR_DB) at an existing one",
                 zh: "\(path) 处没有 registrar 数据库；用 `registrar init --db \(path)` 创建，或用 --db（或 $REGISTRAR_DB）指向已有的数据库")(language)
        case .cannotCreate(let path, let reason):
            Text(en: "cannot create \(path): \(reason); choose a path in a folder you can write to",
                 zh: "无法创建 \(path)：\(reason)；请选择一个可写文件夹中的路径")(language)
        case .notSQLite(let path):
            Text(en: "\(path) is not a SQLite database; it was left untouched. Point --db at a registrar database, or at a new file name to create one",
                 zh: "\(path) 不是 SQLite 数据库，未作任何改动。请用 --db 指向 registrar 数据库，或指定一个新文件名来创建")(language)
        case .notRegistrar(let path):
            Text(en: "\(path) is a SQLite database of another program, not of registrar; it was left untouched. Use a new file name for the registry",
                 zh: "\(path) 是其他程序的 SQLite 数据库，不是 registrar 的，未作任何改动。请为会员库使用一个新文件名")(language)
        case .newerSchema(let path):
            Text(en: "\(path) was made by a newer registrar; it was left untouched. Install that version (or newer) to use it",
                 zh: "\(path) 由更新版本的 registrar 创建，未作任何改动。请安装该版本或更新版本后再使用")(language)
        case .olderSchema(let path):
            Text(en: "\(path) was made by an older registrar; back it up, then upgrade it in place with `registrar init --db \(path)`",
                 zh: "\(path) 由旧版本的 registrar 创建；请先备份，再用 `registrar init --db \(path)` 就地升级")(language)
        case .alreadyExists(let path):
            Text(en: "\(path) already holds a registry; use another --db path for the demo, or remove the file first",
                 zh: "\(path) 已经是一个会员库；请为演示换一个 --db 路径，或先删除该文件")(language)
        case .memberNotFound(let key):
            Text(en: "no member with member number, identity number or ORCID '\(key)'; check the key, or search by name with `registrar integrity lookup`",
                 zh: "没有会员编号、证件号码或 ORCID 为 '\(key)' 的会员；请核对，或用 `registrar integrity lookup` 按姓名查找")(language)
        case .damaged(let path):
            Text(en: "\(path) is damaged (SQLite found a malformed page or schema); nothing was changed. Run `registrar check --db \(path)`, and if it reports damage restore your last backup (see README, Backup and restore)",
                 zh: "\(path) 已损坏（SQLite 发现了格式错误的页或模式）；未作任何改动。请运行 `registrar check --db \(path)`，如报告损坏，请恢复最近的备份（见 README“备份与恢复”）")(language)
        case .diskFull(let path):
            Text(en: "the disk holding \(path) is full; nothing was changed. Free some space and run the command again",
                 zh: "\(path) 所在的磁盘已满；未作任何改动。请腾出空间后重新运行")(language)
        case .readOnly(let path):
            Text(en: "\(path) cannot be written (the file or its folder is read-only); nothing was changed. Commands that only read, such as `count` and `report`, still work; to change it, copy it somewhere writable",
                 zh: "\(path) 无法写入（文件或其所在文件夹为只读）；未作任何改动。只读命令（如 `count`、`report`）仍可使用；如需修改，请复制到可写位置")(language)
        case .busy(let path):
            Text(en: "another registrar command kept \(path) busy for more than five minutes; nothing was changed. Run this again when it has finished",
                 zh: "另一个 registrar 命令占用 \(path) 超过五分钟；未作任何改动。请待其完成后重新运行")(language)
        case .unreadableJournal(let path):
            Text(en: "\(path) is in a read-only folder beside a \(path)-wal holding changes that cannot be read from there; copy both files to a writable folder and run the command on the copy",
                 zh: "\(path) 位于只读文件夹，旁边的 \(path)-wal 中有无法在此读取的改动；请把这两个文件复制到可写文件夹，再对副本运行命令")(language)
        case .interruptedImport(let path):
            Text(en: "an import into \(path) was stopped part-way and left \(path)-journal, which puts the registry back as it was; make \(path) and its folder writable and run any registrar command; never copy \(path) without \(path)-journal",
                 zh: "导入 \(path) 时中途停止，留下了 \(path)-journal，可将会员库恢复原状；请使 \(path) 及其文件夹可写，再运行任一 registrar 命令；切勿只复制 \(path) 而不带 \(path)-journal")(language)
        case .badStoredValue(let table, let column):
            Text(en: "the registry holds a value in \(table).\(column) that registrar never stores there (was the file edited by hand?); run `registrar check` and restore your last backup if it reports damage",
                 zh: "会员库 \(table).\(column) 中有 registrar 不会写入的值（文件是否被手工修改过？）；请运行 `registrar check`，如报告损坏请恢复最近的备份")(language)
        case .sqlite(let path, let message):
            Text(en: "\(path): the database refused the operation (\(message)); nothing was changed",
                 zh: "\(path)：数据库拒绝了该操作（\(message)），未作任何改动")(language)
        }
    }
}
