import Foundation
import Testing

/// `registrar serve --tls-cert --tls-key` given the wrong files, on the built binary: one line in
/// English or Chinese naming the file, why, and what to give instead; a non-zero exit; nothing written.
struct ServeTLSFileTests {
    /// Names, sizes and modification times of everything in the folder, and the registry's bytes.
    static func snapshot(_ scratch: Scratch) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path).sorted()
        return try names.map { name in
            let attributes = try FileManager.default.attributesOfItem(atPath: scratch.path(name))
            return "\(name) \(attributes[.size] ?? 0) \(attributes[.modificationDate] ?? "")"
        } + [try Data(contentsOf: URL(fileURLWithPath: scratch.db)).base64EncodedString()]
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")))
    func wrongTLSFilesAreRefusedInOneLineThatNamesTheFileWhyAndWhatToDo() throws {
        let scratch = try Scratch()
        try scratch.run(["init", "--db", scratch.db])
        try ServeTLSTests.certificate(in: scratch)
        let openssl = "/usr/bin/openssl"
        let other = try ServeTLSTests.tool(openssl, ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "other.pem"],
                                           in: scratch.folder)
        #expect(other.status == 0, "\(other.stderr)")
        let encrypted = try ServeTLSTests.tool(openssl, ["pkey", "-in", "key.pem", "-aes256", "-passout", "pass:secret", "-out", "encrypted.pem"],
                                               in: scratch.folder)
        #expect(encrypted.status == 0, "\(encrypted.stderr)")
        try "-----BEGIN PRIVATE KEY-----\nnot base64 at all\n-----END PRIVATE KEY-----\n"
            .write(toFile: scratch.path("garbage.pem"), atomically: true, encoding: .utf8)
        try Data().write(to: URL(fileURLWithPath: scratch.path("empty.pem")))
        try FileManager.default.createDirectory(atPath: scratch.path("keys"), withIntermediateDirectories: false)

        let cases: [(cert: String, key: String, en: String, zh: String)] = [
            ("cert.pem", "other.pem", "--tls-key other.pem is not the private key of the certificate in --tls-cert cert.pem",
             "--tls-key other.pem 不是 --tls-cert cert.pem 中证书的私钥"),
            ("cert.pem", "garbage.pem", "--tls-key garbage.pem: is not a PEM private key", "--tls-key garbage.pem：不是 PEM 私钥"),
            ("garbage.pem", "key.pem", "--tls-cert garbage.pem: is not a PEM certificate", "--tls-cert garbage.pem：不是 PEM 证书"),
            ("cert.pem", "keys", "--tls-key keys: is a folder; give the PEM file inside it", "--tls-key keys：是文件夹"),
            ("cert.pem", "missing.pem", "--tls-key missing.pem: there is no such file", "--tls-key missing.pem：没有这个文件"),
            ("missing.pem", "key.pem", "--tls-cert missing.pem: there is no such file", "--tls-cert missing.pem：没有这个文件"),
            ("cert.pem", "encrypted.pem", "--tls-key encrypted.pem: is encrypted with a passphrase", "--tls-key encrypted.pem：已用口令加密"),
            ("key.pem", "cert.pem", "--tls-cert key.pem holds a private key and --tls-key cert.pem a certificate; swap them", "请把二者对调"),
            ("cert.pem", "cert.pem", "--tls-key cert.pem: holds a certificate, not a private key", "中是证书而不是私钥"),
            ("cert.pem", "/dev/zero", "--tls-key /dev/zero: is not a regular file", "--tls-key /dev/zero：不是普通文件"),
            ("cert.pem", "empty.pem", "--tls-key empty.pem: is empty or not text, so not a PEM private key", "为空或不是文本"),
        ]
        let before = try Self.snapshot(scratch)
        for (cert, key, en, zh) in cases {
            for (language, expected) in [("en", en), ("zh", zh)] {
                let outcome = try scratch.run(["serve", "--db", scratch.db, "--port", "1", "--tls-cert", cert, "--tls-key", key,
                                               "--lang", language])
                #expect(outcome.status != 0)
                #expect(outcome.stdout.isEmpty)
                #expect(outcome.stderr.contains(expected), "\(cert) \(key) \(language): \(outcome.stderr)")
                #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
                #expect(!outcome.stderr.contains("failedToLoad"))
            }
        }
        #expect(try Self.snapshot(scratch) == before)
    }
}
