import ArgumentParser
import CommandSupport
import Foundation
import Journal
import ShelterDomain

/// Hidden, for `make reliability`: flips every bit of a journal in turn (or `--max` random bits of
/// a larger one) in a scratch copy and runs `verify` on each: how many flips are detected, and
/// whether the report names where.
struct StressBitflipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stress-bitflip", abstract: "Flips bits in copies of a journal and checks every damage is found.")
    @OptionGroup var journal: JournalOption
    @Option var max = 20_000
    @Option var seed: UInt64 = 1
    @Flag(help: "First write a small journal (setup, a few clients and nights) at --journal.") var makeSmall = false

    func run() throws {
        if makeSmall {
            let clock = { Timestamp(utcDay: Day.parseISO("2026-11-23")!, seconds: 18 * 3600) }
            do {
                let s = try EventStore.create(path: journal.path, isDemo: true, label: "bit flips", installationID: Array(repeating: 3, count: 16), clock: clock)
                try s.execute(.configureShelter(name: "T", municipality: "U"), actor: systemActor)
                try s.execute(.addStaff(username: "sup", displayName: "Sup", role: .supervisor, credential: nil), actor: systemActor)
                try s.execute(.addLocation(name: "C", municipality: "U", policy: StayPolicy(maxNights: 28)), actor: 1)
                try s.execute(.addRoom(location: 1, name: "A"), actor: 1)
                for b in 1...3 { try s.execute(.addBed(room: 1, label: "A\(b)", attributes: []), actor: 1) }
                for (g, f) in [("Łukasz", "Wójcik"), ("Иван", "Петров"), ("Győző", "Kovács")] {
                    try s.execute(.registerClient(Client(id: 0, givenNames: g, familyNames: f, gender: .man, nationality: "PL")), actor: 1)
                }
                for c: ClientID in 1...3 { try s.execute(.assignBed(night: Day.parseISO("2026-11-23")!, bed: c, client: c), actor: 1) }
                try s.execute(.checkIn(night: Day.parseISO("2026-11-23")!, client: 1), actor: 1)
            } catch { throw fail("\(error)") }
        }
        guard let original = FileManager.default.contents(atPath: journal.path) else { throw fail("cannot read \(journal.path)") }
        let bytes = [UInt8](original)
        let total = bytes.count * 8
        var bits: [Int] = Array(0..<total)
        if total > max {
            var rng = SeededRandom(seed: seed)
            bits = (0..<max).map { _ in Int(rng.next() % UInt64(total)) }
        }
        let scratch = journal.path + ".bitflip-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var detected = 0, named = 0
        var missed: [Int] = []
        for bit in bits {
            var copy = bytes
            copy[bit / 8] ^= UInt8(1 << (bit % 8))
            guard FileManager.default.createFile(atPath: scratch, contents: Data(copy), attributes: [.posixPermissions: 0o600]) else {
                throw fail("cannot write \(scratch)")
            }
            do {
                let r = try JournalVerifier.verify(path: scratch, deep: false)
                if r.exitCode != 0 { detected += 1; if r.problem != nil || !r.payloadErrors.isEmpty { named += 1 } } else { missed.append(bit) }
            } catch {
                detected += 1; named += 1  // refused to open: corrupt header, named by the error
            }
        }
        print("bit flips: \(bits.count) of \(total) bits · detected \(detected) (\(String(format: "%.2f", Double(detected) * 100 / Double(bits.count)))%) · located \(named) · missed \(missed.count)\(missed.isEmpty ? "" : " e.g. bit \(missed[0])")")
        if !missed.isEmpty { throw ExitCode(1) }
    }
}
