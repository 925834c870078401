import HummingbirdBcrypt
import RegistrarKit

/// Web users' passwords: checked for length, then kept only as bcrypt hashes.
public enum WebPasswords {
    /// bcrypt's cost: 2¹² rounds, a quarter of a second or so a sign-in on this kind of machine.
    public static let cost: UInt8 = 12

    /// Why a password will not do, or nil. bcrypt reads at most 72 bytes, so a longer one is refused
    /// rather than silently cut.
    public static func problem(_ password: String) -> Text? {
        if password.count < 10 {
            return Text(en: "the password is shorter than 10 characters; choose a longer one",
                        zh: "密码少于 10 个字符；请设置更长的密码")
        }
        if password.utf8.count > 72 {
            return Text(en: "the password is longer than 72 bytes, which bcrypt cannot use whole; choose a shorter one",
                        zh: "密码超过 72 字节，bcrypt 无法完整使用；请设置短一些的密码")
        }
        return nil
    }

    public static func hash(_ password: String, cost: UInt8 = cost) -> String {
        Bcrypt.hash(password, cost: cost)
    }
}
