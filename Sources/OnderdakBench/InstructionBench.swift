import Foundation
import Journal
import ShelterDomain

/// Instructions executed per event by a replay and a verify of a journal of about 100k events,
/// counted by valgrind's callgrind (`onderdak-bench --replay|--verify PATH`), minus the same run
/// on a journal holding only its header. Unlike times, these counts repeat to a fraction of a
/// percent on a noisy machine, so they guard against regressions: more than 10% above the
/// baseline in `Benchmarks/instructions-baseline.json` fails and needs a reason in README.
@MainActor
func instructionBench(dir: String, synthetic: String) {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/valgrind") else {
        print("\nInstructions per event — SKIP (valgrind is not installed: apt-get install valgrind)")
        return
    }
    let built = CommandLine.arguments[0].hasPrefix("/") ? CommandLine.arguments[0]
        : FileManager.default.currentDirectoryPath + "/" + CommandLine.arguments[0]
    // valgrind cannot read the DWARF of our builds ("possibly corrupted debuginfo"); a copy
    // without debug sections runs the same instructions.
    let me = dir + "/onderdak-bench-stripped"
    try? FileManager.default.removeItem(atPath: me)
    guard (try? FileManager.default.copyItem(atPath: built, toPath: me)) != nil,
          runTimed(["/usr/bin/strip", "--strip-debug", me]).ok else {
        print("\nInstructions per event — SKIP (could not copy and strip \(built))")
        return
    }
    // About 100k events: the first records of the synthetic journal, copied record by record.
    let sample = dir + "/callgrind-100k.onderdak", empty = dir + "/callgrind-empty.onderdak"
    let clock: () -> Timestamp = { Timestamp(utcDay: Day.parseISO("2026-11-23")!, seconds: 19 * 3600) }
    var events = 0
    do {
        let wanted = 100_000
        let out = try EventStore.create(path: sample, isDemo: true, label: "callgrind", installationID: [9], clock: clock)
        _ = try EventStore.create(path: empty, isDemo: true, label: "callgrind", installationID: [9], clock: clock)
        var batch: [[UInt8]] = []
        _ = try JournalFile.open(path: synthetic, writable: false) { _, payload in
            if batch.count < wanted { batch.append(Array(payload)) }
        }
        _ = try out.journal.withExclusiveLock(visit: { _, _ in }) { try out.journal.append(batch) }
        events = batch.count
    } catch {
        print("\nInstructions per event — could not write the sample journal: \(error)")
        return
    }
    func instructions(_ mode: String, _ path: String) -> Double {
        let r = runTimed(["/usr/bin/valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", me, mode, path], stderr: true)
        // "==1234== Collected : 123456789"
        guard let line = r.err.split(separator: "\n").first(where: { $0.contains("Collected :") }),
              let n = Double(line.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)) else { return .nan }
        return n
    }
    let baseline = loadInstructionBaseline()
    Report.header("Instructions per event (callgrind, \(events) events, minus an empty journal)")
    for (mode, name) in [("--replay", "replay_instructions_per_event"), ("--verify", "verify_instructions_per_event")] {
        let perEvent = (instructions(mode, sample) - instructions(mode, empty)) / Double(max(events, 1))
        let base = baseline[name]
        Report.add(Figure(name: name, label: "\(mode.dropFirst(2)) instructions per event", value: perEvent, unit: "instructions",
                          reference: base.map { String(format: "baseline %.0f", $0) } ?? "no baseline yet",
                          ratio: base.map { perEvent / $0 } ?? .nan, target: base == nil ? nil : 1.10),
                   valueText: String(format: "%.0f", perEvent))
    }
}

/// The committed baseline: `{"replay_instructions_per_event": N, "verify_instructions_per_event": N}`.
func loadInstructionBaseline() -> [String: Double] {
    let path = ProcessInfo.processInfo.environment["BENCH_BASELINE"] ?? "Benchmarks/instructions-baseline.json"
    guard let data = FileManager.default.contents(atPath: path),
          let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
    return object.compactMapValues { ($0 as? NSNumber)?.doubleValue }
}
