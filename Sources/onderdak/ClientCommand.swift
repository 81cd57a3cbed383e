import ArgumentParser
import CommandSupport

/// `onderdak client …`: a person's rights — erasure, a copy of their data — and the retention policy.
struct ClientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client", abstract: "Erase a client's data, print what is kept about them, retention.",
        subcommands: [ClientEraseCommand.self, ClientReportCommand.self, ClientRetentionCommand.self])
}
