import ArgumentParser
import Foundation
import ShelterDomain

/// `onderdak checklist evaluate --answers FILE|-`: one JSON object on stdout (CHECKLIST.md).
struct ChecklistEvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Evaluate an answers file and print the outcome as JSON.",
        discussion: "Exit 0 with one JSON object; exit 2 when the answers are malformed (the message names the field)."
    )
    @Option(help: ArgumentHelp("Answers as JSON, or - for standard input.", valueName: "file"))
    var answers: String

    func run() throws {
        let bytes: [UInt8]
        if answers == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let d = FileManager.default.contents(atPath: answers) else {
                throw fail("cannot read the answers file \(answers) (does it exist, and may you read it?)", code: 2)
            }
            bytes = [UInt8](d)
        }
        let parsed: ChecklistAnswers
        do { parsed = try ChecklistAnswers.parse(json: bytes) } catch {
            throw fail(error.description, code: 2)
        }
        let rules = try loadRuleSet()
        print(ChecklistEngine.evaluate(parsed, rules: rules).json.serialized)
    }
}
