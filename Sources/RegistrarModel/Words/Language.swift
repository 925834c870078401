/// The language of the words a person reads: labels, verdicts, reasons, errors.
///
/// Machine formats (JSON keys, CSV headers of exports meant for scripts) never change with it.
public enum Language: String, Sendable, CaseIterable {
    case en
    case zh
}

/// A piece of user-facing text in every language the tool speaks.
///
/// Keeping both languages side by side at the point of use means a message cannot exist in
/// one language only, and a reviewer sees the pair together.
public struct Text: Sendable, Hashable {
    public let en: String
    public let zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .en: en
        case .zh: zh
        }
    }
}
