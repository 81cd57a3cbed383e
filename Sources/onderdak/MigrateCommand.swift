import ArgumentParser
import CommandSupport
import Journal

/// `onderdak migrate --journal J`: rewrites a journal whose personal data is in clear (made
/// before sealed records) with every personal field sealed; the old one is kept beside it.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Seal the personal data of a journal written before encryption (the old file is kept).",
        discussion: """
        A new journal is written beside the old one (same events, numbers and times; personal fields sealed \
        under a key per person in <journal>.keys), checked (hash chain, and a replay that gives exactly the \
        same state), then put in place. The old journal is kept as <journal>.plain-<UTC time> until you \
        remove it (it still holds every name in clear: remove it and its backups once checked). Stop every \
        desk first. Exit 0 migrated or nothing to do, 1 not done (the journal is unchanged).
        """)
    @OptionGroup var journal: JournalOption

    func run() throws {
        let summary: JournalMigration.Summary
        do { summary = try JournalMigration.migrate(path: journal.path) } catch { throw fail(error.description) }
        guard let kept = summary.keptAt else {
            print("Nothing to migrate: no personal data in clear in \(journal.path).")
            return
        }
        print("Migrated \(summary.events) events (\(summary.plainBefore) had personal data in clear; \(summary.sealed) are sealed now).")
        print("The old journal is kept at \(kept): remove it (and its backups) once you have checked, e.g. shred -u \(kept)")
    }
}
