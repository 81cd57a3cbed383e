// onderdak-bench [events] [appends] [search clients] [search names]
// Journal and search benchmarks, each printed beside a reference measured in the same run
// (sha256sum over the same file; a bare write+fsync of the same size on the same file system).
// Ratios, not absolute times, are what to compare across these noisy machines.
import Foundation
import Journal
import ShelterDomain

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func percentile(_ xs: [Double], _ p: Double) -> Double {
    let s = xs.sorted()
    return s[min(s.count - 1, Int(Double(s.count - 1) * p + 0.5))]
}

/// Best of `n` runs of `body` (seconds).
func best(_ n: Int, _ body: () throws -> Void) rethrows -> Double {
    var b = Double.infinity
    for _ in 0..<n { let t = now(); try body(); b = min(b, now() - t) }
    return b
}

/// Runs a program with its output discarded and returns the wall time from spawn to exit, by
/// posix_spawn and a blocking waitpid: Foundation's `Process.waitUntilExit` polls a run loop and
/// rounds short runs up to ~50 ms steps, which hid the difference between 50 and 100 ms.
@discardableResult
func spawnSeconds(_ argv: [String]) -> (seconds: Double, ok: Bool) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { for a in cargs { free(a) } }
    var pid: pid_t = 0
    let t = now()
    guard posix_spawn(&pid, argv[0], &actions, nil, cargs, environ) == 0 else { return (0, false) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    return (now() - t, (status & 0x7f) == 0 && ((status >> 8) & 0xff) == 0)
}

func sha256sumSeconds(_ path: String) -> Double {
    best(3) { spawnSeconds(["/usr/bin/sha256sum", path]) }
}

let args = CommandLine.arguments
let events = args.count > 1 ? Int(args[1]) ?? 1_000_000 : 1_000_000
let appends = args.count > 2 ? Int(args[2]) ?? 300 : 300
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
let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
let mb = Double(size) / 1e6

// 2. References and measurements.
let sha = sha256sumSeconds(path)
var replayed = 0
let replay = try best(3) {
    let s = try EventStore.open(path: path, writable: false, clock: clock, useSnapshot: false)
    replayed = Int(s.state.lastSequence)
}
let verify = try best(3) { _ = try JournalVerifier.verify(path: path, deep: false) }

// Durable append latency through the full store (lock, catch-up, decide, encode, write, fsync)
// against a bare pwrite+fsync of the same size on the same file system.
// The two are interleaved (one of each per round) so that both see the same background noise.
let live = try EventStore.open(path: path, clock: clock, useSnapshot: false)
var storeLat: [Double] = []
var bareLat: [Double] = []
let barePath = dir + "/bare"
let fd = open(barePath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
var record: [UInt8] = []
for i in 0..<appends {
    let before = live.journal.end
    let t = now()
    try live.execute(.registerClient(Client(id: 0, givenNames: "Agnieszka", familyNames: "Zielińska", gender: .woman, nationality: "PL")), actor: 2)
    storeLat.append(now() - t)
    if i == 0 { record = [UInt8](repeating: 7, count: live.journal.end - before) }
    let b = now()
    _ = record.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    fsync(fd)
    bareLat.append(now() - b)
}
close(fd)

func row(_ name: String, _ value: String, _ ref: String, _ ratio: Double, _ target: Double?) {
    let verdict = target.map { ratio <= $0 ? "PASS (≤ \($0)×)" : "FAIL (> \($0)×)" } ?? ""
    print(name.padding(toLength: 34, withPad: " ", startingAt: 0), value.padding(toLength: 32, withPad: " ", startingAt: 0),
          ref.padding(toLength: 24, withPad: " ", startingAt: 0), String(format: "%6.2f×  ", ratio), verdict)
}
print("Onderdak journal benchmark — \(replayed) events, \(String(format: "%.1f", mb)) MB (generated in \(String(format: "%.1f", genSeconds)) s)")
print("measurement".padding(toLength: 34, withPad: " ", startingAt: 0), "value".padding(toLength: 32, withPad: " ", startingAt: 0),
      "reference (same run)".padding(toLength: 24, withPad: " ", startingAt: 0), "ratio    target")
row("replay (open + fold, no snapshot)", String(format: "%.3f s, %.2fM ev/s, %.0f MB/s", replay, Double(replayed) / replay / 1e6, mb / replay),
    String(format: "sha256sum %.3f s", sha), replay / sha, 4)
row("verify (CRC + full hash chain)", String(format: "%.3f s, %.0f MB/s", verify, mb / verify), String(format: "sha256sum %.3f s", sha), verify / sha, 1.5)
row("durable append p50", String(format: "%.3f ms", percentile(storeLat, 0.5) * 1000), String(format: "write+fsync %.3f ms", percentile(bareLat, 0.5) * 1000),
    percentile(storeLat, 0.5) / percentile(bareLat, 0.5), 1.5)
row("durable append p99", String(format: "%.3f ms", percentile(storeLat, 0.99) * 1000), String(format: "write+fsync %.3f ms", percentile(bareLat, 0.99) * 1000),
    percentile(storeLat, 0.99) / percentile(bareLat, 0.99), 1.5)

// 3. Search as you type over 100,000 clients: 1,000 realistic names typed letter by letter.
let givenNames = ["Łukasz", "Ștefan", "Győző", "Иван", "Marek", "Paweł", "Ionuț", "László", "Георги", "Jan", "Krzysztof", "Tomasz",
                  "Mihai", "Zoltán", "Стоян", "Jonas", "Andris", "Ján", "José", "João", "Agnieszka", "Ioana", "Erzsébet", "Мария",
                  "Grzegorz", "Andrzej", "Piotr", "Mariusz", "Vasile", "Gheorghe", "Sándor", "Ferenc", "Димитър", "Nicolae", "Rafał",
                  "Wojciech", "Bogdan", "Cristian", "Marius", "Ewa", "Dariusz", "Zbigniew", "Petru", "Adrian", "Attila", "Tibor"]
let familyNames = ["Wójcik", "Popescu", "Kovács", "Петров", "Nowak", "Dąbrowski", "Constantinescu", "Szabó", "Димитров", "de Vries",
                   "Wiśniewski", "Kamiński", "Lewandowski", "Szymański", "Woźniak", "Kozłowski", "Mazur", "Dumitrescu", "Stănescu",
                   "Țurcanu", "Munteanu", "Ionescu", "Horváth", "Tóth", "Иванов", "Георгиева", "Kazlauskas", "Bērziņš", "Ozoliņš",
                   "Tamm", "Kováč", "García López", "Conceição", "van den Berg", "Rusu", "Nagy", "Krawczyk", "Jabłońska", "Ciobanu",
                   "Varga", "Николов", "Pawłowski", "Dinu", "Lungu", "Zieliński", "Jankowski", "Mazurek", "Kaczmarek", "Grabowski",
                   "Pavlović", "Balogh", "Farkas", "Molnár", "Papp", "Takács", "Juhász", "Oláh", "Radu", "Stoica", "Moldovan"]
var cityState = ShelterState()
var nameRng = SeededRandom(seed: 11)
for id in 1...searchClients {
    var c = Client(id: Int32(id), givenNames: givenNames[Int(nameRng.next() % UInt64(givenNames.count))],
                   familyNames: familyNames[Int(nameRng.next() % UInt64(familyNames.count))])
    if nameRng.next() % 10 == 0 { c.alias = givenNames[Int(nameRng.next() % UInt64(givenNames.count))] + "ek" }
    c.birth = .exact(Day(ordinal: Int32(-3000 + Int(nameRng.next() % 15000))))
    cityState.clients[c.id] = c
}
let indexStart = now()
let cityIndex = ClientSearchIndex(state: cityState)
let indexSeconds = now() - indexStart
var keystroke: [Double] = []
for k in 0..<searchNames {
    let c = cityState.clients[Int32(1 + (k * 97) % searchClients)]!
    let typed = NameNormalizer.fold(c.fullName)  // what a Dutch keyboard produces
    var prefix = ""
    for ch in typed {
        prefix.append(ch)
        let t = now()
        _ = cityIndex.search(prefix)
        keystroke.append(now() - t)
    }
}
print("")
print("Search as you type — \(searchClients) clients, index built in \(String(format: "%.2f", indexSeconds)) s, \(keystroke.count) keystrokes (\(searchNames) names)")
row("search p50 per keystroke", String(format: "%.3f ms", percentile(keystroke, 0.5) * 1000), "target 5 ms", percentile(keystroke, 0.5) / 0.005, 1)
row("search p99 per keystroke", String(format: "%.3f ms", percentile(keystroke, 0.99) * 1000), "target 5 ms", percentile(keystroke, 0.99) / 0.005, 1)

// City scale: `onderdak demo --scale city` (10 years, 400 beds), measured through the real
// binary as a cold process, against sha256sum and sqlite3 on our own SQLite export, same run.
func runTimed(_ argv: [String], stdout: Bool = false) -> (seconds: Double, ok: Bool, out: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: argv[0])
    p.arguments = Array(argv.dropFirst())
    let pipe = Pipe()
    p.standardOutput = stdout ? pipe : FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    let t = now()
    do { try p.run() } catch { return (0, false, "") }
    let data = stdout ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
    p.waitUntilExit()
    return (now() - t, p.terminationStatus == 0, String(decoding: data, as: UTF8.self))
}

let cityYears = Int(ProcessInfo.processInfo.environment["BENCH_CITY_YEARS"] ?? "10") ?? 10
let onderdakBin = ProcessInfo.processInfo.environment["ONDERDAK_BIN"] ?? ".build/release/onderdak"
/// The development tools (`stress-frames` drives the desk session in-process), beside `onderdak`.
let onderdakDevBin = URL(fileURLWithPath: onderdakBin).deletingLastPathComponent().appendingPathComponent("onderdak-dev").path
if cityYears > 0, FileManager.default.isExecutableFile(atPath: onderdakBin) {
    let cityPath = dir + "/city.onderdak"
    let gen = runTimed([onderdakBin, "demo", "--journal", cityPath, "--scale", "city", "--years", String(cityYears), "--today", "2026-11-23"], stdout: true)
    let size = Double((try? FileManager.default.attributesOfItem(atPath: cityPath)[.size] as? Int) ?? 0) / 1e6
    print("")
    print("City — \(gen.out.trimmingCharacters(in: .whitespacesAndNewlines)) (\(String(format: "%.1f", size)) MB in \(String(format: "%.1f", gen.seconds)) s)")
    let shaCity = sha256sumSeconds(cityPath)
    let board = [onderdakBin, "board", "--journal", cityPath, "--night", "2026-11-23", "--format", "json"]
    try? FileManager.default.removeItem(atPath: cityPath + ".snapshot")
    let first = spawnSeconds(board).seconds  // full replay, then writes the snapshot cache
    let warm = best(3) { spawnSeconds(board) }
    let verifyCity = best(2) { spawnSeconds([onderdakBin, "verify", "--journal", cityPath]) }
    let sqlitePath = dir + "/city.sqlite"
    let export = runTimed([onderdakBin, "export", "--journal", cityPath, "--format", "sqlite", "--out", sqlitePath])
    let query = "SELECT location, room, bed, person_key, status FROM bed_nights WHERE night = '2026-11-23' ORDER BY location, bed;"
    let sqliteSeconds = export.ok ? best(3) { spawnSeconds(["/usr/bin/sqlite3", sqlitePath, query]) } : .nan
    var rssMB = Double.nan
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/time") {
        let p = Process(); let pipe = Pipe()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/time"); p.arguments = ["-f", "%M"] + [onderdakBin] + Array(board.dropFirst())
        p.standardOutput = FileHandle.nullDevice; p.standardError = pipe
        if (try? p.run()) != nil {
            let err = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            rssMB = (Double(err.split(separator: "\n").last.map(String.init) ?? "") ?? .nan) / 1024
        }
    }
    row("city: cold board, snapshot", String(format: "%.3f s", warm), String(format: "sha256sum %.3f s", shaCity), warm / shaCity, 2)
    row("city: cold board, full replay", String(format: "%.3f s (writes snapshot)", first), String(format: "sha256sum %.3f s", shaCity), first / shaCity, 4)
    row("city: verify", String(format: "%.3f s", verifyCity), String(format: "sha256sum %.3f s", shaCity), verifyCity / shaCity, 1.5)
    row("city: board vs sqlite3", String(format: "%.3f s", warm), String(format: "sqlite3 %.3f s", sqliteSeconds), warm / sqliteSeconds, 2)
    row("city: peak RSS (board, snapshot)", String(format: "%.0f MB", rssMB), "target 200 MB", rssMB / 200, 1)
    // The desk session with the city loaded: keystroke → frame through the in-memory backend, and its peak RSS.
    var boardP99 = Double.nan, searchP99 = Double.nan, tuiRSS = Double.nan, firstFrame = Double.nan
    do {
        let p = Process(); let out = Pipe(); let err = Pipe()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        p.arguments = ["-f", "%M", onderdakDevBin, "stress-frames", "--journal", cityPath, "--keys", "2000"]
        p.standardOutput = out; p.standardError = err
        if (try? p.run()) != nil {
            let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            let words = o.split(separator: " ")
            func after(_ a: String, _ b: String) -> Double {
                // "board p50 X ms p99 Y ms"
                guard let i = words.indices.first(where: { words[$0] == a && $0 + 5 < words.count && words[$0 + 4] == b }) else { return .nan }
                return Double(words[i + 5]) ?? .nan
            }
            boardP99 = after("board", "p99"); searchP99 = after("search", "p99")
            if let i = words.indices.first(where: { words[$0] == "first" && $0 + 2 < words.count && words[$0 + 1] == "frame" }) {
                firstFrame = (Double(words[i + 2]) ?? .nan) / 1000
            }
            tuiRSS = (Double(e.split(separator: "\n").last.map(String.init) ?? "") ?? .nan) / 1024
            print("desk session (stress-frames): " + o.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
    row("city: TUI first frame (in-process)", String(format: "%.3f s", firstFrame), String(format: "sha256sum %.3f s", shaCity), firstFrame / shaCity, 2)
    row("city: key → frame p99, board", String(format: "%.2f ms", boardP99), "target 16 ms", boardP99 / 16, 1)
    row("city: key → frame p99, search", String(format: "%.2f ms", searchP99), "target 16 ms", searchP99 / 16, 1)
    row("city: peak RSS (desk session)", String(format: "%.0f MB", tuiRSS), "target 200 MB", tuiRSS / 200, 1)
    // Growth: the same measurements on about 10k, 100k and 1M events and the whole city.
    print("")
    print("growth        events   full replay   s per M ev   verify    s per M ev   cold board (snapshot)   desk peak RSS")
    func peakRSS(_ argv: [String]) -> Double {
        let p = Process(); let err = Pipe()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/time"); p.arguments = ["-f", "%M"] + argv
        p.standardOutput = FileHandle.nullDevice; p.standardError = err
        guard (try? p.run()) != nil else { return .nan }
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (Double(e.split(separator: "\n").last.map(String.init) ?? "") ?? .nan) / 1024
    }
    for days in [17, 170, 1_700, 0] where days <= cityYears * 365 {
        let path = days == 0 ? cityPath : dir + "/city-\(days)d.onderdak"
        let g = days == 0 ? (seconds: 0.0, ok: true, out: gen.out) :
            runTimed([onderdakBin, "demo", "--journal", path, "--scale", "city", "--days", String(days), "--today", "2026-11-23"], stdout: true)
        let ev = Double(g.out.split(separator: " ").first(where: { Int($0.replacingOccurrences(of: ",", with: "")) != nil }).flatMap { Double(String($0)) } ?? 0)
        let boardHere = [onderdakBin, "board", "--journal", path, "--night", "2026-11-23", "--format", "json"]
        try? FileManager.default.removeItem(atPath: path + ".snapshot")
        let full = spawnSeconds(boardHere).seconds
        let snap = best(2) { spawnSeconds(boardHere) }
        let ver = best(2) { spawnSeconds([onderdakBin, "verify", "--journal", path]) }
        let rss = peakRSS([onderdakDevBin, "stress-frames", "--journal", path, "--keys", "100"])
        print(String(format: "%9.0f nights %9.0f   %8.3f s   %8.3f     %6.3f s   %8.3f     %8.3f s               %6.0f MB",
                     days == 0 ? Double(cityYears * 365) : Double(days), ev, full, full / max(ev, 1) * 1e6, ver, ver / max(ev, 1) * 1e6, snap, rss))
    }
} else {
    print("\nCity — SKIP (set BENCH_CITY_YEARS > 0 and build .build/release/onderdak)")
}
