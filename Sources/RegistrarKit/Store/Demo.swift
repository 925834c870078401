import Foundation
import GRDB

/// `registrar demo`: a fresh registry loaded from the bundled fixtures, through the real import path.
public enum Demo {
    public static let societyName = "中国示例学会（演示）"

    /// The fixture files in import order, with the date each describes and whether it is a full roster.
    public static let steps: [(kind: FileKind, file: String, asOf: String, snapshot: Bool)] = [
        (.units, "units.csv", "2019-12-31", false),
        (.members, "members-2015-12-31.csv", "2015-12-31", true),
        (.members, "members-2016-12-31.csv", "2016-12-31", true),
        (.members, "members-2017-12-31.csv", "2017-12-31", true),
        (.members, "members-2018-12-31.csv", "2018-12-31", true),
        (.members, "members-2019-12-31.csv", "2019-12-31", true),
        (.services, "services.csv", "2019-12-31", false),
        (.integrity, "integrity.csv", "2019-12-31", false),
        (.boardSeats, "board/board-seats.csv", "2019-12-31", false),
        (.boardAttendance, "board/board-attendance.csv", "2019-12-31", false),
        (.branches, "branches.csv", "2019-12-31", false),
    ]

    /// Creates the registry at `path`, replacing only an earlier demo registry, and imports the
    /// fixtures from `folder`; rejected rows go to `rejectsFolder`.
    public static func load(path: String, fixtures folder: String, rejectsFolder: String) throws
        -> (Registry, [(file: String, summary: ImportSummary)])
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ImportRefusal(problem: Text(
                en: "no fixtures folder at \(folder); run the demo from the repository's top folder or pass --fixtures DIR",
                zh: "\(folder) 处没有 fixtures 文件夹；请在仓库顶层目录运行演示，或用 --fixtures 指定"))
        }
        if FileManager.default.fileExists(atPath: path) {
            guard try isDemoRegistry(at: path) else { throw RegistryError.alreadyExists(path: path) }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let registry = try Registry.open(path: path, mode: .createOrUpgrade)
        try registry.initialize(societyName: societyName)
        var summaries: [(String, ImportSummary)] = []
        for step in steps {
            var options = ImportOptions(asOf: Day(iso: step.asOf) ?? Day.today())
            options.snapshot = step.snapshot
            options.rejectsPath = (rejectsFolder as NSString).appendingPathComponent(
                ((step.file as NSString).lastPathComponent as NSString).deletingPathExtension + ".rejects.csv")
            let summary = try registry.importFile(step.kind, path: (folder as NSString).appendingPathComponent(step.file), options: options)
            summaries.append((step.file, summary))
        }
        return (registry, summaries)
    }

    /// Whether the file at `path` is a registry the demo made, so it may be replaced, told without
    /// changing it: what is not a registrar registry is refused as `open` refuses it, and one an
    /// earlier release made is read as it is, not upgraded first.
    private static func isDemoRegistry(at path: String) throws -> Bool {
        // Reading a WAL-mode file makes its -wal and -shm; a refused demo leaves none behind that
        // were not there before (an empty -wal holds nothing, so removing it loses nothing).
        let manager = FileManager.default
        let companions = [path + "-wal", path + "-shm"].filter { !manager.fileExists(atPath: $0) }
        defer {
            let wal = (try? manager.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            if wal == 0 { for companion in companions { try? manager.removeItem(atPath: companion) } }
        }
        try Registry.inspect(path: path, mode: .createOrUpgrade)
        let reader = try DatabaseQueue(path: path, configuration: Registry.readOnlyConfiguration())
        defer { try? reader.close() }
        let name = try? reader.read { db in try String.fetchOne(db, sql: "SELECT name FROM society WHERE id = 1") }
        return name == societyName
    }
}
