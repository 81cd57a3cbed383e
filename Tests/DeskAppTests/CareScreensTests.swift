import ScreenTestSupport
import Foundation
import Journal
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Care screens (golden): referrals and administrative status on the file, overdue follow-ups, households, interpreter, F7 figures")
struct CareScreensTests {
    static func text(_ s: DeskSession, _ w: Int = 80, _ h: Int = 24) -> String {
        var b = Buffer(width: w, height: h); s.render(into: &b); return b.lines.joined(separator: "\n")
    }

    @Test("The file shows the overdue referral (flag and line), with its reason for the coordinator and without it for the desk", arguments: ["nl", "en"])
    func fileReferrals(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("care-file", lang: lang)
        let nl = lang == "nl"
        s.handle(.char("2"))  // coordinator
        ClientFileTests.open(s, 16)  // Mihai Dumitrescu: GGZ appointment on 20-11, no outcome
        let coord = Self.text(s, 120, 24)
        #expect(coord.contains(nl ? "! VERLOPEN: GGZ (reden: psychisch) · GGZ Centraal · afspraak 20-11-2026"
                                  : "! OVERDUE: mental health (reason: mental) · GGZ Centraal · appointment 20/11/2026"))
        #expect(coord.contains(nl ? "! verwijzing verlopen" : "! referral overdue"))
        #expect(s.store!.state.files.history[16]?.last?.kind == .medicalViewed, "reading a referral's reason is recorded")
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-file-overdue-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 60, 16, dir: dir), "care-file-overdue-\(lang)-60x16")
        // Piotr (#12): uninsured, CAK scheme, an appointment still to come.
        ClientFileTests.open(s, 12)
        let piotr = Self.text(s, 160, 24)
        #expect(piotr.contains(nl ? "Verzekering: geen" : "Insurance: none") && piotr.contains(nl ? "CAK-regeling" : "CAK scheme"))
        #expect(!piotr.contains(nl ? "VERLOPEN" : "OVERDUE"))
        // Łukasz (#1): briefadres requested then granted, RNI, BSN, bank.
        ClientFileTests.open(s, 1)
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-file-admin-\(lang)-80x24")
        #expect(Self.text(s, 200, 24).contains(nl ? "Briefadres: toegekend (Leger des Heils Utrecht)" : "Postal address: granted (Leger des Heils Utrecht)"))
        // The desk sees the referral and its status, never the reason.
        s.handle(.escape); s.handle(.escape); s.handle(.escape); s.handle(.function(9)); s.handle(.char("1"))
        #expect(!Self.text(s).contains(nl ? "Verwijzing verlopen" : "Referral overdue"), "the follow-up list is the coordinator's")
        ClientFileTests.open(s, 16)
        let desk = Self.text(s)
        #expect(desk.contains(nl ? "VERLOPEN" : "OVERDUE") && desk.contains("GGZ Centraal"))
        #expect(!desk.contains(nl ? "psychisch" : "mental)") && !desk.contains(nl ? "reden:" : "reason:"))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-file-desk-\(lang)-80x24")
    }

    @Test("The coordinator's home lists the overdue follow-up", arguments: ["nl", "en"])
    func homeOverdue(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("care-home", lang: lang)
        s.handle(.char("2"))
        #expect(Self.text(s).contains(lang == "nl" ? "! Verwijzing verlopen: Mihai Dumitrescu (#16) — GGZ Centraal, 20-11 (+3 d)"
                                                     : "! Referral overdue: Mihai Dumitrescu (#16) — GGZ Centraal, 20/11 (+3 d)"))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-home-coordinator-\(lang)-80x24")
    }

    @Test("The board shows a household's members beside each other in the family room; the mother's file names the children", arguments: ["nl", "en"])
    func boardHousehold(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("care-board", lang: lang)
        s.handle(.char("1")); s.handle(.function(4))
        s.handle(.end)
        let board = Self.text(s, 100, 30)  // at 80 columns the bed marks column leaves the name 25 characters
        #expect(board.contains("G1    Oost Gezinska"))
        for line in ["Daniela Rusu ⌂ Andrei, Sofia", "Andrei Rusu ⌂ Daniela, Sofia", "Sofia Rusu ⌂ Daniela, Andrei"] {
            #expect(board.contains(line))
        }
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-board-family-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 60, 16, dir: dir), "care-board-family-\(lang)-60x16")
        let mother = try #require(s.store!.state.files.clients.values.first { $0.givenNames == "Daniela" }?.id)
        ClientFileTests.open(s, mother)
        let file = Self.text(s)
        #expect(file.contains(lang == "nl" ? "Tolk: ro (telefonisch) · Huishouden: Andrei (kind), Sofia (kind)"
                                           : "Interpreter: ro (by phone) · Household: Andrei (child), Sofia (child)"))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-file-household-\(lang)-80x24")
    }

    @Test("Whoever talks to the person sees the interpreter need: checklist title and return plan", arguments: ["nl", "en"])
    func interpreter(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("care-interp", lang: lang, rules: ChecklistWizardTests.rules)
        let need = lang == "nl" ? "Tolk: ro (telefonisch)" : "Interpreter: ro (by phone)"
        s.handle(.char("2"))
        let mother = try #require(s.store!.state.files.clients.values.first { $0.givenNames == "Daniela" }?.id)
        ClientFileTests.open(s, mother)
        s.handle(.function(3))
        #expect(Self.text(s).contains("Daniela Rusu · \(need)"))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-checklist-interpreter-\(lang)-80x24")
        ClientFileTests.open(s, mother)
        s.handle(.char("r"))
        #expect(Self.text(s).contains(need))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-return-interpreter-\(lang)-80x24")
    }

    @Test("F7 `z` shows the care figures of the 90 nights", arguments: ["nl", "en"])
    func figures(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("care-f7", lang: lang)
        s.handle(.char("2")); s.handle(.function(7)); s.handle(.char("z"))
        let t = Self.text(s)
        #expect(t.contains(lang == "nl" ? "Verwijzingen: 8, waarvan 3 met de CAK-regeling" : "Referrals: 8, of which 3 used the CAK scheme"))
        #expect(t.contains(lang == "nl" ? "Huishoudens 1 · minderjarigen 2" : "Households 1 · minors 2"))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-f7-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 60, 16, dir: dir), "care-f7-\(lang)-60x16")
        s.handle(.char("z"))
        #expect(!Self.text(s).contains(lang == "nl" ? "Verwijzingen:" : "Referrals:"), "z again: back to occupancy")
    }

    @Test("On the file, v records a referral and w follows it up: appointment, then outcome; an outcome before the date is refused in words", arguments: ["nl", "en"])
    func referralActions(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("care-actions", lang: lang)
        s.handle(.char("1"))  // the desk refers too
        ClientFileTests.open(s, 20)
        s.handle(.char("w"))
        #expect(Self.text(s).contains(lang == "nl" ? "Geen open verwijzing" : "No open referral"))
        s.handle(.char("v"))
        s.handle(.right)  // street doctor
        s.handle(.tab); ClientFileTests.type(s, "Straatdokter Utrecht")
        s.handle(.tab); s.handle(.tab); s.handle(.right)  // reason: physical
        s.handle(.tab); s.handle(.char(" "))  // CAK scheme
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-referral-form-\(lang)-80x24")
        s.handle(.ctrl("s"))
        let x = try #require(s.store!.state.care.referrals.values.first { $0.clientID == 20 })
        #expect(x.kind == .streetDoctor && x.organisation == "Straatdokter Utrecht" && x.reason == .physical && x.cakScheme && x.referredBy == 3)
        // Appointment the day after tomorrow, then "attended" is refused until that day.
        s.handle(.char("w")); s.handle(.tab); ClientFileTests.type(s, "25-11-2026"); s.handle(.ctrl("s"))
        #expect(s.store!.state.care.referrals[x.id]?.appointmentOn == Day.parseISO("2026-11-25"))
        s.handle(.char("w")); s.handle(.right); s.handle(.ctrl("s"))
        #expect(s.store!.state.care.referrals[x.id]?.status == .appointmentMade)
        #expect(Self.text(s).contains(lang == "nl" ? "25-11-2026" : "25/11/2026"), "the refusal names the date")
        s.handle(.enter)   // OK on the message
        s.handle(.escape)  // the form has a choice made: it asks before discarding it
        #expect(Self.text(s).contains(s.strings["discard.title"]))
        s.handle(.char("j"))  // discard: the form closes, nothing recorded
        #expect(ClientFileTests.file(s)?.action == nil && ClientFileTests.file(s)?.clientID == 20)
        s.handle(.char("w")); s.handle(.right); s.handle(.right); s.handle(.right)  // cancelled
        s.handle(.tab); s.handle(.tab); ClientFileTests.type(s, "Vertrokken naar Rotterdam"); s.handle(.ctrl("s"))
        #expect(s.store!.state.care.referrals[x.id]?.status == .cancelled)
    }
}
