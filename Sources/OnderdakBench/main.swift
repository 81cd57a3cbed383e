// onderdak-bench [events] [appends] [search clients] [search names]
// onderdak-bench --replay PATH | --verify PATH   (one replay or verify, for callgrind)
// onderdak-bench --postgres JOURNAL NIGHT   (only the PostgreSQL figures, on an existing journal)
// onderdak-bench --synthetic PATH   (only write the 1M-event synthetic journal, for profiling)
// Journal, search and city benchmarks, each printed beside a reference measured in the same run
// (sha256sum over the same file; a bare write+fsync of the same size on the same file system;
// sqlite3 on our own export; bare SQL on the same PostgreSQL server). Every ratio is the median of interleaved pairs (reference, ours,
// reference), printed with its min and max. Results also go to `.build/bench/results.json`
// (`BENCH_RESULTS` overrides); the exit code is 1 when a median misses its target.
import Foundation
import Journal
import ShelterDomain

let args = CommandLine.arguments
if args.count == 3, args[1] == "--replay" || args[1] == "--verify" {
    // One pass over an existing journal and nothing else, so that callgrind counts just that.
    let clock0: () -> Timestamp = { Timestamp(milliseconds: 0) }
    if args[1] == "--replay" {
        let s = try EventStore.open(path: args[2], writable: false, clock: clock0, useSnapshot: false)
        print(s.state.lastSequence)
    } else {
        _ = try JournalVerifier.verify(path: args[2], deep: false)
    }
    exit(0)
}
if args.count == 4, args[1] == "--postgres" {
    // The PostgreSQL figures alone, on a journal already made (a city from `onderdak demo
    // --scale city`), so that a change to the store can be measured without the whole bench.
    let bin = ProcessInfo.processInfo.environment["ONDERDAK_BIN"] ?? ".build/release/onderdak"
    let work = "/tmp/onderdak-bench-pg-\(getpid())"
    try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    postgresBench(journal: args[2], night: args[3], appends: 500, onderdak: bin, dir: work)
    try? FileManager.default.removeItem(atPath: work)
    Report.write(to: ProcessInfo.processInfo.environment["BENCH_RESULTS"] ?? ".build/bench/results-postgres.json")
    exit(Report.failed.isEmpty ? 0 : 1)
}
let syntheticOnly = args.count == 3 && args[1] == "--synthetic" ? args[2] : nil
let events = args.count > 1 ? Int(args[1]) ?? 1_000_000 : 1_000_000
let appends = args.count > 2 ? Int(args[2]) ?? 500 : 500
let searchClients = args.count > 3 ? Int(args[3]) ?? 100_000 : 100_000
let searchNames = args.count > 4 ? Int(args[4]) ?? 1000 : 1000
let dir = "/tmp/onderdak-bench-\(getpid())"
try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: dir) }
let path = dir + "/bench.onderdak"

// 1. A synthetic journal: staff, 400 beds, clients, then nights of assignments and check-ins.
let clock: () -> Timestamp = { Timestamp(utcDay: Day.parseISO("2026-11-23")!, seconds: 19 * 3600) }
let gen0 = now()
let store = try EventStore.create(path: path, isDemo: true, label: "bench", installationID: [9], clock: clock)
try store.execute(.configureShelter(name: "Bench", municipality: "Utrecht"), actor: systemActor)
try store.execute(.addStaff(username: "sup", displayName: "Sup", role: .supervisor, credential: nil), actor: systemActor)
try store.execute(.addStaff(username: "desk", displayName: "Desk", role: .desk, credential: nil), actor: 1)
try store.execute(.addLocation(name: "L", municipality: "Utrecht", policy: StayPolicy(maxNights: nil)), actor: 1)
try store.execute(.addRoom(location: 1, name: "R"), actor: 1)
var batch: [[UInt8]] = []
var seq = store.state.lastSequence
var rng = SeededRandom(seed: 1)
@MainActor func emit(_ e: Event) {
    seq += 1
    batch.append(EventCodec.encode(RecordedEvent(sequence: seq, timestamp: Timestamp(milliseconds: 1_795_000_000_000 + Int64(seq) * 1000), actor: 2, schemaVersion: 1, event: e)))
}
@MainActor func flush() throws {
    guard !batch.isEmpty else { return }
    _ = try store.journal.withExclusiveLock(visit: { _, _ in }) { try store.journal.append(batch) }
    batch.removeAll(keepingCapacity: true)
}
for b in 1...400 { emit(.bedAdded(Bed(id: Int32(b), roomID: 1, locationID: 1, label: "B\(b)", attributes: []))) }
let clients = max(1000, events / 10)
let given = ["Łukasz", "Ștefan", "Győző", "Иван", "Marek", "Paweł", "Ionuț", "László", "Георги", "Jan"]
let family = ["Wójcik", "Popescu", "Kovács", "Петров", "Nowak", "Dąbrowski", "Constantinescu", "Szabó", "Димитров", "de Vries"]
for c in 1...clients {
    emit(.clientRegistered(Client(id: Int32(c), givenNames: given[Int(rng.next() % 10)], familyNames: family[Int(rng.next() % 10)],
                                  birth: .exact(Day(ordinal: Int32(rng.next() % 12000))), gender: .man, nationality: "PL")))
    if batch.count >= 4096 { try flush() }
}
var night = Day.parseISO("2017-01-01")!
while seq < UInt64(events) {
    for b in 1...400 where seq < UInt64(events) {
        let c = Int32(1 + rng.next() % UInt64(clients))
        emit(.bedAssigned(night: night, bed: Int32(b), client: c))
        emit(.checkedIn(night: night, bed: Int32(b), client: c))
        if batch.count >= 4096 { try flush() }
    }
    night = night.adding(days: 1)
}
try flush()
let genSeconds = now() - gen0
if let syntheticOnly {
    try? FileManager.default.removeItem(atPath: syntheticOnly)
    try FileManager.default.moveItem(atPath: path, toPath: syntheticOnly)
    try? FileManager.default.removeItem(atPath: dir)
    print("\(seq) events in \(syntheticOnly) (\(String(format: "%.1f", genSeconds)) s)")
    exit(0)
}
let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
let mb = Double(size) / 1e6


// 2. The journal: replay and verify against sha256sum of the same file, interleaved.
var replayed = 0
let replayPairs = Paired(reference: { sha256sumSeconds(path) }, ours: {
    let t = now()
    let s = try! EventStore.open(path: path, writable: false, clock: clock, useSnapshot: false)
    replayed = Int(s.state.lastSequence)
    return now() - t
})
let verifyPairs = Paired(reference: { sha256sumSeconds(path) }, ours: {
    let t = now()
    _ = try! JournalVerifier.verify(path: path, deep: false)
    return now() - t
})

// Durable append latency through the full store (lock, catch-up, decide, encode, write, fsync)
// against a bare write+fsync of the same size on the same file system, one of each per round;
// the appends are cut into five blocks and each block gives one p50 and one p99 ratio.
let live = try EventStore.open(path: path, clock: clock, useSnapshot: false)
var storeLat: [Double] = []
var bareLat: [Double] = []
let barePath = dir + "/bare"
let fd = open(barePath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
var record: [UInt8] = []
for i in 0..<appends {
    let before = live.file!.end
    let t = now()
    try live.execute(.registerClient(Client(id: 0, givenNames: "Agnieszka", familyNames: "Zielińska", gender: .woman, nationality: "PL")), actor: 2)
    storeLat.append(now() - t)
    if i == 0 { record = [UInt8](repeating: 7, count: live.file!.end - before) }
    let b = now()
    _ = record.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    fsync(fd)
    bareLat.append(now() - b)
}
close(fd)
let blocks = 5
func blockPercentiles(_ xs: [Double], _ p: Double) -> [Double] {
    let n = max(1, xs.count / blocks)
    return (0..<blocks).map { b in percentile(Array(xs[min(xs.count - 1, b * n)..<min(xs.count, (b + 1) * n)]), p) }
}
let p50 = Paired(ours: blockPercentiles(storeLat, 0.5), references: blockPercentiles(bareLat, 0.5))
let p99 = Paired(ours: blockPercentiles(storeLat, 0.99), references: blockPercentiles(bareLat, 0.99))

Report.header("Onderdak journal benchmark — \(replayed) events, \(String(format: "%.1f", mb)) MB (generated in \(String(format: "%.1f", genSeconds)) s)")
Report.add(Figure(name: "replay_1m", label: "replay (open + fold, no snapshot)", value: replayPairs.value, unit: "s",
                  reference: String(format: "sha256sum %.3f s", replayPairs.reference), ratio: replayPairs.ratio, target: 3.0, ratios: replayPairs.ratios),
           valueText: String(format: "%.3f s, %.2fM ev/s", replayPairs.value, Double(replayed) / replayPairs.value / 1e6))
Report.add(Figure(name: "verify_1m", label: "verify (CRC + full hash chain)", value: verifyPairs.value, unit: "s",
                  reference: String(format: "sha256sum %.3f s", verifyPairs.reference), ratio: verifyPairs.ratio, target: 1.0, ratios: verifyPairs.ratios),
           valueText: String(format: "%.3f s, %.0f MB/s", verifyPairs.value, mb / verifyPairs.value))
Report.add(Figure(name: "append_p50", label: "durable append p50", value: p50.value * 1000, unit: "ms",
                  reference: String(format: "write+fsync %.3f ms", p50.reference * 1000), ratio: p50.ratio, target: 1.3, ratios: p50.ratios),
           valueText: String(format: "%.3f ms", p50.value * 1000))
Report.add(Figure(name: "append_p99", label: "durable append p99", value: p99.value * 1000, unit: "ms",
                  reference: String(format: "write+fsync %.3f ms", p99.reference * 1000), ratio: p99.ratio, target: 1.3, ratios: p99.ratios),
           valueText: String(format: "%.3f ms", p99.value * 1000))

// 3. Search as you type over 100,000 clients: 1,000 realistic names typed letter by letter,
// against an absolute target of 5 ms per keystroke (the keystrokes cut into five blocks).
let search = searchKeystrokes(clients: searchClients, names: searchNames)
let searchP50 = Paired(ours: blockPercentiles(search.keystrokes, 0.5), references: Array(repeating: 0.005, count: blocks))
let searchP99 = Paired(ours: blockPercentiles(search.keystrokes, 0.99), references: Array(repeating: 0.005, count: blocks))
Report.header("Search as you type — \(searchClients) clients, index built in \(String(format: "%.2f", search.indexSeconds)) s, \(search.keystrokes.count) keystrokes (\(searchNames) names)")
Report.add(Figure(name: "search_p50", label: "search p50 per keystroke", value: searchP50.value * 1000, unit: "ms", reference: "target 5 ms",
                  ratio: searchP50.ratio, target: 1, ratios: searchP50.ratios), valueText: String(format: "%.3f ms", searchP50.value * 1000))
Report.add(Figure(name: "search_p99", label: "search p99 per keystroke", value: searchP99.value * 1000, unit: "ms", reference: "target 5 ms",
                  ratio: searchP99.ratio, target: 1, ratios: searchP99.ratios), valueText: String(format: "%.3f ms", searchP99.value * 1000))

// 4. The city, measured through the real binary as cold processes (CityBench.swift).
let cityYears = Int(ProcessInfo.processInfo.environment["BENCH_CITY_YEARS"] ?? "10") ?? 10
let onderdakBin = ProcessInfo.processInfo.environment["ONDERDAK_BIN"] ?? ".build/release/onderdak"
if cityYears > 0, FileManager.default.isExecutableFile(atPath: onderdakBin) {
    cityBench(years: cityYears, onderdak: onderdakBin, dir: dir)
} else {
    print("\nCity — SKIP (set BENCH_CITY_YEARS > 0 and build .build/release/onderdak)")
}

// 5. The journal on PostgreSQL beside bare SQL on the same server (PostgresBench.swift): on the
// city when it was generated, else on the synthetic journal.
if FileManager.default.isExecutableFile(atPath: onderdakBin) {
    let city = dir + "/city.onderdak"
    let onCity = FileManager.default.fileExists(atPath: city)
    postgresBench(journal: onCity ? city : path, night: onCity ? "2026-11-23" : "2017-01-01", appends: appends, onderdak: onderdakBin, dir: dir)
} else {
    print("\nPostgreSQL — SKIP (build .build/release/onderdak)")
}

// 6. Instructions per event (callgrind): repeatable on a noisy machine; the regression guard.
if ProcessInfo.processInfo.environment["BENCH_CALLGRIND"] != "0" {
    instructionBench(dir: dir, synthetic: path)
}

let resultsPath = ProcessInfo.processInfo.environment["BENCH_RESULTS"] ?? ".build/bench/results.json"
Report.write(to: resultsPath)
print("")
let missed = Report.failed
if missed.isEmpty {
    print("every median within its target · results in \(resultsPath)")
} else {
    print("\(missed.count) median(s) missed the target: \(missed.map(\.name).joined(separator: ", ")) · results in \(resultsPath)")
    // `exit` skips the `defer` above: the work files (800 MB with the city) go first.
    try? FileManager.default.removeItem(atPath: dir)
    exit(1)
}
