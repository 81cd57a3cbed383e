import ArgumentParser
import Foundation

/// `--store postgresql://…`, else `--journal PATH`, else `$ONDERDAK_STORE`, else `$ONDERDAK_JOURNAL`,
/// else `$XDG_DATA_HOME/onderdak/journal.onderdak` (`~/.local/share/onderdak/journal.onderdak`).
public struct JournalOption: ParsableArguments {
    public init() {}

    @Option(name: .long, help: ArgumentHelp("Journal file.", valueName: "path"))
    public var journal: String?

    @Option(name: .long, help: ArgumentHelp("The journal on PostgreSQL (instead of a file).", valueName: "postgresql://user@host/db"))
    public var store: String?

    /// The journal file's path, or the `postgresql://` URL of the store.
    public var path: String {
        if let store { return store }
        if let journal { return journal }
        let env = ProcessInfo.processInfo.environment
        if let s = env["ONDERDAK_STORE"], !s.isEmpty { return s }
        if let p = env["ONDERDAK_JOURNAL"], !p.isEmpty { return p }
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env["HOME"] ?? ".") + "/.local/share")
        return base + "/onderdak/journal.onderdak"
    }
}
