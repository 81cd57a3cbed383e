import Foundation
import Journal
import ShelterDomain
import Testing

/// Issue #21 from the command line: erasing a person on an append-only journal (crypto-shredding),
/// the right of access and the retention policy.
@Suite("End to end: privacy (erasure, access, retention)", .serialized)
struct PrivacyCLITests {
    static func demo(_ dir: String) throws -> String {
        let j = dir + "/j.onderdak"
        let out = try Harness.run(["demo", "--journal", j])
        #expect(out.code == 0, "\(out.stderr)")
        return j
    }

    /// Every way a text could sit in a file: as typed, case-changed, ASCII-folded, UTF-16, base64, hex.
    static func encodings(_ s: String) -> [[UInt8]] {
        var texts = [s, s.lowercased(), s.uppercased()]
        let folded = NameNormalizer.fold(s)
        if !folded.isEmpty { texts += [folded, folded.uppercased()] }
        var out: [[UInt8]] = []
        for t in Set(texts) {
            let u = Array(t.utf8)
            out.append(u)
            out.append(Array(t.data(using: .utf16LittleEndian)!))
            out.append(Array(t.data(using: .utf16BigEndian)!))
            out.append(Array(Data(u).base64EncodedString().dropLast(2).utf8))
            out.append(Array(u.map { String(format: "%02x", $0) }.joined().utf8))
        }
        return out
    }

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count >= 3, hay.count >= needle.count else { return false }
        let first = needle[0]
        var i = 0
        while i <= hay.count - needle.count {
            if hay[i] == first, Array(hay[i..<(i + needle.count)]) == needle { return true }
            i += 1
        }
        return false
    }

    /// Every file under `dir` (recursively: a CSV export is a folder).
    static func files(_ dir: String) -> [String] {
        (FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? []).map { dir + "/" + $0 }.filter {
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &isDir) && !isDir.boolValue
        }
    }

    /// The personal values that must be gone, with the person they belong to.
    static func secrets(of c: Client) -> [String] {
        var s = [c.givenNames, c.familyNames, c.alias, c.details.bsn, c.details.phone, c.details.idDocument?.number ?? "", c.details.lastEmployer]
        s += c.givenNames.split(separator: " ").map(String.init) + c.familyNames.split(separator: " ").map(String.init)
        if case .exact(let d)? = c.birth {
            let p = d.components
            s += [String(format: "%04d-%02d-%02d", p.year, p.month, p.day), d.dutch]
        }
        return s.filter { $0.count >= 4 }
    }

    /// Someone from the demo with a BSN, a document number and a phone, no bed from tonight on,
    /// and not one of the people other tests rely on.
    static func candidate(_ s: ShelterState) -> Client? {
        let tonight = AmsterdamTime.night(of: AmsterdamTime.utc(local: Day.parse(Harness.tonightISO)!, seconds: 19 * 3600))
        func score(_ c: Client) -> Int {
            [!c.details.bsn.isEmpty, !c.details.phone.isEmpty, c.details.idDocument != nil, !c.alias.isEmpty, !(s.files.notes[c.id] ?? []).isEmpty].filter { $0 }.count
        }
        let eligible = s.files.clients.values.filter { c in
            ![2, 7, 43].contains(c.id) && c.mergedInto == nil && c.details.idDocument != nil
                && { if case .exact? = c.birth { true } else { false } }()
                && s.bedHeld(by: c.id, from: tonight) == nil && !(s.ledger.clientNights[c.id] ?? []).isEmpty
        }
        return eligible.sorted { (score($0), -$0.id) > (score($1), -$1.id) }.first
    }

    static func figures(_ j: String) throws -> [String] {
        [try Harness.run(["report", "occupancy", "--journal", j, "--from", "2026-09-01", "--to", Harness.tonightISO, "--by", "month", "--format", "json"]),
         try Harness.run(["report", "outflow", "--journal", j, "--from", "2025-01-01", "--to", Harness.tonightISO, "--format", "json"]),
         try Harness.run(["count", "--journal", j, "--night", "2026-11-20", "--format", "json"])].map { o in
            #expect(o.code == 0, "\(o.stderr)")
            return o.stdout
        }
    }

    @Test("Erasing a person: none of their names, birth date, BSN, document or phone numbers is left in any file Onderdak wrote; verify passes; figures unchanged")
    func eraseLeavesNoTrace() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = try Self.demo(dir)
        let chosen = Self.candidate(try EventStore.open(path: j, writable: false, clock: { Timestamp(milliseconds: 0) }).state)
        var person = try #require(chosen)
        // The demo has no BSNs or phones: the desk adds them, then corrects the phone (the old
        // number must go too), and writes a medical note.
        let now = AmsterdamTime.utc(local: Day.parse(Harness.tonightISO)!, seconds: 19 * 3600)
        let desk = try EventStore.open(path: j, clock: { now })
        let oldPhone = "+31 6 1357 2468"
        person.details.bsn = "111222333"; person.details.phone = oldPhone
        try desk.execute(.updateClient(person), actor: 1)
        person.details.phone = "+31 6 8642 9753"
        try desk.execute(.updateClient(person), actor: 1)
        let noteText = "Insuline 's avonds, diabetes type 2"
        try desk.execute(.addNote(client: person.id, category: .medical, text: noteText), actor: 1)
        let before = desk.state
        person = before.files.clients[person.id]!
        // A name part another person shares (a common family name) is theirs too: only the full
        // names, and parts nobody else has, must be gone.
        let others = before.files.clients.values.filter { $0.id != person.id }.flatMap { [$0.givenNames, $0.familyNames, $0.alias] + $0.givenNames.split(separator: " ").map(String.init) + $0.familyNames.split(separator: " ").map(String.init) }
        let secrets = (Self.secrets(of: person) + [person.fullName, oldPhone, noteText, "111 222 333"]).filter { !others.contains($0) }
        #expect(secrets.count >= 8, "\(secrets)")
        // The data is there before (sealed: not in the journal's bytes, but readable with the key).
        let report = try Harness.run(["client", "report", "--journal", j, "--client", String(person.id), "--lang", "en"])
        for shown in [person.details.idDocument!.number, person.familyNames, "111222333", person.details.phone, noteText] {
            #expect(report.code == 0 && report.stdout.contains(shown), "the report before the erasure shows \(shown)")
        }
        let journalBytes = Array(try Data(contentsOf: URL(fileURLWithPath: j)))
        #expect(!Self.encodings(person.details.idDocument!.number).contains { Self.contains(journalBytes, $0) }, "the document number is in the journal in clear")
        #expect(try Harness.run(["verify", "--journal", j]).code == 0)
        let figuresBefore = try Self.figures(j)
        let nightsBefore = before.ledger.clientNights[person.id] ?? []

        // A reason naming them is refused (it is kept for ever).
        let named = try Harness.run(["client", "erase", "--journal", j, "--client", String(person.id), "--reason", "verzoek van \(person.familyNames)", "--as", "teamleider"])
        #expect(named.code == 1 && named.stderr.contains("name"), "\(named.stderr)")
        let deskErase = try Harness.run(["client", "erase", "--journal", j, "--client", String(person.id), "--reason", "AVG art. 17", "--as", "balie"])
        #expect(deskErase.code == 1)
        let erase = try Harness.run(["client", "erase", "--journal", j, "--client", String(person.id), "--reason", "AVG art. 17 verzoek", "--as", "teamleider"])
        #expect(erase.code == 0, "\(erase.stderr)")
        #expect(erase.stdout.contains("erased (#\(person.id))"))
        let again = try Harness.run(["client", "erase", "--journal", j, "--client", String(person.id), "--reason", "AVG art. 17 verzoek", "--as", "teamleider"])
        #expect(again.code == 1 && again.stderr.contains("already"), "\(again.stderr)")

        // Files made after the erasure: a snapshot, an identifiable export, a torn tail cut away.
        let after = try EventStore.open(path: j, clock: { Timestamp(milliseconds: 0) })
        after.snapshotIfWorthItForTests()
        #expect(FileManager.default.fileExists(atPath: j + ".snapshot"))
        #expect(after.state.files.clients[person.id]?.fullName == "erased (#\(person.id))")
        #expect(after.state.ledger.clientNights[person.id] ?? [] == nightsBefore, "their nights still count as occupied beds")
        let export = try Harness.run(["export", "--journal", j, "--format", "json", "--out", dir + "/export.json", "--identifiable", "--plain", "--as", "teamleider"])
        #expect(export.code == 0, "\(export.stderr)")
        let csv = try Harness.run(["export", "--journal", j, "--format", "csv", "--out", dir + "/csv", "--identifiable", "--plain", "--as", "teamleider"])
        #expect(csv.code == 0, "\(csv.stderr)")
        // A torn tail: half of one of their sealed records, as a crash during a write would leave.
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: j)))
        let record = Self.sealedRecord(of: person.id, in: bytes)
        let theirs = try #require(record)
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: j))
        h.seekToEndOfFile(); h.write(Data(theirs.prefix(theirs.count / 2 + 10))); try h.close()
        let reopened = try Harness.run(["client", "report", "--journal", j, "--client", String(person.id), "--lang", "en"])
        #expect(reopened.code == 0, "\(reopened.stderr)")
        #expect(reopened.stdout.contains("erased (#\(person.id))"))
        _ = try EventStore.open(path: j, clock: { Timestamp(milliseconds: 0) })  // a writable open cuts the torn tail
        let all = Self.files(dir)
        #expect(all.contains { $0.contains(".torn") }, "\(all)")
        #expect(all.contains { $0.hasSuffix(".keys") } && all.contains { $0.hasSuffix(".snapshot") })

        var found: [String] = []
        for f in all {
            let data = Array(try Data(contentsOf: URL(fileURLWithPath: f)))
            for s in secrets where Self.encodings(s).contains(where: { Self.contains(data, $0) }) { found.append("\(s) in \(f)") }
        }
        // The report is printed, never written: it too has nothing left of them.
        for s in secrets where reopened.stdout.contains(s) { found.append("\(s) in the report") }
        #expect(found.isEmpty, "\(found)")

        #expect(try Harness.run(["verify", "--journal", j]).code == 0)
        #expect(try Harness.run(["verify", "--journal", j, "--deep"]).code == 0)
        #expect(try Self.figures(j) == figuresBefore, "occupancy, outflow and the count are unchanged")
    }

    /// The bytes of the first sealed record about `client` (frame tag 64, version 1, the client's zig-zag id).
    static func sealedRecord(of client: ClientID, in bytes: [UInt8]) -> [UInt8]? {
        var w = ByteWriter()
        w.u16(64); w.u8(1); w.int(client)
        let prefix = w.bytes
        var i = 0
        while i + 52 < bytes.count {
            if bytes[i] == 0x4F, Array(bytes[i..<(i + 4)]) == Array("ONDR".utf8) {
                let len = Int(bytes[i + 8]) | Int(bytes[i + 9]) << 8 | Int(bytes[i + 10]) << 16 | Int(bytes[i + 11]) << 24
                if i + 52 + len <= bytes.count, Array(bytes[(i + 48)..<(i + 48 + prefix.count)]) == prefix {
                    return Array(bytes[i..<(i + 52 + len)])
                }
            }
            i += 1
        }
        return nil
    }
}

/// The retention policy from the command line, at pretend dates (`ONDERDAK_NOW`).
@Suite("End to end: retention policy", .serialized)
struct RetentionCLITests {
    /// The night of each person's last contact, worked out from the raw events (not the fold):
    /// the latest event about them, leaving out staff reading their file and automatic closures.
    static func lastContacts(_ events: [RecordedEvent], merged: [ClientID: ClientID]) -> [ClientID: Day] {
        var last: [ClientID: Day] = [:]
        for e in events {
            switch e.event {
            case .medicalNotesViewed, .stayClosedForAbsence: continue
            default: break
            }
            guard var c = e.event.clientID else { continue }
            if let into = merged[c] { c = into }
            let night = AmsterdamTime.night(of: e.timestamp)
            last[c] = max(last[c] ?? night, night)
        }
        return last
    }

    static func ids(after header: String, in text: String) -> [Int32] {
        var out: [Int32] = [], inside = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix(header) { inside = true; continue }
            if inside {
                guard line.hasPrefix("  #") else { break }
                out.append(Int32(line.dropFirst(3).prefix { $0.isNumber })!)
            }
        }
        return out.sorted()
    }

    @Test("Retention erases exactly the people past the term, as automatic events; the review list a week before names exactly the next ones")
    func retention() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = try PrivacyCLITests.demo(dir)
        let set = try Harness.run(["client", "retention", "--journal", j, "--set-months", "6", "--as", "teamleider"])
        #expect(set.code == 0 && set.stdout.contains("6 months"), "\(set.stderr)")
        #expect(try Harness.run(["client", "retention", "--journal", j, "--set-months", "2", "--as", "teamleider"]).code == 1)
        #expect(try Harness.run(["client", "retention", "--journal", j, "--apply", "--as", "balie"]).code == 1, "desk staff may not apply it")

        let events = try EventStore.events(path: j)
        var merged: [ClientID: ClientID] = [:]
        for e in events { if case let .clientsMerged(s, a, _) = e.event { merged[a] = s } }
        let last = Self.lastContacts(events, merged: merged)
        let erasureDay = last.mapValues { RetentionPolicy.addMonths(6, to: $0) }
        let days = erasureDay.values.sorted()
        // Many people were seen on the demo's last nights: the day before the last erasure date splits them.
        let asOf = days.last { $0 < days.last! }!
        let weekBefore = asOf.adding(days: -7)
        let due = erasureDay.filter { $0.value <= asOf }.keys.sorted()
        let dueWeekBefore = erasureDay.filter { $0.value <= weekBefore }.keys.sorted()
        let coming = erasureDay.filter { $0.value > weekBefore && $0.value <= asOf }.keys.sorted()
        #expect(!dueWeekBefore.isEmpty && !coming.isEmpty && due.count < last.count, "a date that splits the people: \(asOf)")
        func at(_ d: Day) -> [String: String] {
            let c = d.components
            return ["ONDERDAK_NOW": String(format: "%04d-%02d-%02dT19:30", c.year, c.month, c.day)]
        }

        let review = try Harness.run(["client", "retention", "--journal", j], env: at(weekBefore))
        #expect(review.code == 0, "\(review.stderr)")
        #expect(Self.ids(after: "Past the term today", in: review.stdout) == dueWeekBefore)
        #expect(Self.ids(after: "Within 7 days", in: review.stdout) == coming)
        let dutch = try Harness.run(["client", "retention", "--journal", j, "--lang", "nl"], env: at(weekBefore))
        #expect(Self.ids(after: "Vandaag over de termijn", in: dutch.stdout) == dueWeekBefore)
        #expect(Self.ids(after: "Binnen 7 dagen", in: dutch.stdout) == coming)
        #expect(dutch.stdout.contains("laatste contact") && !dutch.stdout.contains("last contact"), "\(dutch.stdout)")
        for c in last.keys {
            let name = try EventStore.open(path: j, writable: false, clock: { Timestamp(milliseconds: 0) }).state.files.clients[c]!.familyNames
            if name.count > 3 { #expect(!review.stdout.contains(name), "the review list shows numbers, not names") }
            break
        }

        let apply = try Harness.run(["client", "retention", "--journal", j, "--apply", "--as", "teamleider"], env: at(asOf))
        #expect(apply.code == 0, "\(apply.stderr)")
        #expect(apply.stdout.contains("Erased \(due.count) by the retention policy"), "\(apply.stdout)")
        let state = try EventStore.open(path: j, writable: false, clock: { Timestamp(milliseconds: 0) }).state
        #expect(state.files.erasures.keys.sorted() == due)
        #expect(state.files.erasures.values.allSatisfy { $0.automatic })
        #expect(due.allSatisfy { state.files.clients[$0]?.fullName == "erased (#\($0))" })
        #expect(state.files.clients.values.filter { !due.contains($0.id) && $0.mergedInto == nil }.allSatisfy { !$0.isErased })
        let keys = try PersonalKeyStore.open(journal: j)
        #expect(due.allSatisfy { !keys.clients.contains($0) })
        #expect(try Harness.run(["verify", "--journal", j, "--deep"]).code == 0)
        let again = try Harness.run(["client", "retention", "--journal", j, "--apply", "--as", "teamleider"], env: at(asOf))
        #expect(again.stdout.contains("Erased 0 by the retention policy"), "\(again.stdout)")
    }
}

/// `onderdak migrate`: a journal from before sealed records is rewritten sealed, checked, and the old one kept.
@Suite("End to end: migrating a plain journal")
struct MigrationCLITests {
    @Test("migrate seals the personal data of an old plain journal: same events and state, verify passes, the old file kept beside it")
    func migrate() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/old.onderdak"
        let now = AmsterdamTime.utc(local: Day.parse(Harness.tonightISO)!, seconds: 19 * 3600)
        let store = try EventStore.create(path: j, isDemo: true, label: "before #21", installationID: [7, 7], clock: { now })
        // Records as an Onderdak before sealed records wrote them: every field in clear.
        var state = store.state
        var batch: [[UInt8]] = []
        func add(_ e: Event, _ actor: StaffID) {
            let r = RecordedEvent(sequence: state.lastSequence + 1, timestamp: now, actor: actor, schemaVersion: EventCodec.currentVersion(of: e.tag), event: e)
            state.evolve(r)
            batch.append(EventCodec.encode(r))
        }
        add(.shelterConfigured(name: "De Haven", municipality: "Utrecht"), systemActor)
        add(.staffAdded(Staff(id: 1, username: "teamleider", displayName: "Ineke", role: .supervisor)), systemActor)
        var c = Client(id: 1, givenNames: "Łukasz", familyNames: "Wójcikowski", gender: .man, nationality: "PL")
        c.details.consent = Consent(status: .given, purposeExplained: true, language: "pl", date: Day.parse(Harness.tonightISO))
        c.details.bsn = "111222333"; c.details.phone = "+31 6 1357 2468"
        add(.clientRegistered(c), 1)
        add(.noteAdded(Note(id: 1, clientID: 1, category: .medical, text: "insuline in de koelkast")), 1)
        _ = try store.journal.withExclusiveLock(visit: { _, _ in }) { try store.journal.append(batch) }
        let before = Array(try Data(contentsOf: URL(fileURLWithPath: j)))
        #expect(PrivacyCLITests.contains(before, Array("Wójcikowski".utf8)))

        let out = try Harness.run(["migrate", "--journal", j])
        #expect(out.code == 0, "\(out.stderr)")
        #expect(out.stdout.contains("Migrated 4 events (2 had personal data in clear"), "\(out.stdout)")
        let after = Array(try Data(contentsOf: URL(fileURLWithPath: j)))
        for secret in ["Wójcikowski", "111222333", "+31 6 1357 2468", "insuline"] {
            #expect(!PrivacyCLITests.contains(after, Array(secret.utf8)), "\(secret) is still in clear")
        }
        let kept = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("old.onderdak.plain-") }
        #expect(kept.count == 1)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/" + kept[0]))) == before, "the old journal is kept as it was")
        #expect(try Harness.run(["verify", "--journal", j, "--deep"]).code == 0)
        #expect(try EventStore.open(path: j, writable: false, clock: { now }).state == state, "the same state")
        let again = try Harness.run(["migrate", "--journal", j])
        #expect(again.code == 0 && again.stdout.contains("Nothing to migrate"), "\(again.stdout)")
        // Erasure now reaches everything in the journal.
        #expect(try Harness.run(["client", "erase", "--journal", j, "--client", "1", "--reason", "AVG art. 17", "--as", "teamleider"]).code == 0)
        #expect(try EventStore.open(path: j, writable: false, clock: { now }).state.files.clients[1]?.fullName == "erased (#1)")
    }
}
