import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Drives the real binary in tmux on a private socket with a UTF-8 locale: type keys, read the
/// screen, wait for text (polling, never fixed sleeps), read the exit code.
final class Tmux {
    let socket: String
    init() { socket = "odt" + String(UUID().uuidString.prefix(8)) }

    /// Runs a tmux client command with posix_spawn + waitpid (Foundation's Process can miss the
    /// exit of a short-lived child here and wait forever). Output is captured only when asked:
    /// a command that starts the server must not hand it our pipe.
    @discardableResult
    func tmux(_ args: [String], capture: Bool = true) -> String {
        let argv = ["tmux", "-L", socket] + args
        var fds: [Int32] = [-1, -1]
        if capture { _ = pipe(&fds) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[0])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        var cargs = argv.map { strdup($0) } + [nil]
        defer { for a in cargs { free(a) } }
        // Children get a clean signal mask and default handlers, not the test runner's.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty); sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, "tmux", &actions, &attr, &cargs, environ)
        if capture { close(fds[1]) }
        guard rc == 0 else { if capture { close(fds[0]) }; return "" }
        var output = [UInt8]()
        if capture {
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, 4096) }
                if n < 0, errno == EINTR { continue }
                if n <= 0 { break }
                output += chunk[0..<n]
            }
            close(fds[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return String(decoding: output, as: UTF8.self)
    }

    /// Starts `command` (arguments to onderdak) in an 80×24 (or given) window.
    /// The clock is `Harness.now` unless `now` says otherwise (`nil`: the real time, for real journals).
    func start(_ args: [String], width: Int = 80, height: Int = 24, now: String? = Harness.now) {
        let quoted = args.map { "'\($0)'" }.joined(separator: " ")
        let clock = now.map { "ONDERDAK_NOW='\($0)'" } ?? "-u ONDERDAK_NOW"
        let cmd = "env \(clock) LANG=C.UTF-8 TERM=xterm-256color '\(Harness.binary)' \(quoted); echo EXIT=$?; sleep 30"
        tmux(["-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)", cmd], capture: false)
    }

    func screen() -> String { tmux(["capture-pane", "-p", "-t", "t"]) }

    func send(_ keys: String...) { tmux(["send-keys", "-t", "t"] + keys) }

    func resize(_ w: Int, _ h: Int) { tmux(["resize-window", "-t", "t", "-x", "\(w)", "-y", "\(h)"]) }

    /// Polls the screen until it contains `text` (up to `timeout` seconds).
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if screen().contains(text) { return true }
            usleep(50_000)
        }
        return false
    }

    /// Polls until one screen line contains all of `parts`.
    @discardableResult
    func waitForLine(_ parts: String..., timeout: Double = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if screen().split(separator: "\n").contains(where: { line in parts.allSatisfy { line.contains($0) } }) { return true }
            usleep(50_000)
        }
        return false
    }

    /// A demo journal in a fresh directory, the TUI started on it in `lang`, logged in as the
    /// demo desk member, the home screen shown. Returns the session, the directory and the journal.
    static func demoAsDesk(lang: String) throws -> (Tmux, String, String) {
        let dir = Harness.tempDir()
        let j = dir + "/demo.onderdak"
        #expect(try Harness.run(["demo", "--journal", j]).code == 0)
        let t = Tmux()
        t.start(["--journal", j, "--lang", lang])
        #expect(t.waitFor(lang == "en" ? "pick a role" : "kies een rol"))
        t.send("1")
        #expect(t.waitFor(lang == "en" ? "Clients" : "Cliënten"))
        return (t, dir, j)
    }

    deinit { tmux(["kill-server"], capture: false) }
}
