import ArgumentParser
import CommandSupport
import Foundation

/// `onderdak manual`: writes the man page, generated from the command definitions. `make install`
/// puts it in `PREFIX/share/man/man1/onderdak.1`. Hidden from the command list: it is for packaging.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual",
        abstract: "Write the onderdak(1) man page (roff) to standard output.",
        shouldDisplay: false
    )

    @Option(name: .long, help: "The date printed on the page (YYYY-MM-DD); the build date when left out.")
    var date: String?

    func run() throws {
        // The parser describes itself through `--experimental-dump-help`: ask this same binary.
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "ONDERDAK_NOW")
        let described: (status: Int32, stdout: Data, stderr: Data)
        do { described = try ChildProcess.run(me, ["--experimental-dump-help"], environment: env) } catch {
            throw fail("could not run \(me) to describe its commands: \(error)")
        }
        guard described.status == 0 else {
            throw fail("\(me) --experimental-dump-help exited with \(described.status)")
        }
        let json = described.stdout
        let day = date ?? Self.buildDay(of: me)
        do {
            let page = try ManualPage.render(toolInfo: json, date: day, version: Onderdak.version)
            FileHandle.standardOutput.write(Data(page.utf8))
        } catch {
            throw fail("\(error)")
        }
    }

    /// The binary's modification day: the page is dated by the build, never by today's clock.
    static func buildDay(of path: String) -> String {
        let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: modified)
    }
}
