import OnderdakResources
import ShelterDomain

/// The ISO 3166-1 country list with Dutch and English names (`Resources/data/countries.json`),
/// for the nationality field: type a code ("PL") or the start of a name in either language
/// ("Pol", "Roem", "Bulg").
public struct Countries: Sendable {
    public struct Country: Sendable, Equatable { public var code: String; public var nl: String; public var en: String }
    public let all: [Country]

    public static let shared = Countries()

    init() {
        var list: [Country] = []
        if let bytes = OnderdakResources.data("countries.json"), case .array(let items)? = try? JSONValue.parse(bytes) {
            for item in items {
                if case .string(let c)? = item["code"], case .string(let nl)? = item["nl"], case .string(let en)? = item["en"] {
                    list.append(Country(code: c, nl: nl, en: en))
                }
            }
        }
        all = list
    }

    public func name(of code: String, lang: String) -> String? {
        all.first { $0.code == code.uppercased() }.map { lang == "en" ? $0.en : $0.nl }
    }

    /// The countries a typed text can mean: an exact code first, then names starting with it
    /// (folded: "roeme" finds Roemenië), then names containing it.
    public func matches(_ typed: String) -> [Country] {
        let q = NameNormalizer.fold(typed)
        guard !q.isEmpty else { return [] }
        if q.count == 2, let exact = all.first(where: { $0.code.lowercased() == q }) { return [exact] }
        let starts = all.filter { NameNormalizer.fold($0.nl).hasPrefix(q) || NameNormalizer.fold($0.en).hasPrefix(q) }
        if !starts.isEmpty { return starts }
        return q.count >= 3 ? all.filter { NameNormalizer.fold($0.nl).contains(q) || NameNormalizer.fold($0.en).contains(q) } : []
    }
}
