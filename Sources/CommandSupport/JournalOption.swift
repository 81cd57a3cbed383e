import ArgumentParser
import Foundation

/// `--journal PATH`, else `$ONDERDAK_JOURNAL`, else `$XDG_DATA_HOME/onderdak/journal.onderdak`
/// (`~/.local/share/onderdak/journal.onderdak`).
public struct JournalOption: ParsableArguments {
    public init() {}

    @Option(name: .long, help: ArgumentHelp("Journal file.", valueName: "path"))
    public var journal: String?

    public var path: String {
        if let journal { return journal }
        let env = ProcessInfo.processInfo.environment
        if let p = env["ONDERDAK_JOURNAL"], !p.isEmpty { return p }
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env["HOME"] ?? ".") + "/.local/share")
        return base + "/onderdak/journal.onderdak"
    }
}
