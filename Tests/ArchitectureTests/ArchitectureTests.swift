import Foundation
import Testing

/// The shape ARCHITECTURE.md describes, checked on the sources: which target may import what,
/// ncurses in one file, no source file over 600 lines. A change that breaks the shape fails here
/// with the file and the rule, instead of being found in review.
@Suite("Architecture: targets and their imports")
struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    /// Every Swift file under Sources (and the code of OnderdakResources in Resources/), by
    /// target, with its imported modules.
    static func files() throws -> [(target: String, path: String, imports: Set<String>, lines: Int)] {
        let sources = FileManager.default.enumerator(atPath: root.appendingPathComponent("Sources").path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") } ?? []
        let resources = (try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Resources").path))
            .filter { $0.hasSuffix(".swift") }.map { "OnderdakResources/" + $0 }
        return try (sources + resources).sorted().map { rel in
            let onDisk = rel.hasPrefix("OnderdakResources/") ? "Resources/" + rel.dropFirst("OnderdakResources/".count) : "Sources/" + rel
            let text = try String(contentsOfFile: root.appendingPathComponent(onDisk).path, encoding: .utf8)
            var imports = Set<String>()
            var lines = 0
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lines += 1
                let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
                if words.first == "import", words.count >= 2 { imports.insert(String(words[1])) }
            }
            return (String(rel.split(separator: "/")[0]), rel, imports, lines)
        }
    }

    /// Our own modules each target may import (system and package modules are listed too).
    static let allowed: [String: Set<String>] = [
        "ShelterDomain": [],
        "OnderdakResources": ["ShelterDomain", "Foundation"],
        "Journal": ["ShelterDomain", "OnderdakResources", "Crypto", "CFastHash", "Foundation", "Glibc", "Darwin", "Dispatch"],
        "TerminalUI": ["CNCursesw", "Glibc", "Darwin", "Foundation"],
        "Services": ["ShelterDomain", "Journal", "OnderdakResources", "CSQLite", "Crypto", "_CryptoExtras", "Foundation", "Glibc", "Darwin"],
        "DeskApp": ["ShelterDomain", "Journal", "OnderdakResources", "Services", "TerminalUI", "Foundation", "Glibc", "Darwin"],
        "CommandSupport": ["ArgumentParser", "ShelterDomain", "Journal", "Services", "Foundation", "Glibc", "Darwin"],
        "PostgresStore": ["PostgresNIO", "ShelterDomain", "Journal", "Foundation"],
    ]

    @Test("Each library target imports only what is below it: the domain nothing, the desk neither SQLite nor Crypto")
    func importsFollowTheLayers() throws {
        let files = try Self.files()
        #expect(files.count > 150, "the scan sees the sources (\(files.count) files)")
        for f in files {
            guard let allowed = Self.allowed[f.target] else { continue }
            let extra = f.imports.subtracting(allowed)
            #expect(extra.isEmpty, "\(f.path) imports \(extra.sorted()), which \(f.target) may not")
        }
    }

    @Test("ncurses is imported in exactly one file, the terminal backend")
    func ncursesInOneFile() throws {
        let users = try Self.files().filter { $0.imports.contains("CNCursesw") }.map(\.path)
        #expect(users == ["TerminalUI/NcursesBackend.swift"])
    }

    @Test("No source file is over 600 lines")
    func filesStaySmall() throws {
        for f in try Self.files() where f.lines > 600 {
            Issue.record("\(f.path) has \(f.lines) lines (at most 600): split it by responsibility")
        }
    }

    @Test("The folded state is changed only by the domain's evolve: it is made of area sub-states whose stored properties are public internal(set)")
    func stateIsReadOnlyOutsideTheDomain() throws {
        let areas = ["ShelterState", "StaffRoster", "BedInventory", "NightLedger", "ClientFiles", "StayRequests", "ReturnPlanBook", "CareRecords"]
        var stored = 0
        for name in areas {
            let path = Self.root.appendingPathComponent("Sources/ShelterDomain/\(name).swift").path
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            let settable = lines.filter { $0.hasPrefix("    public var ") && !$0.hasSuffix("{") && !$0.contains("{ ") }
            #expect(settable.isEmpty, "stored properties of \(name) anyone may set: \(settable)")
            stored += lines.filter { $0.contains("public internal(set) var") }.count
        }
        #expect(stored > 50)
        // The state holds the sub-states, one per area, and few loose fields.
        let state = try String(contentsOfFile: Self.root.appendingPathComponent("Sources/ShelterDomain/ShelterState.swift").path, encoding: .utf8)
        for (property, type) in [("roster", "StaffRoster"), ("inventory", "BedInventory"), ("ledger", "NightLedger"), ("files", "ClientFiles"),
                                 ("requests", "StayRequests"), ("returns", "ReturnPlanBook"), ("care", "CareRecords")] {
            #expect(state.contains("public internal(set) var \(property) = \(type)()"), "ShelterState.\(property) is a \(type)")
        }
        #expect(state.split(separator: "\n").filter { $0.contains("public internal(set) var") }.count <= 15)
    }

    @Test("The product executable has no development tools; they are in onderdak-dev")
    func stressToolsAreSeparate() throws {
        let product = try Self.files().filter { $0.target == "onderdak" }.map(\.path)
        #expect(product.count > 10)
        #expect(product.filter { $0.contains("Stress") } == [])
    }
}
