import ArgumentParser
import CommandSupport
import Foundation
import OnderdakResources
import ShelterDomain

/// `onderdak checklist evaluate --answers FILE|- [--rule-set VERSION]`: one JSON object on stdout (CHECKLIST.md).
struct ChecklistEvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Evaluate an answers file and print the outcome as JSON.",
        discussion: "Exit 0 with one JSON object; exit 2 when the answers are malformed (the message names the field) or the rule set is unknown."
    )
    @Option(name: .customLong("rule-set"), help: ArgumentHelp("Rule-set version (default: the current one, \(OnderdakResources.defaultRuleSetVersion)).", valueName: "version"))
    var ruleSet: String = OnderdakResources.defaultRuleSetVersion
    @Option(help: ArgumentHelp("Answers as JSON, or - for standard input.", valueName: "file"))
    var answers: String

    func run() throws {
        guard OnderdakResources.ruleSetVersions.contains(ruleSet) else {
            throw fail("unknown rule set \"\(TextSafety.escaped(ruleSet))\"; known versions: \(OnderdakResources.ruleSetVersions.joined(separator: ", "))", code: 2)
        }
        let bytes: [UInt8]
        if answers == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let d = FileManager.default.contents(atPath: answers) else {
                throw fail("cannot read the answers file \(TextSafety.escaped(answers)) (does it exist, and may you read it?)", code: 2)
            }
            bytes = [UInt8](d)
        }
        let parsed: ChecklistAnswers
        do { parsed = try ChecklistAnswers.parse(json: bytes) } catch {
            throw fail(TextSafety.escaped(error.description), code: 2)
        }
        let rules = try loadRuleSet(version: ruleSet)
        print(ChecklistEngine.evaluate(parsed, rules: rules).json.serialized)
    }
}
