import Foundation

/// Access to the data files in `Resources/data` (rule sets, translations), found wherever the
/// executable is: an installed copy (`PREFIX/share/onderdak/data` beside `PREFIX/bin`), the
/// SwiftPM resource bundle next to a built binary, or `ONDERDAK_DATA` when set.
public enum OnderdakResources {
    /// The default (current) checklist rule-set version: new assessments are made with it.
    public static let defaultRuleSetVersion = "2024.2"

    /// Every rule-set version shipped, oldest first. Earlier assessments are re-evaluated with
    /// the version they were made with.
    public static let ruleSetVersions = ["2024.1", "2024.2"]

    /// Raw bytes of a data file, e.g. `checklist/2024.1.json`.
    public static func data(_ relativePath: String) -> [UInt8]? {
        guard let base = dataDirectory else { return nil }
        guard let d = FileManager.default.contents(atPath: base + "/" + relativePath) else { return nil }
        return [UInt8](d)
    }

    /// The directory holding the data files, found once per process; nil when there is none.
    public static let dataDirectory: String? = {
        let fm = FileManager.default
        func holdsData(_ path: String) -> Bool {
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: path + "/i18n", isDirectory: &isDir) && isDir.boolValue
        }
        if let found = dataCandidates().first(where: holdsData) { return found }
        // Last, the bundle SwiftPM built, at its build path (a copy of a dev binary elsewhere).
        // Asked only now: SwiftPM's accessor stops the program when it finds no bundle at all.
        if let url = Bundle.module.resourceURL, holdsData(url.appendingPathComponent("data").path) {
            return url.appendingPathComponent("data").path
        }
        return nil
    }()

    /// Where the data may be, in the order they are tried.
    static func dataCandidates() -> [String] {
        var out: [String] = []
        if let env = ProcessInfo.processInfo.environment["ONDERDAK_DATA"], !env.isEmpty { out.append(env) }
        // The real executable, with symlinks resolved (a link in /usr/local/bin to /opt/onderdak/bin).
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? ""
        let bin = (exe as NSString).deletingLastPathComponent
        if !bin.isEmpty {
            out.append(((bin as NSString).deletingLastPathComponent as NSString).appendingPathComponent("share/onderdak/data"))
            out.append(bin + "/Onderdak_OnderdakResources.resources/data")
        }
        return out
    }
}
