import ArgumentParser
import CommandSupport
import Journal
import PostgresStore

/// `onderdak store copy --from FILE|URL --to FILE|URL`: every record and key into a new store;
/// the head hashes of both must be identical.
struct StoreCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a journal (records and per-person keys) into a new, empty store, file or PostgreSQL.",
        discussion: "Exit 0 only when the copy's hash chain ends in the same head hash as the source's. Never writes over a non-empty target."
    )
    @Option(help: ArgumentHelp("The journal to copy: a file or a postgresql:// URL.", valueName: "file|url"))
    var from: String
    @Option(help: ArgumentHelp("The new store: a file that does not exist, or an empty PostgreSQL database.", valueName: "file|url"))
    var to: String

    func run() throws {
        let outcome: StoreCopy.Outcome
        do { outcome = try StoreCopy.copy(from: from, to: to) } catch { throw fail(error.description) }
        let hex = { (h: [UInt8]) in h.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }
        print("records:     \(outcome.records) (header + \(max(0, outcome.records - 1)) events)")
        print("keys:        \(outcome.keys)")
        print("source head: \(hex(outcome.sourceHead))")
        print("copy head:   \(hex(outcome.targetHead))")
        guard outcome.identical else { throw fail("the copy's head hash differs from the source's; do not use the copy") }
        print("OK: the head hashes are identical")
    }
}
