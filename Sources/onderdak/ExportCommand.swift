import ArgumentParser
import CommandSupport
import DeskApp
import Foundation
import Journal
import Services
import ShelterDomain

/// `onderdak export --journal P --format csv|json|sqlite --out PATH [--identifiable]`: one row
/// per person, stay, bed night, assessment and return plan. Pseudonymised unless a supervisor
/// asks for `--identifiable`; every export is recorded in the journal (who, when, what kind).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export persons, stays, bed nights, assessments and return plans (pseudonymised by default).",
        discussion: """
        Tables: persons, stays, bed_nights, assessments, return_plans (see README). Persons are keyed by person_key, \
        HMAC-SHA-256 of the client id under the secret in <journal>.export-key (made on first export; keep it with backups). \
        Pseudonymised exports hold no names, aliases, birth dates, BSN, ID or phone numbers, free text or health columns, \
        and generalise birth year, nationality, gender, arrival month and main location until every combination describes \
        at least --k persons (default 5). --linkage-key adds linkage_key (HMAC-SHA-256 of the normalised name, birth date \
        and nationality under a key the region's organisations share) for report unique. \
        --identifiable needs a supervisor (--as) and --plain: the file holds names and numbers unencrypted, so it must \
        go to an encrypted disk or be handed over safely (README, Privacy). Standard input: the acting person's PIN. \
        Exit 0 written, 1 refused or not written, 2 bad usage.
        """)
    @OptionGroup var journal: JournalOption
    @Option(help: "csv (a folder of files), json or sqlite.") var format: String
    @Option(help: "Where to write (must not exist yet).") var out: String
    @Flag(help: "Include names, birth dates and numbers (supervisors only; recorded).") var identifiable = false
    @Flag(help: "Confirm that an --identifiable export is written unencrypted (to an encrypted disk, or handed over safely).") var plain = false
    @Flag(help: "CSV for Dutch Excel: UTF-8 BOM and ';' separators.") var excel = false
    @Option(name: .customLong("as"), help: "Who exports (default: the only active supervisor).") var actor: String?
    @Option(name: .customLong("linkage-key"), help: ArgumentHelp("The region's shared linkage key: adds linkage_key to persons.", valueName: "file"))
    var linkageKey: String?
    @Option(name: .customLong("k"), help: "Pseudonymised: every combination of the quasi-identifiers describes at least this many persons.") var k = 5

    func run() throws {
        guard ["csv", "json", "sqlite"].contains(format) else { throw fail("--format must be csv, json or sqlite", code: 2) }
        guard k >= 1 else { throw fail("--k must be 1 or more", code: 2) }
        if identifiable, !plain {
            throw fail("--identifiable writes names, birth dates and BSN, document and phone numbers unencrypted: add --plain to confirm it goes to an encrypted disk or is handed over safely (see README, Privacy). Nothing was written.", code: 2)
        }
        let link = try linkageKey.map(loadLinkageKey)
        guard !FileManager.default.fileExists(atPath: out) else { throw fail("\(out) exists already; choose a new name (exports never overwrite)", code: 2) }
        let store = try openStore(journal.path)
        let supervisors = store.state.roster.staff.values.filter { $0.active && $0.role == .supervisor }
        guard let username = actor ?? (supervisors.count == 1 ? supervisors.first?.username : nil) else {
            throw fail("say who exports with --as USERNAME", code: 2)
        }
        let by = try actingMember(store, username: username)
        let key: SymmetricKeyBox
        do { key = SymmetricKeyBox(try ExportKey.load(forJournal: journal.path)) } catch { throw fail("\(error)") }
        let tables = ExportBuilder.tables(store.state, identifiable: identifiable, key: key.key, today: AmsterdamTime.local(SystemClock.now()).day,
                                          linkage: link?.key, k: k)
        let staging = out + ".staging-\(getpid())"
        do {
            try ExportWriter.write(tables, format: format, to: staging, pseudonymised: !identifiable, excel: excel)
        } catch { throw fail("\(error)") }
        // Recorded before the data is put where it was asked: a refused export leaves nothing behind.
        do {
            try store.execute(.recordExport(format: format, identifiable: identifiable), actor: by)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw fail(error.text("en"))
        }
        do { try FileManager.default.moveItem(atPath: staging, toPath: out) } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw fail("cannot write \(out): \(error.localizedDescription)")
        }
        print("Exported \(tables.map { "\($0.rows.count) \($0.name)" }.joined(separator: ", ")) to \(out) (\(identifiable ? "IDENTIFIABLE" : "pseudonymised")).")
    }
}

/// Checks that `username` is an active member of staff, not locked out, with the right PIN (read
/// from standard input; demo staff have none).
func actingMember(_ store: EventStore, username: String) throws -> StaffID {
    try authenticate(store, username: username, pin: .standardInput, refusal: "nothing was exported")
}

/// Reads the region's linkage key file; problems exit 1 with what to do.
func loadLinkageKey(_ path: String) throws -> SymmetricKeyBox {
    do { return SymmetricKeyBox(try LinkageKey.load(path: path)) } catch { throw fail("\(error)") }
}
