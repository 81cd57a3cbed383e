import Foundation
import Journal
import ShelterDomain

/// Seconds from starting the real TUI on a pseudo-terminal (80×24) to its first frame: the key
/// hint bar's "F10" (on every first screen: the login of a real journal, the role picker of a
/// demo) on the terminal. The process is then stopped.
func firstFrameSeconds(_ onderdak: String, journal: String) -> Double {
    var master: Int32 = -1, slave: Int32 = -1
    var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else { return .nan }
    defer { close(master) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd in Int32(0)...2 { posix_spawn_file_actions_adddup2(&actions, slave, fd) }
    posix_spawn_file_actions_addclose(&actions, master)
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    posix_spawnattr_setflags(&attr, 0x80)  // POSIX_SPAWN_SETSID (glibc; not imported into Swift): its own session
    let argv = [onderdak, "--journal", journal]
    let env = ["TERM=xterm-256color", "LANG=C.UTF-8", "PATH=/usr/bin:/bin", "HOME=/tmp"]
    let cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    let cenv: [UnsafeMutablePointer<CChar>?] = env.map { strdup($0) } + [nil]
    defer { for a in cargs + cenv { free(a) } }
    var pid: pid_t = 0
    let start = now()
    guard posix_spawn(&pid, onderdak, &actions, &attr, cargs, cenv) == 0 else { close(slave); return .nan }
    close(slave)
    var seen: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    var result = Double.nan
    let marker = Array("F10".utf8)
    while now() - start < 60 {
        var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, 1000) > 0 else { continue }
        let n = read(master, &buffer, buffer.count)
        if n <= 0 { break }
        seen.append(contentsOf: buffer[0..<n])
        if seen.count >= marker.count, (0...(seen.count - marker.count)).contains(where: { seen[$0..<($0 + marker.count)].elementsEqual(marker) }) {
            result = now() - start
            break
        }
    }
    kill(pid, SIGTERM)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    return result
}

/// `onderdak demo --scale city` (10 years, 400 beds, about 4.5M events), measured through the
/// real binary as cold processes against sha256sum and sqlite3 on our own indexed SQLite export.
@MainActor
func cityBench(years: Int, onderdak: String, dir: String) {
    let dev = URL(fileURLWithPath: onderdak).deletingLastPathComponent().appendingPathComponent("onderdak-dev").path
    let cityPath = dir + "/city.onderdak"
    let gen = runTimed([onderdak, "demo", "--journal", cityPath, "--scale", "city", "--years", String(years), "--today", "2026-11-23"], stdout: true)
    let size = Double((try? FileManager.default.attributesOfItem(atPath: cityPath)[.size] as? Int) ?? 0) / 1e6
    let clock: () -> Timestamp = { Timestamp(utcDay: Day.parseISO("2026-11-23")!, seconds: 19 * 3600) }
    Report.header("City — \(gen.out.trimmingCharacters(in: .whitespacesAndNewlines)) (\(String(format: "%.1f", size)) MB in \(String(format: "%.1f", gen.seconds)) s)")
    let sha = { sha256sumSeconds(cityPath) }

    let replay = Paired(reference: sha, ours: {
        let t = now()
        _ = try? EventStore.open(path: cityPath, writable: false, clock: clock, useSnapshot: false)
        return now() - t
    })
    Report.add(Figure(name: "replay_city", label: "city: full replay (no snapshot)", value: replay.value, unit: "s",
                      reference: String(format: "sha256sum %.3f s", replay.reference), ratio: replay.ratio, target: 2.5, ratios: replay.ratios),
               valueText: String(format: "%.3f s", replay.value))
    let verify = Paired(reference: sha, ours: { spawnSeconds([onderdak, "verify", "--journal", cityPath]).seconds })
    Report.add(Figure(name: "verify_city", label: "city: verify (real binary)", value: verify.value, unit: "s",
                      reference: String(format: "sha256sum %.3f s", verify.reference), ratio: verify.ratio, target: 1.0, ratios: verify.ratios),
               valueText: String(format: "%.3f s", verify.value))

    let board = [onderdak, "board", "--journal", cityPath, "--night", "2026-11-23", "--format", "json"]
    try? FileManager.default.removeItem(atPath: cityPath + ".snapshot")
    _ = spawnSeconds(board)  // full replay, then writes the snapshot cache
    let boardPairs = Paired(reference: sha, ours: { spawnSeconds(board).seconds })
    Report.add(Figure(name: "board_city", label: "city: cold board, snapshot", value: boardPairs.value, unit: "s",
                      reference: String(format: "sha256sum %.3f s", boardPairs.reference), ratio: boardPairs.ratio, target: 2, ratios: boardPairs.ratios),
               valueText: String(format: "%.3f s", boardPairs.value))

    let sqlitePath = dir + "/city.sqlite"
    let export = runTimed([onderdak, "export", "--journal", cityPath, "--format", "sqlite", "--out", sqlitePath])
    let query = "SELECT location, room, bed, person_key, status FROM bed_nights WHERE night = '2026-11-23' ORDER BY location, bed;"
    if export.ok {
        let vsSQLite = Paired(reference: { spawnSeconds(["/usr/bin/sqlite3", sqlitePath, query]).seconds }, ours: { spawnSeconds(board).seconds })
        Report.add(Figure(name: "board_vs_sqlite_indexed", label: "city: board vs sqlite3 (night index)", value: vsSQLite.value, unit: "s",
                          reference: String(format: "sqlite3 %.3f s", vsSQLite.reference), ratio: vsSQLite.ratio, target: 1.0, ratios: vsSQLite.ratios),
                   valueText: String(format: "%.3f s", vsSQLite.value))
    } else {
        print("city: export to SQLite failed; board vs sqlite3 not measured")
    }

    let firstFrame = Paired(reference: sha, ours: { firstFrameSeconds(onderdak, journal: cityPath) })
    Report.add(Figure(name: "first_frame_city", label: "city: TUI first frame (real binary)", value: firstFrame.value, unit: "s",
                      reference: String(format: "sha256sum %.3f s", firstFrame.reference), ratio: firstFrame.ratio, target: 0.5, ratios: firstFrame.ratios),
               valueText: String(format: "%.3f s", firstFrame.value))

    // The desk session with the city loaded (onderdak-dev stress-frames, in-process): keystroke →
    // frame through the in-memory backend, and the process's peak RSS; five runs.
    var rss: [Double] = [], boardP99: [Double] = [], searchP99: [Double] = []
    var lastLine = ""
    for _ in 0..<5 {
        let r = peakRSS([dev, "stress-frames", "--journal", cityPath, "--keys", "400"])
        let words = r.out.split(separator: " ")
        func after(_ a: String, _ b: String) -> Double {
            // "board p50 X ms p99 Y ms"
            guard let i = words.indices.first(where: { words[$0] == a && $0 + 5 < words.count && words[$0 + 4] == b }) else { return .nan }
            return Double(words[i + 5]) ?? .nan
        }
        rss.append(r.mb); boardP99.append(after("board", "p99")); searchP99.append(after("search", "p99"))
        lastLine = r.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    print("desk session (stress-frames, last of 5): " + lastLine)
    let rssP = Paired(ours: rss, references: Array(repeating: 120, count: rss.count))
    Report.add(Figure(name: "desk_rss_city", label: "city: desk peak RSS", value: rssP.value, unit: "MB", reference: "target 120 MB",
                      ratio: rssP.ratio, target: 1, ratios: rssP.ratios), valueText: String(format: "%.0f MB", rssP.value))
    let boardK = Paired(ours: boardP99, references: Array(repeating: 8, count: boardP99.count))
    Report.add(Figure(name: "key_to_frame_p99_city", label: "city: key → frame p99, board", value: boardK.value, unit: "ms", reference: "target 8 ms",
                      ratio: boardK.ratio, target: 1, ratios: boardK.ratios), valueText: String(format: "%.2f ms", boardK.value))
    let searchK = Paired(ours: searchP99, references: Array(repeating: 4, count: searchP99.count))
    Report.add(Figure(name: "key_to_frame_search_p99_city", label: "city: key → frame p99, search", value: searchK.value, unit: "ms", reference: "target 4 ms",
                      ratio: searchK.ratio, target: 1, ratios: searchK.ratios), valueText: String(format: "%.2f ms", searchK.value))

    // Growth: the same measurements on about 10k, 100k and 1M events and the whole city.
    print("")
    print("growth        events   full replay   s per M ev   verify    s per M ev   cold board (snapshot)   desk peak RSS")
    for days in [17, 170, 1_700, 0] where days <= years * 365 {
        let path = days == 0 ? cityPath : dir + "/city-\(days)d.onderdak"
        let g = days == 0 ? (seconds: 0.0, ok: true, out: gen.out, err: "") :
            runTimed([onderdak, "demo", "--journal", path, "--scale", "city", "--days", String(days), "--today", "2026-11-23"], stdout: true)
        let ev = Double(g.out.split(separator: " ").first(where: { Int($0.replacingOccurrences(of: ",", with: "")) != nil }).flatMap { Double(String($0)) } ?? 0)
        let boardHere = [onderdak, "board", "--journal", path, "--night", "2026-11-23", "--format", "json"]
        try? FileManager.default.removeItem(atPath: path + ".snapshot")
        let full = spawnSeconds(boardHere).seconds
        let snap = best(2) { spawnSeconds(boardHere) }
        let ver = best(2) { spawnSeconds([onderdak, "verify", "--journal", path]) }
        let r = peakRSS([dev, "stress-frames", "--journal", path, "--keys", "100"]).mb
        print(String(format: "%9.0f nights %9.0f   %8.3f s   %8.3f     %6.3f s   %8.3f     %8.3f s               %6.0f MB",
                     days == 0 ? Double(years * 365) : Double(days), ev, full, full / max(ev, 1) * 1e6, ver, ver / max(ev, 1) * 1e6, snap, r))
    }
}
