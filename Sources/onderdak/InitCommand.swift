import ArgumentParser
import CommandSupport
import DeskApp
import Foundation
import Journal
import Services
import ShelterDomain

/// `onderdak init`: sets up a real (non-demo) journal without the TUI, as the set-up wizard
/// does: the shelter and its first supervisor, whose PIN is read twice from standard input.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Set up a new real journal and its first supervisor (without the TUI).",
        discussion: "Standard input: the supervisor's PIN, then the same PIN again, one per line (typed without echo on a terminal). The journal must not exist yet. Exit 0 created, 1 could not create, 2 bad input (nothing is created).")
    @OptionGroup var journal: JournalOption
    @Option(help: "Name of the shelter.") var shelter: String
    @Option(help: "Municipality.") var municipality: String
    @Option(help: "Login name of the first supervisor: 2-32 of a-z, 0-9, '.', '-', '_'.") var username: String
    @Option(help: "Name of the first supervisor as shown on screen.") var name: String

    func run() throws {
        let en = Strings.en
        if let p = TextRules.freeTextProblem(shelter, max: 200) ?? (shelter.trimmingCharacters(in: .whitespaces).isEmpty ? .required : nil) { throw fail("--shelter \(p.text(en))", code: 2) }
        if let p = TextRules.freeTextProblem(municipality, max: 200) ?? (municipality.trimmingCharacters(in: .whitespaces).isEmpty ? .required : nil) { throw fail("--municipality \(p.text(en))", code: 2) }
        if let p = TextRules.usernameProblem(username) { throw fail("--username \(p.text(en))", code: 2) }
        if let p = TextRules.nameProblem(name, required: true) { throw fail("--name \(p.text(en))", code: 2) }
        let t = Strings(lang: "en")
        let pin = readPIN(prompt: "PIN for \(username): ")
        if let p = PinHasher.problem(pin, strings: t) { throw fail("PIN: \(p)", code: 2) }
        guard readPIN(prompt: "The same PIN again: ") == pin else { throw fail("the two PINs differ; nothing was created.", code: 2) }
        let path = journal.path
        let store: EventStore
        do {
            store = try EventStore.create(path: path, isDemo: false, label: shelter, installationID: SystemClock.randomInstallationID(), clock: SystemClock.now)
        } catch { throw fail(error.description) }
        do {
            try store.execute(.configureShelter(name: shelter, municipality: municipality), actor: systemActor)
            try store.execute(.addStaff(username: username, displayName: name, role: .supervisor, credential: PinHasher.make(pin: pin)), actor: systemActor)
        } catch {
            // Only a journal this command has just made is removed: never leave half a set-up.
            unlink(path)
            throw fail("\(error.text("en")); nothing was created.", code: 2)
        }
        print("Created \(path) for \(shelter) (\(municipality)); supervisor \(username). Open it with `onderdak --journal \(path)`.")
    }
}
