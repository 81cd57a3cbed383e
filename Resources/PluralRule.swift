/// Which plural form a count takes in a language (CLDR's cardinal rules, for the languages the
/// desk writes in): Dutch and English "one"/"other"; Polish "one" (1), "few" (2–4, 22–24, … not
/// 12–14) and "many"; Romanian "one", "few" (0, 2–19, and 101–119 …) and "other". A text table
/// holds `key.one`, `key.few`, `key.many` as the language needs; `key` itself is the fallback.
public enum PluralRule {
    public static func category(_ n: Int, lang: String) -> String {
        let n = abs(n), mod10 = n % 10, mod100 = n % 100
        switch lang {
        case "pl":
            if n == 1 { return "one" }
            if (2...4).contains(mod10), !(12...14).contains(mod100) { return "few" }
            return "many"
        case "ro":
            if n == 1 { return "one" }
            if n == 0 || (1...19).contains(mod100) { return "few" }
            return "other"
        default:
            return n == 1 ? "one" : "other"
        }
    }

    /// The text for `n` from a lookup that returns the key itself when it has no text: the
    /// plural form's key when present, else the plain key; `%d` filled in.
    public static func text(_ key: String, _ n: Int, lang: String, lookup: (String) -> String) -> String {
        let formKey = "\(key).\(category(n, lang: lang))"
        let form = lookup(formKey)
        let text = form == formKey ? lookup(key) : form
        return text.replacingOccurrences(of: "%d", with: String(n))
    }
}
