import ArgumentParser
import CommandSupport
import Journal
import PostgresStore

/// `onderdak store`: moving a journal between a file and PostgreSQL.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Move a journal between a file and PostgreSQL.",
        subcommands: [StoreCopyCommand.self]
    )
}
