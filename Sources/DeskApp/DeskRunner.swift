import Foundation
import Journal
import OnderdakResources
import ShelterDomain
import TerminalUI

/// The run loop: opens the session, starts ncurses, and repeats render → key → update, with a
/// half-second tick that picks up other terminals' appends. Returns the process exit code.
public enum DeskRunner {
    public static func run(journalPath: String, lang: String, lockAfterMinutes: Int = 10) -> Int32 {
        let rules = OnderdakResources.data("checklist/\(OnderdakResources.defaultRuleSetVersion).json")
            .flatMap { try? ChecklistRuleSet.parse(json: $0) }
        let session: DeskSession
        do {
            session = try DeskSession(path: journalPath, lang: lang, clock: SystemClock.now, rules: rules)
        } catch {
            FileHandle.standardError.write(Data("onderdak: \(error.description)\n".utf8))
            return 1
        }
        session.inactivityLimitMs = Int64(lockAfterMinutes) * 60_000
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let backend = NcursesBackend(noColor: noColor)
        defer { backend.shutdown() }
        while true {
            let (w, h) = backend.size
            var buf = Buffer(width: w, height: h)
            session.render(into: &buf)
            backend.present(buf)
            if let key = backend.readKey(timeoutMs: 500) {
                if !session.handle(key) { break }
            } else {
                session.tick()
            }
        }
        return 0
    }
}
