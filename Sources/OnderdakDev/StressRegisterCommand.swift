import ArgumentParser
import CommandSupport
import Journal
import ShelterDomain

/// Development command (onderdak-dev) used by the multi-process tests: registers `count` clients one
/// command at a time through the same store, lock and journal code as the desk.
struct StressRegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stress-register", abstract: "Registers many clients quickly (racing desks).")
    @OptionGroup var journal: JournalOption
    @Option var count = 1000
    @Option var tag = "A"
    @Option(name: [.customLong("staff"), .customLong("as")]) var staff = "balie"
    @OptionGroup var pin: PINOption

    func run() throws {
        do {
            let store = try EventStore.open(path: journal.path, clock: SystemClock.now)
            // Demo staff act without a PIN; anyone else logs in first (lockouts and deactivation apply).
            let actor = try authenticate(store, username: staff, pin: pin.source)
            for i in 0..<count {
                try store.execute(.registerClient(Client(id: 0, givenNames: "Test", familyNames: "\(tag) \(i)".filter { $0.isLetter || $0 == " " } + "x",
                                                         nationality: "PL")), actor: actor)
            }
        } catch let e as StoreError { throw fail(e.description) } catch let e as JournalError { throw fail(e.description) }
    }
}
