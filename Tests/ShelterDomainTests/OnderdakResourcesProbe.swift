import OnderdakResources

/// Reads data files from the Resources target for tests.
enum OnderdakResourcesProbe {
    static func outflow() -> [UInt8]? { OnderdakResources.data("outflow.json") }
}
