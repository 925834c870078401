import Foundation
import RegistrarModel

/// Every file registrar writes (rejects, exports, reports, backups) is written through here.
///
/// The bytes go to a temporary file in the target's own folder, created 0600 whatever the umask,
/// and are renamed over the target only once they are all on disk: a crash or a full disk leaves the
/// old file (or none), never half of one. Before anything is created the target is refused when it
/// is, or would replace, one of the files the command must not lose: the registry, its `-wal`,
/// `-shm` and `-journal`, and the file being read. A symbolic link is refused too rather than
/// written through, and so is anything that is not a regular file.
public struct OutputFile: Sendable {
    /// The files a command reads or keeps, which no output may replace.
    public struct Protected: Sendable {
        package var registry: String?
        package var inputs: [String]

        public init(registry: String?, inputs: [String] = []) {
            self.registry = registry
            self.inputs = inputs
        }

        /// The paths, as the file system names them, of every file that must survive.
        package var paths: [String] {
            var paths: [String] = []
            if let registry {
                let base = OutputFile.canonical(registry)
                paths += ["", "-wal", "-shm", "-journal"].map { base + $0 }
            }
            paths += inputs.map(OutputFile.canonical)
            return paths
        }
    }

    /// The path as given, for messages.
    public let path: String

    /// Checks `path` can be written without harm, and says why not in one line when it cannot.
    public init(path: String, protecting protected: Protected) throws {
        self.path = path
        guard !path.isEmpty else { throw OutputFileError(path: path, reason: .empty) }
        let target = OutputFile.canonical(path)
        var targetStatus = stat()
        let exists = lstat(path, &targetStatus) == 0
        if exists {
            if (targetStatus.st_mode & S_IFMT) == S_IFLNK { throw OutputFileError(path: path, reason: .symbolicLink) }
            if (targetStatus.st_mode & S_IFMT) == S_IFDIR { throw OutputFileError(path: path, reason: .folder) }
            if (targetStatus.st_mode & S_IFMT) != S_IFREG { throw OutputFileError(path: path, reason: .notRegular) }
        }
        for kept in protected.paths {
            var keptStatus = stat()
            let sameFile = exists && stat(kept, &keptStatus) == 0
                && keptStatus.st_dev == targetStatus.st_dev && keptStatus.st_ino == targetStatus.st_ino
            if sameFile || kept == target {
                let isRegistry = protected.registry.map { kept.hasPrefix(OutputFile.canonical($0)) } ?? false
                throw OutputFileError(path: path, reason: isRegistry ? .registry : .input)
            }
        }
        var folderStatus = stat()
        let folder = OutputFile.folder(of: path)
        guard stat(folder, &folderStatus) == 0, (folderStatus.st_mode & S_IFMT) == S_IFDIR else {
            throw OutputFileError(path: path, reason: .noFolder(folder))
        }
    }

    /// Writes all of `bytes` to the file, replacing what was there only once they are on disk.
    public func write(_ bytes: some Collection<UInt8>) throws {
        let writer = try Writer(self)
        do {
            try writer.append(bytes)
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }

    public func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// Lets `body` fill the temporary file by its path (SQLite's `VACUUM INTO`), then puts it in place.
    public func produce(_ body: (_ temporaryPath: String) throws -> Void) throws {
        let writer = try Writer(self, named: true)
        do {
            try body(writer.temporaryPath)
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }

    /// A file written piece by piece (a rejects file, an export), then committed or discarded.
    ///
    /// Where the system allows it (Linux's `O_TMPFILE`), the file has no name until it is committed,
    /// so a process killed part-way (kill -9, a crash, the power) leaves nothing behind: a rejects
    /// file holds identity numbers in clear. Elsewhere, and for `produce`, it is a hidden file beside
    /// the target, `.NAME.registrar-XXXXXX`.
    public final class Writer {
        public let output: OutputFile
        private var descriptor: Int32
        /// The temporary file's path while it has one (always, with `named`).
        private var temporaryName: String?

        /// - Parameter named: a temporary file with a path from the start, for `produce`'s body.
        public init(_ output: OutputFile, named: Bool = false) throws {
            self.output = output
            let folder = OutputFile.folder(of: output.path)
            if !named, access("/proc/self/fd", F_OK) == 0 {
                let unnamed = open(folder, __O_TMPFILE | O_DIRECTORY | O_RDWR, 0o600)
                if unnamed >= 0 {
                    fchmod(unnamed, 0o600)
                    descriptor = unnamed
                    temporaryName = nil
                    return
                }
            }
            var template = Array((OutputFile.temporaryPrefix(for: output.path) + "XXXXXX").utf8CString)
            let descriptor = template.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress.map { mkstemp($0) } ?? -1
            }
            guard descriptor >= 0 else {
                throw OutputFileError(path: output.path, reason: .failed(errno))
            }
            // mkstemp already makes it 0600; fchmod says so whatever the platform or umask.
            fchmod(descriptor, 0o600)
            self.descriptor = descriptor
            temporaryName = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }

        deinit { discard() }

        /// The temporary file's path (a writer made `named`).
        package var temporaryPath: String { temporaryName ?? "/proc/self/fd/\(descriptor)" }

        /// Reads back what was written, from `offset`; the number of bytes read, or -1 (errno).
        package func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
            pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
        }

        public func append(_ bytes: some Collection<UInt8>) throws {
            guard descriptor >= 0 else { return }
            let result: Int32? = bytes.withContiguousStorageIfAvailable { buffer in
                OutputFile.writeAll(descriptor, buffer)
            } ?? Array(bytes).withUnsafeBufferPointer { OutputFile.writeAll(descriptor, $0) }
            if let error = result, error != 0 {
                throw OutputFileError(path: output.path, reason: .failed(error))
            }
        }

        public func append(_ text: String) throws {
            var text = text
            try text.withUTF8 { try append($0) }
        }

        /// Flushes the bytes to disk and puts the file in place.
        public func commit() throws {
            guard descriptor >= 0 else { return }
            /// Closes the file if it is open, removes its name if it has one, and says why.
            func fail(_ error: Int32) -> OutputFileError {
                if descriptor >= 0 { close(descriptor); descriptor = -1 }
                if let temporaryName { unlink(temporaryName) }
                return OutputFileError(path: output.path, reason: .failed(error))
            }
            if fsync(descriptor) != 0 { throw fail(errno) }
            if temporaryName == nil {
                // Named only now, beside the target (a name no other file has), and at once renamed over it.
                let name = OutputFile.temporaryPrefix(for: output.path) + UUID().uuidString
                guard linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0 else { throw fail(errno) }
                temporaryName = name
            }
            let closed = close(descriptor) == 0 ? 0 : errno
            descriptor = -1
            if closed != 0 { throw fail(closed) }
            guard let temporaryName, rename(temporaryName, output.path) == 0 else { throw fail(errno) }
            self.temporaryName = nil
        }

        /// Leaves the target as it was and removes the temporary file.
        public func discard() {
            guard descriptor >= 0 else { return }
            close(descriptor)
            descriptor = -1
            if let temporaryName { unlink(temporaryName) }
        }
    }

    /// The start of a temporary file's name beside `path` (`.NAME.registrar-`), for `mkstemp`'s
    /// template and for naming an unnamed file at commit.
    private static func temporaryPrefix(for path: String) -> String {
        OutputFile.folder(of: path) + "/." + (path as NSString).lastPathComponent + ".registrar-"
    }

    /// Writes every byte, retrying short writes and interruptions; 0, or the errno that stopped it.
    package static func writeAll(_ descriptor: Int32, _ buffer: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard var next = buffer.baseAddress else { return 0 }
        var left = buffer.count
        while left > 0 {
            let written = Foundation.write(descriptor, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            left -= written
            next += written
        }
        return 0
    }

    /// The folder a path names a file in (`.` for a bare name), by its last `/`. Foundation's
    /// `deletingLastPathComponent` crashes on a one-character name on Linux, so it is not used.
    public static func folder(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = path[..<slash]
        return folder.isEmpty ? "/" : String(folder)
    }

    /// The path with its folder's symbolic links resolved, so two names of one place compare equal;
    /// the last component is resolved too when it is a link to an existing file.
    package static func canonical(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let folder = folder(of: path)
        let name = (path as NSString).lastPathComponent
        guard let resolved = realpath(folder, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved) + "/" + name
    }
}

/// Why an output file was not written: which path, and why, in one line.
public struct OutputFileError: UserFacingError, Equatable {
    public enum Reason: Equatable, Sendable {
        case empty, symbolicLink, folder, notRegular, registry, input
        case noFolder(String)
        case system(String)
        /// The folder (or the file system) does not let registrar write there.
        case notAllowed(String)

        /// Why a system call failed with `error`, with the advice that fits it.
        package static func failed(_ error: Int32) -> Reason {
            let text = String(cString: strerror(error))
            return error == EACCES || error == EPERM || error == EROFS ? .notAllowed(text) : .system(text)
        }
    }

    public var path: String
    public var reason: Reason

    public func message(_ language: Language) -> String {
        let why: Text = switch reason {
        case .empty: Text(en: "no file name was given", zh: "未给出文件名")
        case .symbolicLink: Text(en: "it is a symbolic link, which registrar does not write through; name the file itself",
                                 zh: "它是符号链接，registrar 不会经由链接写入；请直接指定文件本身")
        case .folder: Text(en: "it is a folder; name a file inside it", zh: "它是文件夹；请指定其中的一个文件")
        case .notRegular: Text(en: "it is not a regular file; name a new or ordinary file", zh: "它不是普通文件；请指定新文件或普通文件")
        case .registry: Text(en: "it is the registry (or one of its -wal/-shm/-journal files), which would be destroyed; choose another file",
                             zh: "它是会员库（或其 -wal/-shm/-journal 文件），写入将毁坏会员库；请另选文件")
        case .input: Text(en: "it is the file being read, which would be replaced; choose another file",
                          zh: "它是正在读取的输入文件，写入将覆盖它；请另选文件")
        case .noFolder(let folder): Text(en: "the folder \(folder) does not exist; create it or choose another path",
                                         zh: "文件夹 \(folder) 不存在；请先创建，或另选路径")
        case .system(let error): Text(en: "\(error); nothing was written there, free space or choose another path",
                                      zh: "\(error)；该处未写入任何内容，请腾出空间或另选路径")
        case .notAllowed(let error): Text(en: "\(error); registrar may not write in that folder, so nothing was written there; choose another path",
                                          zh: "\(error)；registrar 无权在该文件夹写入，该处未写入任何内容；请另选路径")
        }
        return Text(en: "will not write \(path): \(why.en)", zh: "不写入 \(path)：\(why.zh)")(language)
    }
}
