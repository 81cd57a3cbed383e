import ArgumentParser
import CommandSupport
import DeskApp
import Journal
import OnderdakResources
import Services
import ShelterDomain

/// `onderdak demo`: writes a deterministic demo journal.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write a demo journal with realistic data (marked as demo; never over an existing file)."
    )
    @OptionGroup var journal: JournalOption
    @Option(help: "Seed of the generator: the same seed gives the same journal.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("Pretend today is this date (YYYY-MM-DD); default: today in Amsterdam.", valueName: "date"))
    var today: String?
    @Option(help: "small (default: 3 locations, 72 clients, 4 months) or city (6 locations, 400 beds, ~100,000 clients, 10 years, > 1M events).")
    var scale = "small"
    @Option(help: "Years of nights for --scale city (0: one night, for smoke tests).") var years = 10
    @Option(help: "Nights for --scale city instead of --years (for growth measurements).") var days: Int?

    func run() throws {
        guard ["small", "city"].contains(scale) else { throw fail("--scale must be small or city", code: 2) }
        var day = AmsterdamTime.night(of: SystemClock.now())
        if let today {
            guard let d = Day.parse(today) else { throw fail("--today: \"\(today)\" is not a real date (use YYYY-MM-DD or DD-MM-YYYY)", code: 2) }
            day = d
        }
        let rules = try loadRuleSet()
        if scale == "city" {
            do {
                let s = try CityGenerator.write(path: journal.path, seed: seed, today: day, years: max(0, years), days: days.map { max(0, $0) }, rules: rules)
                print("City demo journal written to \(journal.path): \(s.events) events, \(s.clients) clients, \(s.beds) beds, \(s.nights) nights.")
            } catch { throw fail("\(error)") }
            return
        }
        do {
            let s = try DemoGenerator.write(path: journal.path, seed: seed, today: day, rules: rules)
            print("Demo journal written to \(journal.path): \(s.events) events, \(s.clients) clients, \(s.beds) beds.")
            print("Open it with: onderdak --journal \(journal.path)")
        } catch {
            throw fail(error.description)
        }
    }
}

/// Loads the default checklist rule set from Resources, or exits with a clear message.
func loadRuleSet(version: String = OnderdakResources.defaultRuleSetVersion) throws -> ChecklistRuleSet {
    guard let bytes = OnderdakResources.data("checklist/\(version).json") else {
        throw fail("the checklist rule set \(version) is missing from the installation (Resources/data/checklist/\(version).json)")
    }
    do { return try ChecklistRuleSet.parse(json: bytes) } catch {
        throw fail("\(error). Reinstall Onderdak or fix the file.")
    }
}
