import Foundation

/// Why a file could not be written, in the person's words rather than Foundation's English
/// ("The folder “x” doesn't exist."), which would leak into a Chinese message.
public enum WriteFailureReason {
    public static func of(_ path: String) -> Text {
        let manager = FileManager.default
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            return Text(en: "\(path) is a folder", zh: "\(path) 是文件夹")
        }
        guard manager.fileExists(atPath: folder, isDirectory: &isFolder) else {
            return Text(en: "the folder \(folder) does not exist", zh: "文件夹 \(folder) 不存在")
        }
        guard isFolder.boolValue else { return Text(en: "\(folder) is not a folder", zh: "\(folder) 不是文件夹") }
        guard manager.isWritableFile(atPath: folder) else {
            return Text(en: "the folder \(folder) is not writable", zh: "文件夹 \(folder) 不可写")
        }
        if manager.fileExists(atPath: path), !manager.isWritableFile(atPath: path) {
            return Text(en: "\(path) is not writable", zh: "\(path) 不可写")
        }
        return Text(en: "the disk refused the write (full?)", zh: "磁盘拒绝写入（空间已满？）")
    }
}
