import OnderdakResources
import ShelterDomain

/// Reads data files from the Resources target for tests.
enum OnderdakResourcesProbe {
    static func outflow() -> [UInt8]? { OnderdakResources.data("outflow.json") }

    /// The shipped outflow catalogue, parsed.
    static func catalog() throws -> OutflowCatalog { try OutflowCatalog.parse(outflow() ?? []) }
}
