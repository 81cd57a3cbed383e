import ArgumentParser
import CommandSupport
import DeskApp
import Foundation
import OnderdakResources
import Services
import ShelterDomain

/// Hidden, for `make reliability`: a seeded property-based fuzzer for the parsers that read
/// untrusted bytes — the journal record decoder, the checklist answers parser and the beds
/// import parser. Inputs are mutations of a corpus (bit flips, byte insertions and deletions,
/// splices, truncations, random bytes). Any crash ends the process (the caller sees it);
/// "errors" are clean refusals.
struct StressFuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stress-fuzz", abstract: "Fuzzes the codec, checklist and bed-import parsers with a corpus.")
    @Option(help: "codec, checklist or beds") var target: String
    @Option var count = 1_000_000
    @Option var seed: UInt64 = 1
    @Option(help: "A folder of seed inputs (one file each).") var corpus: String?

    func run() throws {
        var rng = SeededRandom(seed: seed)
        var seeds: [[UInt8]] = []
        if let corpus, let files = try? FileManager.default.contentsOfDirectory(atPath: corpus) {
            for f in files.sorted() { if let d = FileManager.default.contents(atPath: corpus + "/" + f) { seeds.append([UInt8](d)) } }
        }
        if seeds.isEmpty { seeds = builtInSeeds() }
        var accepted = 0, refused = 0
        let start = Date()
        for _ in 0..<count {
            var input = seeds[Int(rng.next() % UInt64(seeds.count))]
            for _ in 0...(rng.next() % 4) { mutate(&input, &rng, seeds) }
            let ok: Bool
            switch target {
            case "codec": ok = (try? EventCodec.decode(input)) != nil
            case "checklist": ok = (try? ChecklistAnswers.parse(json: input)) != nil
            case "beds": ok = (try? InventoryImport.validate(input)) != nil
            default: throw fail("--target must be codec, checklist or beds", code: 2)
            }
            if ok { accepted += 1 } else { refused += 1 }
        }
        print("fuzz \(target): \(count) inputs in \(String(format: "%.1f", Date().timeIntervalSince(start))) s · accepted \(accepted) · refused cleanly \(refused) · crashes 0")
    }

    func mutate(_ b: inout [UInt8], _ rng: inout SeededRandom, _ seeds: [[UInt8]]) {
        let r = rng.next()
        switch r % 7 {
        case 0 where !b.isEmpty: let i = Int(rng.next() % UInt64(b.count)); b[i] ^= UInt8(1 << (rng.next() % 8))
        case 1: b.insert(UInt8(truncatingIfNeeded: rng.next()), at: b.isEmpty ? 0 : Int(rng.next() % UInt64(b.count + 1)))
        case 2 where !b.isEmpty: b.remove(at: Int(rng.next() % UInt64(b.count)))
        case 3 where !b.isEmpty: b = Array(b.prefix(Int(rng.next() % UInt64(b.count))))
        case 4:
            let other = seeds[Int(rng.next() % UInt64(seeds.count))]
            let cut = b.isEmpty ? 0 : Int(rng.next() % UInt64(b.count)), from = other.isEmpty ? 0 : Int(rng.next() % UInt64(other.count))
            b = Array(b.prefix(cut)) + Array(other.suffix(from: from))
        case 5 where !b.isEmpty:
            // Interesting values in place: 0, 0xFF, 0x7F, 0x80 (varint and length edges).
            b[Int(rng.next() % UInt64(b.count))] = [0, 0xFF, 0x7F, 0x80, 0x22, 0x5C][Int(rng.next() % 6)]
        default:
            b = (0..<Int(rng.next() % 64)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        }
    }

    func builtInSeeds() -> [[UInt8]] {
        switch target {
        case "codec":
            let c = Client(id: 3, givenNames: "Győző", familyNames: "Kovács", gender: .man, nationality: "HU")
            let events: [Event] = [.clientRegistered(c), .bedAssigned(night: Day.parseISO("2026-11-23")!, bed: 1, client: 3),
                                   .noteAdded(Note(id: 1, clientID: 3, category: .medical, text: "x")),
                                   .returnPlanOpened(ReturnPlan(id: 1, clientID: 3, country: "HU"))]
            return events.map { EventCodec.encode(RecordedEvent(sequence: 5, timestamp: Timestamp(milliseconds: 9), actor: 2, schemaVersion: 1, event: $0)) }
        case "checklist":
            return [Array(#"{"assessment_date":"2026-11-23","nationality":"PL","arrived_nl":"2025-01-10","working_now":true,"hours_per_week":24,"evidence":["id"]}"#.utf8)]
        default:
            return [Array(#"{"locations":[{"name":"N","municipality":"U","policy":{"max_nights":28,"cutoff":"23:00"},"rooms":[{"name":"R","beds":[{"label":"1","attributes":["women_only"]}]},{"name":"S","bed_prefix":"S","bed_count":3}]}]}"#.utf8)]
        }
    }
}
