import Foundation

/// Where a desk keeps its own snapshot cache of a journal that is not a file (PostgreSQL): the
/// server holds only the records, and each desk machine folds them; without a cache every open
/// (every `board`, every desk start) would replay the whole city over the network.
///
/// The cache lives in `$ONDERDAK_CACHE_DIR`, else `$XDG_CACHE_HOME/onderdak`, else
/// `~/.cache/onderdak` (directories made 0700), as `pg-<store id>.snapshot` with its own
/// `pg-<store id>.snapshot-key` (both 0600): the same sealed `SnapshotFile` a journal file has,
/// used only when the server's rows continue it. `ONDERDAK_CACHE_DIR=off` turns it off.
public enum SnapshotCache {
    /// The path base (`<base>.snapshot`, `<base>.snapshot-key`) for the journal with `storeID`, or
    /// nil when caching is off or no cache directory can be made.
    public static func base(storeID: [UInt8], environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard !storeID.isEmpty, let dir = directory(environment) else { return nil }
        return dir + "/pg-" + storeID.map { String(format: "%02x", $0) }.joined()
    }

    /// The cache directory, made (0700) when missing; nil when off or impossible.
    static func directory(_ env: [String: String]) -> String? {
        let dir: String
        if let d = env["ONDERDAK_CACHE_DIR"] {
            if d.isEmpty || d == "off" { return nil }
            dir = d
        } else if let x = env["XDG_CACHE_HOME"], x.hasPrefix("/") {
            dir = x + "/onderdak"
        } else if let h = env["HOME"], h.hasPrefix("/") {
            dir = h + "/.cache/onderdak"
        } else {
            return nil
        }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) { return isDir.boolValue ? dir : nil }
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch { return nil }
        return dir
    }
}
