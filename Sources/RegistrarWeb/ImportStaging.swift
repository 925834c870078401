import Foundation
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

/// Uploads waiting between their preview (a dry run) and the confirmation that imports them.
///
/// Each upload lives in its own folder under `<registry>.uploads/` (mode 0700, files 0600, since a
/// roster holds identity numbers), named by an unguessable token. Confirming imports the file only
/// when its SHA-256 is still the one previewed; an upload not confirmed within an hour is removed.
actor ImportStaging {
    struct Staged: Sendable {
        let token: String
        let user: String
        let kind: FileKind
        let options: ImportOptions
        let fileName: String
        let sha256: String
        let created: Int
        var preview: ImportSummary?
        var imported: ImportSummary?
        var folder: String
        var filePath: String { folder + "/" + fileName }
        var rejectsPath: String { folder + "/rejects.csv" }
    }

    static let lifetimeSeconds = 60 * 60
    let root: String
    private let clock: @Sendable () -> Int
    private var staged: [String: Staged] = [:]
    private var confirming: Set<String> = []

    init(registryPath: String, clock: @escaping @Sendable () -> Int) throws {
        root = registryPath + ".uploads"
        self.clock = clock
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
        } else if !isDirectory.boolValue {
            throw WebUserError(problem: Text(en: "\(root) is in the way of the upload folder; move it", zh: "\(root) 占用了上传文件夹的位置；请移走"))
        }
        // Uploads left by an earlier run were never confirmed in it, and cannot be now.
        for leftover in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] where leftover.count == 64 {
            try? FileManager.default.removeItem(atPath: root + "/" + leftover)
        }
    }

    /// A new folder for an upload, and its token.
    func newFolder() throws -> (token: String, folder: String) {
        expireOld()
        let token = Secret.token()
        let folder = root + "/" + token
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        return (token, folder)
    }

    func add(_ upload: Staged) {
        staged[upload.token] = upload
    }

    func get(_ token: String) -> Staged? {
        guard let upload = staged[token], clock() - upload.created < Self.lifetimeSeconds else { return nil }
        return upload
    }

    /// What `claim` found.
    enum Claim: Sendable {
        case unknown
        case importedAlready
        case beingImported
        case claimed(Staged)
    }

    /// Takes an upload for its one confirmation, so that two tabs (or a double click) confirming the
    /// same preview import it once: a second claim, until `release` or `markImported`, is refused.
    func claim(_ token: String, user: String) -> Claim {
        guard let upload = get(token), upload.user == user else { return .unknown }
        if upload.imported != nil { return .importedAlready }
        if confirming.contains(token) { return .beingImported }
        confirming.insert(token)
        return .claimed(upload)
    }

    /// Gives a claimed upload back after its import failed, so it can be confirmed again.
    func release(_ token: String) {
        confirming.remove(token)
    }

    func markImported(_ token: String, _ summary: ImportSummary) {
        confirming.remove(token)
        staged[token]?.imported = summary
        // The roster itself is no longer needed once imported; its rejects stay for download.
        if let upload = staged[token] { try? FileManager.default.removeItem(atPath: upload.filePath) }
    }

    func discard(folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func expireOld() {
        let now = clock()
        for (token, upload) in staged where now - upload.created >= Self.lifetimeSeconds {
            try? FileManager.default.removeItem(atPath: upload.folder)
            staged[token] = nil
        }
    }

    /// A file name from a browser made safe to keep: its last component, no control characters or
    /// slashes, at most 120 characters and `maxNameBytes` bytes of UTF-8 (a folder entry holds 255, and
    /// 120 Chinese characters take 360), its extension kept; `upload.csv` when nothing is left or when
    /// it would take the name of the rejects file or of the upload still streaming in.
    static func safeFileName(_ name: String?) -> String {
        let last = (name ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0 != "\u{7F}" }.map(Character.init))
        var trimmed = cleaned.trimmingCharacters(in: .whitespaces)
        if trimmed.count > 120 || trimmed.utf8.count > maxNameBytes {
            var stem = Substring(trimmed), ext = ""
            if let dot = trimmed.lastIndex(of: "."), trimmed.utf8[dot...].count <= 16 {
                stem = trimmed[..<dot]
                ext = String(trimmed[dot...])
            }
            while stem.count + ext.count > 120 || stem.utf8.count + ext.utf8.count > maxNameBytes { stem = stem.dropLast() }
            trimmed = String(stem).trimmingCharacters(in: .whitespaces) + ext
        }
        return trimmed.isEmpty || trimmed.hasPrefix(".") || trimmed == "rejects.csv" || trimmed == "upload.part" ? "upload.csv" : trimmed
    }

    static let maxNameBytes = 200
}
