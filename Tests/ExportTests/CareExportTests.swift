import Crypto
import Foundation
import Journal
import ShelterDomain
import Testing
@testable import DeskApp
@testable import Services

@Suite("Exports carry referrals, administrative status and self-reliance, pseudonymised like the rest")
struct CareExportTests {
    @Test("Pseudonymised: same person key as in persons, no medical reason and no free text; identifiable: both")
    func careTables() throws {
        let dir = "/tmp/odx-\(getpid())-care"
        let s = try ExportTests.journal(dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let today = Day.parseISO("2026-11-23")!
        try s.execute(.makeReferral(client: 1, kind: .mentalHealth, organisation: "GGZ Centraal", on: today, reason: .mental, cakScheme: true), actor: 2)
        try s.execute(.recordReferralOutcome(referral: 1, outcome: .cancelled, note: "Vertrokken naar Gdańsk"), actor: 2)
        try s.execute(.setAdminStatus(client: 1, item: .postalAddress,
                                      entry: AdminEntry(value: "granted", detail: "Leger des Heils", on: today, source: "brief van Łukasz")), actor: 2)
        let key = try ExportKey.load(forJournal: s.path)
        let tables = ExportBuilder.tables(s.state, identifiable: false, key: key, today: today)
        let person = try #require(tables.first { $0.name == "persons" }?.rows.first?.first)
        let referrals = try #require(tables.first { $0.name == "referrals" })
        #expect(referrals.rows.count == 1 && referrals.rows[0][0] == person, "keyed by the same pseudonym")
        #expect(!referrals.columns.contains("reason") && !referrals.columns.contains("outcome_note"))
        let row = Dictionary(uniqueKeysWithValues: zip(referrals.columns, referrals.rows[0].map(\.csv)))
        #expect(row["kind"] == "mental_health" && row["status"] == "cancelled" && row["cak_scheme"] == "1")
        let admin = try #require(tables.first { $0.name == "admin_status" })
        #expect(admin.columns == ["person_key", "item", "old_value", "new_value", "since"])
        #expect(admin.rows.map { $0.map(\.csv) } == [[person.csv, "postal_address", "", "granted", "2026-11-23"]])
        for t in tables where ["referrals", "admin_status", "self_reliance"].contains(t.name) {
            for r in t.rows { for cell in r {
                for secret in ["mental\u{0}", "Gdańsk", "Leger des Heils", "Łukasz"] { #expect(!cell.csv.contains(secret), "\(t.name): \(cell.csv)") }
                #expect(cell.csv != "mental")
            } }
        }
        let full = ExportBuilder.tables(s.state, identifiable: true, key: key, today: today)
        let fr = try #require(full.first { $0.name == "referrals" })
        #expect(fr.rows[0].contains(.text("mental")) && fr.rows[0].contains(.text("Vertrokken naar Gdańsk")))
        #expect(full.first { $0.name == "admin_status" }?.rows[0].contains(.text("Leger des Heils")) == true)
    }
}
