import Foundation
import ShelterDomain
import Testing

/// Every text the program shows comes from `Resources/data/i18n/{nl,en}.json`. These tests read
/// the sources and both tables: a key used in code but missing in either language, a key in one
/// language only, or a translation with different placeholders fails the suite.
@Suite("Translation tables")
struct TranslationTableTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    static func table(_ lang: String) throws -> [String: String] {
        let data = try Data(contentsOf: root.appendingPathComponent("Resources/data/i18n/\(lang).json"))
        guard case .object(let pairs) = try JSONValue.parse(Array(data)) else { return [:] }
        var t: [String: String] = [:]
        for (k, v) in pairs { if case .string(let s) = v { t[k] = s } }
        return t
    }

    /// Literal keys in the sources: `t["key"]`, `strings["key"]`, `t.format("key", …)`, `t.fill("key", …)`.
    static func usedKeys() throws -> [String: String] {
        let pattern = try NSRegularExpression(pattern: #"\b(?:t|strings|s|tr)(?:\.format|\.fill)?(?:\[|\()"([a-zA-Z0-9_.]+)""#)
        var used: [String: String] = [:]
        let sources = root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        for f in files {
            let text = try String(contentsOfFile: sources.appendingPathComponent(f).path, encoding: .utf8)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let r = Range(m.range(at: 1), in: text) { used[String(text[r])] = f }
            }
        }
        return used
    }

    static func placeholders(_ s: String) -> [String] {
        var out: [String] = []
        var it = s.makeIterator()
        while let c = it.next() { if c == "%", let n = it.next(), n == "d" || n == "s" { out.append("%\(n)") } }
        return out
    }

    @Test("Every key the code uses exists in Dutch and in English")
    func usedKeysExist() throws {
        let nl = try Self.table("nl"), en = try Self.table("en")
        let used = try Self.usedKeys()
        #expect(used.count > 300, "the scan finds the keys (found \(used.count))")
        for (key, file) in used.sorted(by: { $0.key < $1.key }) {
            #expect(nl[key] != nil, "\(key) (used in \(file)) is missing in nl.json")
            #expect(en[key] != nil, "\(key) (used in \(file)) is missing in en.json")
        }
    }

    @Test("Both languages have the same keys, none empty, with the same placeholders in the same order")
    func tablesMatch() throws {
        let nl = try Self.table("nl"), en = try Self.table("en")
        #expect(Set(nl.keys).subtracting(en.keys).sorted() == [], "keys only in nl.json")
        #expect(Set(en.keys).subtracting(nl.keys).sorted() == [], "keys only in en.json")
        for (key, n) in nl {
            guard let e = en[key] else { continue }
            #expect(!n.isEmpty && !e.isEmpty, "\(key) is empty")
            #expect(Self.placeholders(n) == Self.placeholders(e), "\(key): nl \(Self.placeholders(n)) vs en \(Self.placeholders(e))")
        }
    }
}
