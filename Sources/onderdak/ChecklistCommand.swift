import ArgumentParser
import CommandSupport

/// `onderdak checklist …`: the equal-treatment checklist from the command line.
struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "The equal-treatment checklist (Checklist gelijke behandeling EU-burgers).",
        subcommands: [ChecklistEvaluateCommand.self, ChecklistShowCommand.self, ChecklistSetNormCommand.self]
    )
}
