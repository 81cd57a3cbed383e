import ArgumentParser
import CommandSupport
import DeskApp
import Foundation
import Journal
import OnderdakResources
import Services
import ShelterDomain

/// `onderdak simulate`: a headless desk doing realistic work through the same commands and
/// journal code as the TUI, for load and fault tests. Several may run against one journal.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate", abstract: "A headless desk for load and fault tests.",
        discussion: "Prints a summary (operations, events, refusals by reason, write failures, latency p50/p99). With --print-acks, 'ack <seq>' after each durable append (with --print-heads also 'head <seq> <hash>'). A failed write (disk full …) is counted; the process waits and goes on.")
    @OptionGroup var journal: JournalOption
    @Option(help: "Stop after this many operations.") var operations: Int?
    @Option(help: "Stop after this many seconds.") var seconds: Double?
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Flag(help: "Print 'ack <seq>' (flushed) after each durable append.") var printAcks = false
    @Flag(help: "Also print 'head <seq> <hash>' after each: the head of the hash chain that append acknowledged.") var printHeads = false
    @Option(name: [.customLong("staff"), .customLong("as")], help: "Acting member of staff (username); on a real journal they log in with their PIN (--pin-fd or the terminal).") var staff = "teamleider"
    @OptionGroup var pin: PINOption
    @Option(help: "Only beds at this location (name).") var location: String?

    func run() throws {
        guard operations != nil || seconds != nil else { throw fail("give --operations N or --seconds S", code: 2) }
        let store: EventStore
        do { store = try EventStore.open(path: journal.path, clock: SystemClock.now) } catch { throw fail(error.description) }
        for n in store.journal.notices { warn(n) }
        guard store.state.roster.staffByUsername[staff] != nil else { throw fail("no member of staff \(staff)", code: 2) }
        let actor = try authenticate(store, username: staff, pin: pin.source)
        var loc: LocationID?
        if let location {
            guard let l = store.state.inventory.locations.values.first(where: { $0.name == location }) else { throw fail("no location \(location)", code: 2) }
            loc = l.id
        }
        let rules = OnderdakResources.data("checklist/2024.1.json").flatMap { try? ChecklistRuleSet.parse(json: $0) }
        let ack = printAcks, heads = printHeads
        let sim = DeskSimulator(store: store, seed: seed, actor: actor, location: loc, rules: rules) { seq in
            // Written straight to the file descriptor: nothing buffered when the process is killed.
            var line = ack ? "ack \(seq)\n" : ""
            if heads { line += "head \(seq) " + store.journal.headHash.map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined() + "\n" }
            if !line.isEmpty { _ = line.withCString { write(1, $0, strlen($0)) } }
        }
        let start = Date()
        var done = 0
        while true {
            if let operations, done >= operations { break }
            if let seconds, Date().timeIntervalSince(start) >= seconds { break }
            if !sim.step() { usleep(50_000) }  // the journal refused a write: wait, then go on
            done += 1
        }
        let s = sim.summary
        let refusals = s.refusals.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        FileHandle.standardOutput.write(Data(("operations \(s.operations) · events \(s.events) · write failures \(s.writeFailures) · latency p50 \(String(format: "%.2f", s.percentile(0.5))) ms p99 \(String(format: "%.2f", s.percentile(0.99))) ms\n"
            + "refusals: \(refusals.isEmpty ? "none" : refusals)\n").utf8))
    }
}
