import CommandSupport
import Foundation
import Testing

/// How the tests and `onderdak manual` run programs: exit codes, signals, input, output larger
/// than a pipe holds, merged standard error, another working directory and environment.
@Suite("Child processes (posix_spawn, waitpid)")
struct ChildProcessTests {
    @Test("Exit status, input given whole, and 1 MB of output that would fill a pipe")
    func statusInputOutput() throws {
        let r = try ChildProcess.run("/bin/sh", ["-c", "cat; head -c 1000000 /dev/zero; echo oops >&2; exit 3"], stdin: Data("Łukasz\n".utf8))
        #expect(r.status == 3)
        #expect(r.stdout.count == "Łukasz\n".utf8.count + 1_000_000)
        #expect(String(decoding: r.stdout.prefix(8), as: UTF8.self) == "Łukasz\n")
        #expect(String(decoding: r.stderr, as: UTF8.self) == "oops\n")
    }

    @Test("Standard error merged into standard output in the order written; directory and environment")
    func mergedDirectoryEnvironment() throws {
        let r = try ChildProcess.run("/bin/sh", ["-c", "echo a; echo b >&2; echo c; pwd; echo \"$X\""],
                                     environment: ["X": "Győző", "PATH": "/usr/bin:/bin"], directory: "/tmp", mergingStandardError: true)
        #expect(r.status == 0)
        #expect(String(decoding: r.stdout, as: UTF8.self) == "a\nb\nc\n/tmp\nGyőző\n")
    }

    @Test("The child inherits no descriptor but 0, 1 and 2 (a file being written here stays ours)")
    func noInheritedDescriptors() throws {
        let path = NSTemporaryDirectory() + "child-fd-\(UUID().uuidString)"
        let fd = open(path, O_WRONLY | O_CREAT, 0o600)  // without O_CLOEXEC, on purpose
        try #require(fd > 2)
        defer { close(fd); unlink(path) }
        // What the shell has open, read by readlink from outside it.
        let r = try ChildProcess.run("/bin/sh", ["-c", "readlink /proc/$$/fd/*"])
        let targets = String(decoding: r.stdout, as: UTF8.self)
        #expect(targets.contains("/dev/null"), "stdin is /dev/null: \(targets)")  // (the glob's own descriptor is gone: exit 1)
        #expect(!targets.contains(path), "the file open here reached the child: \(targets)")
    }

    @Test("A program still open for writing elsewhere for a moment (text file busy) starts once it is closed")
    func busyProgramIsRetried() throws {
        let path = NSTemporaryDirectory() + "busy-true-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: "/bin/true", toPath: path)
        defer { unlink(path) }
        chmod(path, 0o700)
        let fd = open(path, O_WRONLY)  // held as a copying thread (or another child between fork and exec) holds it
        try #require(fd >= 0)
        let closer = Thread { usleep(40_000); close(fd) }
        closer.start()
        let r = try ChildProcess.run(path, [])
        #expect(r.status == 0, "started after the writer let go")
    }

    @Test("A child stopped by a signal reports the signal; isRunning follows it; a missing program is an error")
    func signalsAndMissing() throws {
        let c = try ChildProcess("/bin/sleep", ["30"], stdout: .discard, stderr: .discard)
        #expect(c.isRunning)
        c.terminate()
        c.waitUntilExit()
        #expect(!c.isRunning)
        #expect(c.endedBySignal && c.terminationStatus == SIGTERM)
        #expect(throws: ChildProcess.SpawnError.self) { try ChildProcess.run("/nonexistent/onderdak", []) }
    }
}
