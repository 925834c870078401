import Foundation

/// Writes a file only its owner can read (mode 0600), whole or not at all: a temporary file beside
/// it, then a rename. Never the registry or its -wal/-shm, never through a symbolic link.
enum PrivateFile {
    static func write(_ data: Data, to path: String, registryPath: String) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL.path
        let registry = URL(fileURLWithPath: registryPath).standardizedFileURL.path
        func refuse(_ why: Text) -> RegistrationError {
            RegistrationError(problem: Text(en: "cannot write \(path): \(why.en); choose another file with --out",
                                            zh: "无法写入 \(path)：\(why.zh)；请用 --out 另选文件"))
        }
        if [registry, registry + "-wal", registry + "-shm", registry + "-journal"].contains(target) {
            throw refuse(Text(en: "it is the registry itself", zh: "这是登记库文件本身"))
        }
        if let kind = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType, kind == .typeSymbolicLink {
            throw refuse(Text(en: "it is a symbolic link", zh: "这是符号链接"))
        }
        let folder = (target as NSString).deletingLastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(".\((target as NSString).lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = Foundation.open(temporary, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard descriptor >= 0 else { throw refuse(Text(en: "the folder is not writable", zh: "目录不可写")) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary, target) == 0 else { throw refuse(Text(en: "the file cannot be replaced", zh: "无法替换该文件")) }
        } catch {
            unlink(temporary)
            if let error = error as? RegistrationError { throw error }
            throw refuse(Text(en: error.localizedDescription, zh: error.localizedDescription))
        }
    }
}
