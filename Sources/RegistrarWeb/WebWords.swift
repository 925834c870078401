import RegistrarKit

/// The staff web view's own words; report labels come from RegistrarKit's, the same as the commands'.
enum WebWords {
    static let appName = Text(en: "registrar", zh: "会员库")
    static let skip = Text(en: "Skip to the content", zh: "跳到正文")
    static let navigation = Text(en: "Pages", zh: "页面")
    static let dashboard = Text(en: "Dashboard", zh: "概览")
    static let members = Text(en: "Members", zh: "会员")
    static let importFile = Text(en: "Import", zh: "导入")
    static let monthly = Text(en: "Monthly report", zh: "月度报告")
    static let annual = Text(en: "Annual report", zh: "年度报告")
    static let growth = Text(en: "Growth", zh: "增长")
    static let board = Text(en: "Board", zh: "理事会")
    static let integrity = Text(en: "Integrity check", zh: "诚信检查")
    static let segments = Text(en: "Segments", zh: "会员分群")
    static let audit = Text(en: "Audit log", zh: "审计日志")
    static let signIn = Text(en: "Sign in", zh: "登录")
    static let signOut = Text(en: "Sign out", zh: "退出登录")
    static let signedInAs = Text(en: "Signed in as", zh: "当前用户")
    static let username = Text(en: "User name", zh: "用户名")
    static let password = Text(en: "Password", zh: "密码")
    static let show = Text(en: "Show", zh: "显示")
    static let search = Text(en: "Search", zh: "搜索")
    static let back = Text(en: "Back", zh: "返回")
    static let none = Text(en: "none", zh: "无")
    static let yes = Text(en: "yes", zh: "是")
    static let no = Text(en: "no", zh: "否")
    static let switchLanguage = Text(en: "中文", zh: "English")

    static let notSignedIn = Text(en: "Please sign in.", zh: "请先登录。")
    static let expired = Text(en: "Your session has expired (8 hours without use). Sign in again; nothing was changed.",
                              zh: "会话已过期（8 小时未使用）。请重新登录；未作任何改动。")
    static let signedOut = Text(en: "You are signed out.", zh: "已退出登录。")
    static let badLogin = Text(en: "The user name or password is wrong. Check them and try again.",
                               zh: "用户名或密码错误。请检查后重试。")
    static func locked(until: String) -> Text {
        Text(en: "Five sign-ins in a row failed, so this account is locked until \(until) UTC. Wait, or ask an admin to run 'registrar users set-password'.",
             zh: "连续五次登录失败，此账户已锁定至 \(until)（UTC）。请稍候，或请管理员运行 'registrar users set-password'。")
    }
    static let badCSRF = Text(
        en: "The form's security token is missing or out of date, so nothing was changed. Go back, reload the page and send the form again.",
        zh: "表单缺少安全令牌或令牌已过期，因此未作任何改动。请返回、刷新页面后重新提交。")
    static func needsRole(_ role: WebRole, have: WebRole) -> Text {
        Text(en: "This page needs the \(role.label.en) role; you are signed in as \(have.label.en). Ask an admin if you need it.",
             zh: "此页面需要“\(role.label.zh)”权限；您当前是“\(have.label.zh)”。如需要，请联系管理员。")
    }
    static let notFound = Text(en: "There is no such page. Use the links above.", zh: "没有这个页面。请使用上方的链接。")
    static let internalError = Text(
        en: "Something went wrong on the server; the registry is as it was. Try again, and tell whoever runs registrar if it happens again.",
        zh: "服务器出错；会员库保持原样。请重试；如再次出现，请告知 registrar 的管理人员。")
    static let problemTitle = Text(en: "That did not work", zh: "操作未完成")
    static let whatToDo = Text(en: "Nothing was changed.", zh: "未作任何改动。")
}
