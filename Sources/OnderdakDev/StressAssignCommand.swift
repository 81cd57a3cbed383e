import ArgumentParser
import CommandSupport
import Journal
import ShelterDomain

/// Development command (onderdak-dev) used by the racing-desks test: tries `count` random bed assignments
/// (random client, bed and night among the next ten) through the same store, lock and decide as
/// the desk, and prints how many were recorded and refused.
struct StressAssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stress-assign", abstract: "Tries many random bed assignments (random client, bed, night) through the desk's lock and decide.")
    @OptionGroup var journal: JournalOption
    @Option var count = 1000
    @Option var seed: UInt64 = 1
    @Option(name: [.customLong("staff"), .customLong("as")]) var staff = "balie"
    @OptionGroup var pin: PINOption
    @Option var from: String = "2026-11-23"

    func run() throws {
        guard let first = Day.parse(from) else { throw fail("--from is not a date", code: 2) }
        do {
            let store = try EventStore.open(path: journal.path, clock: SystemClock.now)
            // Demo staff act without a PIN; anyone else logs in first (lockouts and deactivation apply).
            let actor = try authenticate(store, username: staff, pin: pin.source)
            var rng = SeededRandom(seed: seed)
            let beds = store.state.inventory.bedOrder.filter { store.state.inventory.beds[$0]!.attributes.isDisjoint(with: [.coldWeather, .womenOnly]) }.prefix(6)
            let clients = Array(store.state.files.clients.keys.sorted().prefix(40))
            var assigned = 0, refused = 0
            for _ in 0..<count {
                let night = first.adding(days: Int(rng.next() % 10))
                let bed = beds[beds.startIndex + Int(rng.next() % UInt64(beds.count))]
                let client = clients[Int(rng.next() % UInt64(clients.count))]
                let outcome = Result { () throws(StoreError) in try store.execute(.assignBed(night: night, bed: bed, client: client), actor: actor) }
                switch outcome {
                case .success: assigned += 1
                case .failure(.refused): refused += 1
                case .failure(let e): throw fail(e.description)
                }
            }
            print("assigned \(assigned) refused \(refused)")
        } catch let e as StoreError { throw fail(e.description) } catch let e as JournalError { throw fail(e.description) }
    }
}
