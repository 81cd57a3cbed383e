import ArgumentParser
import Foundation
import Journal

/// `onderdak-dev`: the development and reliability tools (crash, race, fuzz and UI storms) that
/// are not part of the product binary. Built beside `onderdak`; `make reliability`, `make bench`
/// and the test suite use it. The write tools follow the same staff and PIN rules as `onderdak`.
@main
struct OnderdakDev: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onderdak-dev",
        abstract: "Development tools for Onderdak: stress, fuzz and tamper tests (not for the desk).",
        subcommands: [StressBitflipCommand.self, StressFuzzCommand.self, StressUICommand.self, StressFramesCommand.self,
                      StressRegisterCommand.self, StressAssignCommand.self, StressTamperCommand.self]
    )

    /// The same clock check as `onderdak`: a malformed `ONDERDAK_NOW` stops before anything runs.
    static func main() {
        if let problem = SystemClock.overrideProblem {
            FileHandle.standardError.write(Data("onderdak-dev: \(problem)\n".utf8))
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
