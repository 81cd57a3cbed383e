import Services
import ShelterDomain
import TerminalUI

/// A client's return plan (`r` in the file; coordinators and supervisors): destination and
/// partner, consent (withdrawable at any time, `w`), documents, travel and the warm handover,
/// with the status timeline beside it. Enter saves the form; `>` moves the plan one step forward
/// (the domain says what is still missing), `c` cancels with a reason. Departure ends the stay
/// with outflow "return to country of origin" and frees later beds.
public struct ReturnPlanScreen: Equatable {
    public var clientID: ClientID
    /// The plan being edited (nil: a new one).
    public var planID: ReturnPlanID?
    public var form: ScrollForm
    public var message: String?
    /// Cancelling: the reason being typed.
    public var cancelReason: TextField?
    /// `>` with edits on screen: they are saved first, then the plan moves on (the session does both).
    public var advanceAfterSave = false

    // Row indices.
    static let country = 1, city = 2, partner = 3, contact = 4
    static let consentDate = 6, consentLang = 7, interpreter = 8
    static let validID = 10, emergencyDoc = 11, docRequested = 12, docReady = 13
    static let mode = 15, travelDate = 16, departure = 17, ticket = 18, paidBy = 19, luggage = 20
    static let recOrg = 22, recPerson = 23, recContact = 24, arranged = 25, escort = 29, recCare = 30

    public init(client: Client, plan: ReturnPlan?, today: Day, strings t: Strings) {
        clientID = client.id
        planID = plan?.id
        let p = plan ?? ReturnPlan(id: 0, clientID: client.id, country: client.nationality)
        func text(_ key: String, _ v: String, max: Int = 200) -> FormRow { FormRow(t[key], .text(TextField(v, maxLength: max))) }
        func date(_ key: String, _ d: Day?) -> FormRow { text(key, d?.shown(t) ?? "", max: 10) }
        func check(_ key: String, _ b: Bool) -> FormRow { FormRow(t[key], .check(b)) }
        var partners = Choice([t["ret.partner.none"]] + Partners.names)
        partners.index = (Partners.names.firstIndex(of: p.partner).map { $0 + 1 }) ?? 0
        var mode = Choice([t["ret.mode.none"]] + ReturnPlan.TravelMode.allCases.map { t["ret.mode.\($0.code)"] })
        mode.index = Int(p.travelMode?.rawValue ?? 0)
        var ticket = Choice(ReturnPlan.Ticket.allCases.map { t["ret.ticket.\($0.code)"] })
        ticket.index = Int(p.ticket.rawValue)
        var rows: [FormRow] = [
            .heading(t["ret.sec.where"]), text("ret.country", p.country, max: 40), text("ret.city", p.city),
            FormRow(t["ret.partner"], .choice(partners)), text("ret.contact", p.contactPerson),
            .heading(t["ret.sec.consent"]), date("ret.consentDate", p.consentDate ?? (plan == nil ? today : nil)), text("ret.consentLang", p.consentLanguage, max: 2),
            check("ret.interpreter", p.interpreter),
            // A new plan starts from what the file knows: an ID document seen (the card's ✓) is a valid ID.
            .heading(t["ret.sec.documents"]), check("ret.validID", plan == nil ? client.details.idDocument?.seen == true : p.hasValidID), check("ret.emergencyDoc", p.emergencyDocumentNeeded),
            date("ret.docRequested", p.documentRequested), date("ret.docReady", p.documentReady),
            .heading(t["ret.sec.travel"]), FormRow(t["ret.mode"], .choice(mode)), date("ret.travelDate", p.travelDate), text("ret.departure", p.departurePoint),
            FormRow(t["ret.ticket"], .choice(ticket)), text("ret.paidBy", p.paidBy), text("ret.luggage", p.luggage),
            .heading(t["ret.sec.handover"]), text("ret.recOrg", p.receivingOrganisation), text("ret.recPerson", p.receivingPerson),
            text("ret.recContact", p.receivingContact),
        ]
        rows += ReturnPlan.Arranged.all.map { FormRow(t["ret.arranged.\($0.1)"], .check(p.arranged.contains($0.0))) }
        rows += [check("ret.escort", p.medicalEscort), text("ret.recCare", p.receivingCare)]
        form = ScrollForm(rows: rows)
        form.setFocus(Self.country)
    }

    /// The plan as filled in, or the row and message of the first problem.
    func plan(existing: ReturnPlan?, strings t: Strings) -> Result<ReturnPlan, ClientFileScreen.FormProblem> {
        let typed = form[Self.country].text
        let m = Countries.shared.matches(typed)
        guard m.count == 1 else { return .failure(.init(row: Self.country, text: t["intake.countryRule"])) }
        var p = existing ?? ReturnPlan(id: 0, clientID: clientID, country: m[0].code)
        p.country = m[0].code
        p.city = form[Self.city].text
        let pi = form[Self.partner].choiceIndex
        p.partner = pi == 0 ? "" : Partners.names[pi - 1]
        p.contactPerson = form[Self.contact].text
        func date(_ row: Int) -> Result<Day?, ClientFileScreen.FormProblem> {
            let s = form[row].text.trimmingCharacters(in: .whitespaces)
            if s.isEmpty { return .success(nil) }
            guard let d = Day.parse(s) else { return .failure(.init(row: row, text: t["cl.invalidDate"])) }
            return .success(d)
        }
        var dates: [Int: Day?] = [:]
        for row in [Self.consentDate, Self.docRequested, Self.docReady, Self.travelDate] {
            switch date(row) {
            case .failure(let e): return .failure(e)
            case .success(let d): dates[row] = d
            }
        }
        p.consentDate = dates[Self.consentDate]!; p.consentLanguage = form[Self.consentLang].text.lowercased(); p.interpreter = form[Self.interpreter].isChecked
        p.hasValidID = form[Self.validID].isChecked; p.emergencyDocumentNeeded = form[Self.emergencyDoc].isChecked
        p.documentRequested = dates[Self.docRequested]!; p.documentReady = dates[Self.docReady]!
        p.travelMode = ReturnPlan.TravelMode(rawValue: UInt8(form[Self.mode].choiceIndex))
        p.travelDate = dates[Self.travelDate]!; p.departurePoint = form[Self.departure].text
        p.ticket = ReturnPlan.Ticket(rawValue: UInt8(form[Self.ticket].choiceIndex)) ?? .toBook
        p.paidBy = form[Self.paidBy].text; p.luggage = form[Self.luggage].text
        p.receivingOrganisation = form[Self.recOrg].text; p.receivingPerson = form[Self.recPerson].text; p.receivingContact = form[Self.recContact].text
        p.arranged = []
        for (k, a) in ReturnPlan.Arranged.all.enumerated() where form[Self.arranged + k].isChecked { p.arranged.insert(a.0) }
        p.medicalEscort = form[Self.escort].isChecked; p.receivingCare = form[Self.recCare].text
        return .success(p)
    }

    public mutating func update(_ key: Key, state s: ShelterState, strings t: Strings) -> DeskEffect {
        let existing = planID.flatMap { s.returns.returnPlans[$0] }
        if var reason = cancelReason {
            switch key {
            case .escape: cancelReason = nil
            case .enter: message = t["form.saveWith"]
            case .ctrl("s"):
                guard let id = planID else { return .none }
                return .execute(.moveReturnPlan(plan: id, to: .cancelled, note: reason.text))
            default: reason.handle(key); cancelReason = reason
            }
            return .none
        }
        switch key {
        case .escape: return .back
        case .enter: form.move(true)
        case .ctrl("s"):
            for i in form.rows.indices { form[i].problem = nil }
            switch plan(existing: existing, strings: t) {
            case .failure(let p): form[p.row].problem = p.text; form.setFocus(p.row); return .none
            case .success(let p): return .execute(existing == nil ? .openReturnPlan(p) : .updateReturnPlan(p))
            }
        case .char(">"), .function(5):
            guard let p = existing, p.status.next != nil else { message = t["ret.saveFirst"]; return .none }
            // What is on screen counts: edits not yet saved are saved first, then the step is taken.
            for i in form.rows.indices { form[i].problem = nil }
            switch plan(existing: existing, strings: t) {
            case .failure(let e): form[e.row].problem = e.text; form.setFocus(e.row); return .none
            case .success(let edited) where edited != p:
                advanceAfterSave = true
                return .execute(.updateReturnPlan(edited))
            case .success: return .execute(.moveReturnPlan(plan: p.id, to: p.status.next!, note: ""))
            }
        case .char("c") where existing?.isActive == true && !isTextRow:
            cancelReason = TextField(maxLength: 200)
        case .char("w") where existing?.isActive == true && !isTextRow:
            return .execute(.withdrawReturnConsent(plan: existing!.id, note: ""))
        default:
            _ = form.handle(key)
            if form.focus == Self.country {
                let m = Countries.shared.matches(form[Self.country].text)
                form[Self.country].note = m.count == 1 ? "\(t.lang == "en" ? m[0].en : m[0].nl) (\(m[0].code))" : nil
            }
        }
        return .none
    }

    /// The focused row takes typed letters (so c and w are text there).
    var isTextRow: Bool {
        if case .text = form[form.focus].input { return true }
        return false
    }

    public mutating func render(into buf: inout Buffer, state s: ShelterState, today: Day, strings t: Strings) {
        let name = s.files.clients[clientID]?.fullName ?? ""
        let plan = planID.flatMap { s.returns.returnPlans[$0] }
        let status = plan.map { t["rstatus.\($0.status.code)"] } ?? t["ret.new"]
        buf.draw("\(t["ret.title"]): \(name) (#\(clientID)) · \(status)", x: 1, y: 2, style: .bold, maxWidth: buf.width - 2)
        var y = 3
        if let d = s.files.indDecisions[clientID] {
            let (day, est) = d.effectiveDeadline
            buf.draw("⏳ \(t.count("ret.countdown", d.daysLeft(on: today))) (\(day.shown(t))\(est ? ", \(t["tl.estimate"])" : ""))", x: 2, y: y,
                     style: d.daysLeft(on: today) <= 7 ? .error : .warning, maxWidth: buf.width - 3)
            y += 1
        }
        if let need = s.care.interpreter[clientID] {
            buf.draw(CareSummary.interpreter(need, strings: t), x: 2, y: y, style: .warning, maxWidth: buf.width - 3)
            y += 1
        }
        if let p = plan, let next = p.status.next, p.isActive {
            let missing = p.missing(for: next, today: today)
            let text = missing.isEmpty ? t.fill("ret.nextOK", t["rstatus.\(next.code)"]) : "\(t.fill("ret.nextMissing", t["rstatus.\(next.code)"])) \(missing.map { t["return.missing.\($0)"] }.joined(separator: ", "))"
            buf.draw(text, x: 2, y: y, style: missing.isEmpty ? .success : .muted, maxWidth: buf.width - 3)
            y += 1
        }
        // Steps on the right when wide enough.
        let stepsWidth = buf.width >= 100 ? 30 : 0
        form.render(into: &buf, x: 1, y: y + 1, width: buf.width - 2 - stepsWidth, height: buf.height - y - 4, labelWidth: min(24, buf.width / 3),
                    focused: cancelReason == nil)
        if stepsWidth > 0, let id = planID {
            for (i, st) in (s.returns.returnSteps[id] ?? []).enumerated() where y + 1 + i < buf.height - 3 {
                buf.draw("\(st.on.shown(t)) \(t["rstatus.\(st.status.code)"])", x: buf.width - stepsWidth, y: y + 1 + i, style: .muted, maxWidth: stepsWidth - 1)
            }
        }
        if let message { StatusBar.render(into: &buf, text: message, style: .warning) }
        if let reason = cancelReason {
            let w = min(buf.width - 4, 60), x = (buf.width - w) / 2, top = buf.height / 2 - 2
            buf.fill(x: x, y: top, width: w, height: 5)
            buf.box(x: x, y: top, width: w, height: 5, style: .warning)
            buf.draw(" \(t["ret.cancelTitle"]) ", x: x + 2, y: top, style: .warning)
            let cx = reason.render(into: &buf, x: x + 2, y: top + 2, width: w - 4, focused: true)
            buf.cursor = (cx, top + 2)
        }
    }

    public func hints(_ t: Strings, state s: ShelterState) -> [String] {
        if cancelReason != nil { return [t["hint.save"], t["hint.back"]] }
        let active = planID.flatMap { s.returns.returnPlans[$0] }?.isActive == true
        return [t["hint.next"], t["hint.save"], t["hint.fields"]] + (active ? [t["ret.hint.next"], t["ret.hint.cancel"], t["ret.hint.withdraw"]] : []) + [t["hint.back"]]
    }
}

extension ReturnPlanScreen: Screen {
    /// A key; or the outcome of this screen's own command, read from the events recorded: a plan
    /// opened is this screen's plan from now on; edits saved by `>` are followed by the step
    /// itself; a step or a withdrawal is named. A refusal keeps the form as typed and takes
    /// back a step that was waiting for the save.
    public mutating func update(_ message: ScreenMessage, context c: ScreenContext) -> DeskEffect {
        switch message {
        case .key(let key): return update(key, state: c.state, strings: c.strings)
        case .tick: return .none
        case .refused:
            advanceAfterSave = false
            return .none
        case .recorded(let events):
            cancelReason = nil
            let first = events.first?.event
            if advanceAfterSave, case .returnPlanUpdated(let p)? = first, let next = c.state.returns.returnPlans[p.id]?.status.next {
                // `>` with edits on screen: saved, now the step itself.
                advanceAfterSave = false
                return .execute(.moveReturnPlan(plan: p.id, to: next, note: ""))
            }
            advanceAfterSave = false
            if case .returnPlanOpened(let p)? = first { planID = p.id }
            switch first {
            case .returnConsentWithdrawn?: return .message(c.strings["ret.withdrawn"])
            case let .returnStatusChanged(_, to, _, _)?: return .message(c.strings.fill("ret.moved", c.strings["rstatus.\(to.code)"]))
            default: return .message(c.strings["file.saved"])
            }
        }
    }

    public mutating func render(into buf: inout Buffer, context c: ScreenContext) {
        render(into: &buf, state: c.state, today: c.today, strings: c.strings)
    }

    public func keyHints(_ c: ScreenContext) -> [String] { hints(c.strings, state: c.state) }

    /// Every row but the check boxes is typed into, and `c`/`w` are letters on text rows.
    public var capturesText: Bool { true }
    /// A new plan with something filled in (an existing plan's edits are its saved values plus changes).
    public var hasUnsavedInput: Bool { planID == nil && form.hasInput }
    /// Esc would throw away a new plan's form (not while a cancel reason is being typed: Esc closes that).
    public var escapeDiscards: Bool { cancelReason == nil && planID == nil && form.hasInput }
}
