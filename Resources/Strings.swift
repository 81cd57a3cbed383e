import ShelterDomain

/// The user-visible text of one language, from `Resources/data/i18n/<lang>.json`: the one
/// formatter of the program. Screens, CLI messages and the domain's refusals (`DomainError.text`)
/// take every text from here. Missing keys show the key itself (and fail the translation test).
public struct Strings: Sendable {
    /// The tables, read once per process.
    public static let nl = Strings(lang: "nl")
    public static let en = Strings(lang: "en")

    /// The table for a language code: English for "en", Dutch (the desk's default) otherwise.
    public static func forLanguage(_ lang: String) -> Strings { lang == "en" ? en : nl }

    public let lang: String
    let table: [String: String]

    public init(lang: String) {
        self.lang = lang
        var t: [String: String] = [:]
        if let bytes = OnderdakResources.data("i18n/\(lang).json"), case .object(let pairs)? = try? JSONValue.parse(bytes) {
            for (k, v) in pairs { if case .string(let s) = v { t[k] = s } }
        }
        table = t
    }

    public subscript(_ key: String) -> String { table[key] ?? key }

    /// Replaces each `%d` in the text with the next argument.
    public func format(_ key: String, _ args: Int...) -> String {
        var out = ""
        var rest = args[...]
        var text = Substring(self[key])
        while let r = text.range(of: "%d") {
            out += text[..<r.lowerBound]
            out += rest.popFirst().map(String.init) ?? ""
            text = text[r.upperBound...]
        }
        return out + text
    }

    /// Replaces each `%s` in the text with the next argument.
    public func fill(_ key: String, _ args: String...) -> String {
        var out = ""
        var rest = args[...]
        var text = Substring(self[key])
        while let r = text.range(of: "%s") {
            out += text[..<r.lowerBound]
            out += rest.popFirst() ?? ""
            text = text[r.upperBound...]
        }
        return out + text
    }
}
