import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NIOSSL
import RegistrarModel
import RegistrarInput

/// `--tls-cert` and `--tls-key` read into the server's TLS settings, or one line that names the file,
/// says what is wrong with it and what to give instead.
///
/// Why not swift-nio-ssl's file loaders alone: they answer every fault with `failedToLoadPrivateKey`
/// or a bare BoringSSL code, and they would read a device such as /dev/zero for ever. Here each file is
/// checked to be a regular, readable file of a sensible size, read once, and its text tells a
/// certificate from a key, an encrypted key, or the two files given the wrong way round; a key that is
/// not the certificate's is found by building the TLS context once, as serving would.
enum TLSFiles {
    /// A certificate chain or a key is a few kilobytes; anything past this is the wrong file.
    static let maxBytes = 1 << 20

    static func configuration(certificate certificatePath: String, key keyPath: String) throws -> TLSConfiguration {
        let certificateText = try read("--tls-cert", certificatePath)
        let keyText = try read("--tls-key", keyPath)
        let certificate = Sanitized.message(certificatePath), key = Sanitized.message(keyPath)

        let chain = (try? NIOSSLCertificate.fromPEMBytes(Array(certificateText.utf8))) ?? []
        guard !chain.isEmpty else {
            if keyText.contains("-----BEGIN CERTIFICATE-----") && certificateText.contains("PRIVATE KEY-----") {
                throw swapped(certificate, key)
            }
            throw refusal(
                "--tls-cert", certificate,
                Text(en: "is not a PEM certificate (no readable -----BEGIN CERTIFICATE----- block); give the certificate in PEM, or convert a DER one with 'openssl x509 -inform der -in FILE -out cert.pem'",
                     zh: "不是 PEM 证书（没有可读的 -----BEGIN CERTIFICATE----- 段）；请给出 PEM 格式的证书，DER 格式可用 'openssl x509 -inform der -in 文件 -out cert.pem' 转换"))
        }
        guard let privateKey = try? NIOSSLPrivateKey(bytes: Array(keyText.utf8), format: .pem) else {
            if keyText.contains("ENCRYPTED") {
                throw refusal(
                    "--tls-key", key,
                    Text(en: "is encrypted with a passphrase, which registrar serve cannot ask for; write an unencrypted copy with 'openssl pkey -in FILE -out key.pem' and keep it readable by this user only",
                         zh: "已用口令加密，registrar serve 无法询问口令；请用 'openssl pkey -in 文件 -out key.pem' 写出未加密的副本，并仅允许本用户读取"))
            }
            if keyText.contains("-----BEGIN CERTIFICATE-----") && !keyText.contains("PRIVATE KEY-----") {
                throw refusal(
                    "--tls-key", key,
                    Text(en: "holds a certificate, not a private key; give the certificate's private key (the file made with it, not the certificate again)",
                         zh: "中是证书而不是私钥；请给出该证书的私钥（与证书一同生成的文件，而不是证书本身）"))
            }
            throw refusal(
                "--tls-key", key,
                Text(en: "is not a PEM private key (no readable -----BEGIN … PRIVATE KEY----- block); give the private key made with the certificate, in PEM",
                     zh: "不是 PEM 私钥（没有可读的 -----BEGIN … PRIVATE KEY----- 段）；请给出与证书一同生成的 PEM 私钥"))
        }
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                                    privateKey: .privateKey(privateKey))
        configuration.minimumTLSVersion = .tlsv12
        // BoringSSL checks here that the key is the certificate's (the first in the chain).
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw WebUserError(problem: Text(
                en: "--tls-key \(key) is not the private key of the certificate in --tls-cert \(certificate) (they do not belong together); give the key that was made with that certificate, or a certificate made for this key",
                zh: "--tls-key \(key) 不是 --tls-cert \(certificate) 中证书的私钥（二者不配套）；请给出与该证书一同生成的私钥，或为此私钥签发的证书"))
        }
        return configuration
    }

    /// The text of `path`, once it is known to be a readable regular file of at most `maxBytes`.
    static func read(_ flag: String, _ path: String) throws -> String {
        let shown = Sanitized.message(path)
        var status = stat()
        guard stat(path, &status) == 0 else {
            let reason = errno
            if reason == ENOENT || reason == ENOTDIR {
                throw refusal(flag, shown, Text(en: "there is no such file; check the path (it is read relative to the current folder)",
                                                zh: "没有这个文件；请检查路径（相对路径从当前文件夹算起）"))
            }
            throw refusal(flag, shown, Text(en: "cannot be read (\(String(cString: strerror(reason)))); give a file this user can read",
                                            zh: "无法读取（\(String(cString: strerror(reason)))）；请给出本用户可读的文件"))
        }
        switch status.st_mode & mode_t(S_IFMT) {
        case mode_t(S_IFREG):
            break
        case mode_t(S_IFDIR):
            throw refusal(flag, shown, Text(en: "is a folder; give the PEM file inside it",
                                            zh: "是文件夹；请给出其中的 PEM 文件"))
        default:
            throw refusal(flag, shown, Text(en: "is not a regular file; give a PEM file",
                                            zh: "不是普通文件；请给出 PEM 文件"))
        }
        guard Int(status.st_size) <= maxBytes else {
            throw refusal(flag, shown, Text(en: "is \(status.st_size) bytes, far more than a PEM certificate or key (a few KB); check that it is the right file",
                                            zh: "有 \(status.st_size) 字节，远大于 PEM 证书或私钥（几 KB）；请确认文件是否正确"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw refusal(flag, shown, Text(en: "cannot be read (permission denied); give a file this user can read",
                                            zh: "无法读取（权限不足）；请给出本用户可读的文件"))
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maxBytes + 1)) ?? Data()
        guard let text = String(data: data, encoding: .utf8), !text.isEmpty else {
            let what = flag == "--tls-cert" ? Text(en: "certificate", zh: "证书") : Text(en: "private key", zh: "私钥")
            throw refusal(flag, shown, Text(en: "is empty or not text, so not a PEM \(what.en); give the \(what.en) in PEM (-----BEGIN …-----)",
                                            zh: "为空或不是文本，因此不是 PEM \(what.zh)；请给出 PEM 格式（-----BEGIN …-----）的\(what.zh)"))
        }
        return text
    }

    static func refusal(_ flag: String, _ shown: String, _ why: Text) -> WebUserError {
        WebUserError(problem: Text(en: "\(flag) \(shown): \(why.en)", zh: "\(flag) \(shown)：\(why.zh)"))
    }

    static func swapped(_ certificate: String, _ key: String) -> WebUserError {
        WebUserError(problem: Text(
            en: "--tls-cert \(certificate) holds a private key and --tls-key \(key) a certificate; swap them",
            zh: "--tls-cert \(certificate) 中是私钥，--tls-key \(key) 中是证书；请把二者对调"))
    }
}
