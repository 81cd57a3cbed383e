import OnderdakResources
import ShelterDomain

/// The outflow categories shipped in `Resources/data/outflow.json`, read once.
public enum ShippedOutflows {
    /// Reads and checks the shipped list.
    public static func load() throws(OutflowCatalogError) -> OutflowCatalog {
        guard let bytes = OnderdakResources.data("outflow.json") else {
            throw .notJSON("the file is missing from the program's resources (reinstall Onderdak)")
        }
        return try OutflowCatalog.parse(bytes)
    }

    /// The shipped list; a damaged list is a broken installation, so it stops the program with
    /// the reason rather than showing wrong figures.
    public static let catalog: OutflowCatalog = {
        do { return try load() } catch { fatalError("onderdak: \(error)") }
    }()
}
