import ArgumentParser
import CommandSupport
import Journal
import ShelterDomain

/// `onderdak client erase --journal J --client ID --reason TEXT --as SUPERVISOR [--pin-fd N]`:
/// destroys the person's key (crypto-shredding) and records the erasure. Exit 0 erased, 1 refused
/// or unreadable journal, 2 bad usage.
struct ClientEraseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase", abstract: "Erase a client's personal data (supervisors).",
        discussion: """
        Their names, birth date, document, BSN and phone numbers, notes and other personal fields become \
        unreadable for good (their key is destroyed); counts, nights and outflow categories stay, and they \
        show as "erased (#ID)". The reason is kept for ever: it must not name them. The supervisor's PIN is \
        read from --pin-fd (one line) or the terminal. Exit 0 erased, 1 refused, 2 bad usage.
        """)
    @OptionGroup var journal: JournalOption
    @Option(help: "The client number.") var client: Int32
    @Option(help: "Why (kept for ever, without their name), e.g. \"GDPR art. 17 request\".") var reason: String
    @Option(name: .customLong("as"), help: "The supervisor erasing.") var actor: String
    @Option(name: .customLong("pin-fd"), help: "Read the supervisor's PIN from this open file descriptor (one line).") var pinFD: Int32?

    func run() throws {
        let store = try openStore(journal.path)
        let by = try authenticate(store, username: actor, role: .supervisor, pin: .descriptorOrTerminal(pinFD))
        do {
            try store.execute(.eraseClient(client: client, reason: reason), actor: by)
        } catch { throw fail(error.text("en")) }
        for n in store.journal.notices { warn(n) }
        print("Client \(client) erased: their key is destroyed; they show as \"erased (#\(client))\". Nights and outflow stay counted.")
    }
}
