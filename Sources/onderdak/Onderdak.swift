import ArgumentParser
import CommandSupport
import Foundation
import Journal
import PostgresStore

/// The `onderdak` command: the desk TUI by default, and subcommands for scripts and operators.
@main
struct Onderdak: ParsableCommand {
    static let version = "0.1.0"
    static let configuration = CommandConfiguration(
        commandName: "onderdak",
        abstract: "Night-shelter desk for homeless EU citizens: intake, equal-treatment checklist, beds, returns.",
        version: version,
        subcommands: [TUICommand.self, InitCommand.self, VerifyCommand.self, DemoCommand.self, BoardCommand.self, BedsCommand.self, ReturnCommand.self, ClientCommand.self, MigrateCommand.self, ReportCommand.self, ReferralsCommand.self, CountCommand.self, ExportCommand.self, SimulateCommand.self, StoreCommand.self, ChecklistCommand.self, DoCommand.self, UserCommand.self, ManualCommand.self],
        defaultSubcommand: TUICommand.self
    )

    /// Checks the environment every command depends on (the clock), then runs the command.
    static func main() {
        if let problem = SystemClock.overrideProblem {
            FileHandle.standardError.write(Data("onderdak: \(problem)\n".utf8))
            Foundation.exit(2)
        }
        // `postgresql://` locations open the journal on PostgreSQL. Commands read and write once
        // and need no NOTIFY; the desk (TUICommand) installs a listening backend of its own.
        PostgresJournals.install()
        // As ArgumentParser's own `main`, but its messages (which quote the arguments) are escaped.
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                let safe = terminalSafe(message) + "\n"
                if code == .success { FileHandle.standardOutput.write(Data(safe.utf8)) } else { FileHandle.standardError.write(Data(safe.utf8)) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
