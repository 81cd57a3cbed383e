import Foundation

/// Access to the data files in `Resources/data` (rule sets, translations), found next to the
/// executable through SwiftPM's resource bundle, whatever the current directory is.
public enum OnderdakResources {
    /// The default (current) checklist rule-set version: new assessments are made with it.
    public static let defaultRuleSetVersion = "2024.2"

    /// Every rule-set version shipped, oldest first. Earlier assessments are re-evaluated with
    /// the version they were made with.
    public static let ruleSetVersions = ["2024.1", "2024.2"]

    /// Raw bytes of a data file, e.g. `checklist/2024.1.json`.
    public static func data(_ relativePath: String) -> [UInt8]? {
        guard let base = Bundle.module.resourceURL else { return nil }
        let url = base.appendingPathComponent("data").appendingPathComponent(relativePath)
        guard let d = try? Data(contentsOf: url) else { return nil }
        return [UInt8](d)
    }
}
