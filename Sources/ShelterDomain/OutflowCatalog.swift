/// The outflow categories as data (`Resources/data/outflow.json`): code, journal byte, nl/en
/// label, valence and whether the category needs a `likely` checklist outcome. Parsed here
/// (pure); the composition root reads the bytes and hands the catalogue to reports and to
/// `CommandContext`. Every `Outflow` case must appear exactly once with its journal byte.
public struct OutflowCatalog: Hashable, Sendable {
    public var version: String
    /// In the file's order (reports list categories in this order).
    public var categories: [OutflowCategory]

    public init(version: String, categories: [OutflowCategory]) { self.version = version; self.categories = categories }

    /// The entry of a category (every case has one in a parsed catalogue).
    public subscript(_ o: Outflow) -> OutflowCategory {
        categories.first { $0.outflow == o }
            ?? OutflowCategory(outflow: o, valence: .neutral, requiresLikely: o == .regularWmoShelter, labelNL: o.code, labelEN: o.code)
    }

    public func valence(_ o: Outflow) -> OutflowCategory.Valence { self[o].valence }
    public func isPositive(_ o: Outflow) -> Bool { self[o].valence == .positive }
    public func requiresLikely(_ o: Outflow) -> Bool { self[o].requiresLikely }

    /// What the decider assumes when no catalogue is handed in: only the guard matters there
    /// (`regular_wmo_shelter` needs a `likely` outcome), so this holds no labels or valences
    /// worth showing. Reports always take the catalogue read from Resources.
    public static let guardDefault = OutflowCatalog(version: "guard", categories: Outflow.allCases.map {
        OutflowCategory(outflow: $0, valence: .neutral, requiresLikely: $0 == .regularWmoShelter, labelNL: $0.code, labelEN: $0.code)
    })

    /// Parses `outflow.json`.
    public static func parse(_ bytes: [UInt8]) throws(OutflowCatalogError) -> OutflowCatalog {
        let root: JSONValue
        do { root = try JSONValue.parse(bytes) } catch { throw .notJSON("\(error)") }
        guard case .array(let items)? = root["categories"] else { throw .notJSON("no \"categories\" list") }
        var version = ""
        if case .string(let v)? = root["version"] { version = v }
        var out: [OutflowCategory] = []
        for (i, item) in items.enumerated() {
            guard case .string(let code)? = item["code"] else { throw .badEntry(index: i, reason: "\"code\" (text) is missing") }
            guard let o = Outflow(code: code) else { throw .unknownCode(code) }
            guard case .number(let raw)? = item["raw"] else { throw .badEntry(index: i, reason: "\"raw\" (the journal byte) is missing") }
            guard Int(raw) == Int(o.rawValue) else { throw .rawMismatch(code: code, expected: o.rawValue, found: Int(raw)) }
            guard case .string(let v)? = item["valence"], let valence = OutflowCategory.Valence(rawValue: v) else {
                throw .badEntry(index: i, reason: "\"valence\" must be positive, neutral or negative")
            }
            var needs = false
            if let r = item["requires_likely"] {
                guard case .bool(let b) = r else { throw .badEntry(index: i, reason: "\"requires_likely\" must be true or false") }
                needs = b
            }
            guard case .string(let nl)? = item["nl"], case .string(let en)? = item["en"] else {
                throw .badEntry(index: i, reason: "\"nl\" and \"en\" labels are required")
            }
            guard !out.contains(where: { $0.outflow == o }) else { throw .duplicate(code) }
            out.append(OutflowCategory(outflow: o, valence: valence, requiresLikely: needs, labelNL: nl, labelEN: en))
        }
        let missing = Outflow.allCases.filter { o in !out.contains { $0.outflow == o } }
        guard missing.isEmpty else { throw .missing(missing.map(\.code)) }
        return OutflowCatalog(version: version, categories: out)
    }
}
