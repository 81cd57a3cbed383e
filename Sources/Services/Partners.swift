import OnderdakResources
import ShelterDomain

/// Partner organisations for voluntary return (`Resources/data/return/partners.json`).
public enum Partners {
    public static let names: [String] = {
        guard let bytes = OnderdakResources.data("return/partners.json"), case .array(let items)? = try? JSONValue.parse(bytes)["partners"] else {
            return []
        }
        return items.compactMap { if case .string(let n)? = $0["name"] { return n }; return nil }
    }()
}
