#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ShelterDomain

/// The program's one clock, read only at the edge of the application and injected into the
/// domain. `ONDERDAK_NOW=2026-11-28T23:30` (Amsterdam local time, seconds optional) starts it at
/// that moment instead of the real time; it then runs on at the real pace, so timers (PIN
/// lockouts, the inactivity lock, live refresh) behave as usual. The override is honoured only
/// on journals marked demo and for creating a demo: `JournalFile` refuses to open a real
/// journal while it is set (`JournalError.clockOverride`), so a real journal is never stamped
/// with a pretend time. The machine's time zone is never consulted.
public enum SystemClock {
    /// The moment `ONDERDAK_NOW` asks for, `nil` when it is unset or empty.
    public static let override: Timestamp? = overrideSetting.flatMap { parseLocal($0) }

    /// The raw `ONDERDAK_NOW` text when set and not empty.
    public static let overrideSetting: String? = {
        guard let raw = getenv("ONDERDAK_NOW") else { return nil }
        let s = String(cString: raw)
        return s.isEmpty ? nil : s
    }()

    /// A sentence for the user when `ONDERDAK_NOW` is set but is not a moment; nil when fine.
    public static var overrideProblem: String? {
        guard let s = overrideSetting, override == nil else { return nil }
        return "ONDERDAK_NOW=\(TextSafety.escaped(s)) is not a moment: use YYYY-MM-DDTHH:MM (Amsterdam local time), e.g. 2026-11-28T23:30, or unset it."
    }

    /// Whether the clock is pretending (tests and demos).
    public static var isOverridden: Bool { overrideSetting != nil }

    private static let startedMonotonic: Int64 = monotonicMilliseconds()

    public static func now() -> Timestamp {
        if let base = override {
            return Timestamp(milliseconds: base.milliseconds + monotonicMilliseconds() - startedMonotonic)
        }
        return realNow()
    }

    /// The machine's real time (for file names of saved torn tails and the like).
    public static func realNow() -> Timestamp {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Timestamp(milliseconds: Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000)
    }

    static func monotonicMilliseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }

    /// Parses `2026-11-28T23:30` or `2026-11-28T23:30:15` as Amsterdam local time.
    public static func parseLocal(_ s: String) -> Timestamp? {
        let parts = s.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 10, let day = Day.parseISO(parts[0]) else { return nil }
        let t = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard t.count == 2 || t.count == 3, t.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }) else { return nil }
        let n = t.compactMap { Int($0) }
        guard n.count == t.count, (0..<24).contains(n[0]), (0..<60).contains(n[1]) else { return nil }
        let sec = n.count == 3 ? n[2] : 0
        guard (0..<60).contains(sec) else { return nil }
        return AmsterdamTime.utc(local: day, seconds: n[0] * 3600 + n[1] * 60 + sec)
    }

    /// 16 random bytes for a new installation id.
    public static func randomInstallationID() -> [UInt8] {
        var g = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: 0...255, using: &g) }
    }
}
