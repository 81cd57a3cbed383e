import ShelterDomain
import TerminalUI

/// One person's file: who they are (with flags: ban, open alert, vulnerabilities), tonight's
/// bed and nights used, and the timeline newest first. Actions: `e` edit the record, `o` add a
/// note, `a` raise a "looking for" alert, `c` close it, `b` ban (supervisor), `u` lift the ban,
/// `x` record the end of the stay, `X` correct where the last stay ended (e.g. an automatic
/// closure whose destination became known), `M` merge another record into this one (supervisor),
/// `W` erase the person's data (supervisor, after a confirmation naming them), F3 checklist,
/// `v` record a referral to care, `w` follow up the most urgent open referral (appointment, outcome),
/// `s` record a change of administrative status (with date and source), `t` the interpreter need,
/// `h` add a member to the person's household (forming one with them when they have none),
/// `z` the self-reliance assessment (only after a valid `likely` checklist outcome).
public struct ClientFileScreen: Equatable {
    public enum Action: Equatable { case note, alert, closeAlert(Int32), ban, liftBan(Int32), endStay, merge, ind, correctOutflow(Day), referral, followUp(Int32), erase, adminStatus, interpreter, household(Int32?), selfReliance }

    /// The choices of `s`: every part of the administrative status with each value it may take.
    static let adminChoices: [(AdminItem, String)] = AdminItem.allCases.flatMap { item in item.values.map { (item, $0) } }

    /// The follow-up choices of `w`: an appointment (with its date), or an outcome.
    static let followUps: [ReferralStatus] = [.appointmentMade, .attended, .notAttended, .cancelled]

    /// The outcomes of `z`, after a "choose" entry: no default (a default skews the figures).
    static let selfRelianceOutcomes = SelfRelianceOutcome.allCases

    public var clientID: ClientID
    public var list = ListView(count: 0)
    /// The small form of the action being filled in, if any.
    public var action: Action?
    public var form = ScrollForm(rows: [])
    public var message: String?

    public init(clientID: ClientID) { self.clientID = clientID }

    static let outflows = Outflow.allCases.filter { $0 != .deceased }

    mutating func open(_ a: Action, today: Day, strings t: Strings, interpreter current: InterpreterNeed? = nil) {
        action = a
        message = nil
        func text(_ key: String, _ value: String = "", max: Int = 500) -> FormRow { FormRow(t[key], .text(TextField(value, maxLength: max))) }
        switch a {
        case .note:
            form = ScrollForm(rows: [FormRow(t["file.noteCategory"], .choice(Choice(Note.Category.allCases.map { t["note.\($0.code)"] }))),
                                     text("file.noteText", max: 2000)])
        case .alert:
            form = ScrollForm(rows: [text("file.alertReason"), text("file.alertContact")])
        case .closeAlert, .liftBan:
            form = ScrollForm(rows: [text("file.closeNote")])
        case .ban:
            form = ScrollForm(rows: [text("file.banFrom", today.shown(t), max: 10), text("file.banUntil", max: 10), text("file.banReason")])
        case .endStay:
            form = ScrollForm(rows: [text("file.lastNight", today.adding(days: -1).shown(t), max: 10),
                                     FormRow(t["file.outflow"], .choice(Choice(Self.outflows.map { t["outflow.\($0.code)"] }))),
                                     text("file.overrideReason")])
        case .merge:
            form = ScrollForm(rows: [text("file.mergeOther", max: 9)])
        case .correctOutflow:
            form = ScrollForm(rows: [FormRow(t["file.outflow"], .choice(Choice(Outflow.allCases.map { t["outflow.\($0.code)"] }))),
                                     text("file.correctNote")])
        case .ind:
            form = ScrollForm(rows: [text("ind.decision", max: 10), text("ind.notification", max: 10), text("ind.deadline", max: 10)])
        case .referral:
            form = ScrollForm(rows: [FormRow(t["care.form.kind"], .choice(Choice(ReferralKind.allCases.map { t["referral.kind.\($0.code)"] }))),
                                     text("care.form.organisation", max: 200), text("care.form.date", today.shown(t), max: 10),
                                     FormRow(t["care.form.reason"], .choice(Choice([t["care.form.noReason"]] + ReferralReason.allCases.map { t["referral.reason.\($0.code)"] }))),
                                     FormRow(t["care.cak"], .check(false))])
        case .followUp:
            form = ScrollForm(rows: [FormRow(t["care.form.step"], .choice(Choice(Self.followUps.map { t["referral.status.\($0.code)"] }))),
                                     text("care.form.appointment", max: 10), text("care.form.note", max: 200)])
        case .erase:
            form = ScrollForm(rows: [text("file.eraseReason", max: 200)])
        case .adminStatus:
            form = ScrollForm(rows: [FormRow(t["care.form.adminValue"], .choice(Choice(Self.adminChoices.map { "\(t["admin.\($0.0.code)"]): \(t["admin.value.\($0.1)"])" }))),
                                     text("care.form.adminDetail", max: 200), text("care.form.adminOn", today.shown(t), max: 10),
                                     text("care.form.adminSource", max: 200)])
        case .household:
            form = ScrollForm(rows: [text("care.form.member", max: 9),
                                     FormRow(t["care.form.relation"], .choice(Choice(HouseholdRelation.allCases.map { t["relation.\($0.code)"] })))])
        case .selfReliance:
            form = ScrollForm(rows: [text("care.form.srOn", today.dutch, max: 10), text("care.form.srOrganisation", max: 200),
                                     FormRow(t["care.form.srOutcome"], .choice(Choice([t["intake.choose"]] + Self.selfRelianceOutcomes.map { t["selfReliance.\($0.code)"] })))])
        case .interpreter:
            let kinds = InterpreterNeed.Kind.allCases
            form = ScrollForm(rows: [text("care.form.language", current?.language ?? "", max: 2),
                                     FormRow(t["care.form.interpreterKind"], .choice(Choice(kinds.map { t["interpreter.\($0.code)"] } + [t["care.form.noInterpreter"]],
                                                                                           index: current.flatMap { kinds.firstIndex(of: $0.kind) } ?? 0)))])
        }
    }

    /// The command the filled-in form stands for, or a message saying what to fix.
    func command(today: Day, strings t: Strings) -> Result<Command, FormProblem> {
        func date(_ i: Int, required: Bool) -> Result<Day?, FormProblem> {
            let s = form[i].text.trimmingCharacters(in: .whitespaces)
            if s.isEmpty { return required ? .failure(FormProblem(row: i, text: t["file.required"])) : .success(nil) }
            guard let d = Day.parse(s) else { return .failure(FormProblem(row: i, text: t["cl.invalidDate"])) }
            return .success(d)
        }
        switch action {
        case .note?:
            return .success(.addNote(client: clientID, category: Note.Category.allCases[form[0].choiceIndex], text: form[1].text))
        case .alert?:
            return .success(.raiseAlert(client: clientID, reason: form[0].text, contact: form[1].text))
        case .closeAlert(let id)?:
            return .success(.closeAlert(alert: id, note: form[0].text))
        case .liftBan(let id)?:
            return .success(.liftBan(ban: id, note: form[0].text))
        case .ban?:
            switch (date(0, required: true), date(1, required: false)) {
            case (.failure(let p), _), (_, .failure(let p)): return .failure(p)
            case (.success(let from?), .success(let until)): return .success(.imposeBan(client: clientID, from: from, until: until, reason: form[2].text))
            default: return .failure(FormProblem(row: 0, text: t["file.required"]))
            }
        case .endStay?:
            switch date(0, required: true) {
            case .failure(let p): return .failure(p)
            case .success(let night):
                let outflow = Self.outflows[form[1].choiceIndex], reason = form[2].text.trimmingCharacters(in: .whitespaces)
                // A reason asks for a supervisor's override (the domain refuses it from anyone else).
                if !reason.isEmpty { return .success(.endStayWithOverride(client: clientID, night: night ?? today, outflow: outflow, reason: reason)) }
                return .success(.endStay(client: clientID, night: night ?? today, outflow: outflow))
            }
        case .ind?:
            switch (date(0, required: true), date(1, required: true), date(2, required: false)) {
            case (.failure(let p), _, _), (_, .failure(let p), _), (_, _, .failure(let p)): return .failure(p)
            case (.success(let d?), .success(let n?), .success(let dl)):
                return .success(.recordIndDecision(IndDecision(clientID: clientID, decisionDate: d, notificationDate: n, deadline: dl)))
            default: return .failure(FormProblem(row: 0, text: t["file.required"]))
            }
        case .referral?:
            switch date(2, required: true) {
            case .failure(let p): return .failure(p)
            case .success(let on):
                let r = form[3].choiceIndex
                return .success(.makeReferral(client: clientID, kind: ReferralKind.allCases[form[0].choiceIndex], organisation: form[1].text,
                                              on: on ?? today, reason: r == 0 ? nil : ReferralReason.allCases[r - 1], cakScheme: form[4].isChecked))
            }
        case .followUp(let id)?:
            let step = Self.followUps[form[0].choiceIndex]
            guard step == .appointmentMade else { return .success(.recordReferralOutcome(referral: id, outcome: step, note: form[2].text)) }
            switch date(1, required: true) {
            case .failure(let p): return .failure(p)
            case .success(let on): return .success(.recordReferralAppointment(referral: id, on: on ?? today))
            }
        case .adminStatus?:
            let source = form[3].text.trimmingCharacters(in: .whitespaces)
            switch date(2, required: true) {
            case .failure(let p): return .failure(p)
            case .success(let on):
                let (item, value) = Self.adminChoices[form[0].choiceIndex]
                let detail = form[1].text.trimmingCharacters(in: .whitespaces)
                if item.needsDetail(value), detail.isEmpty { return .failure(FormProblem(row: 1, text: t["file.required"])) }
                if source.isEmpty { return .failure(FormProblem(row: 3, text: t["file.required"])) }
                return .success(.setAdminStatus(client: clientID, item: item, entry: AdminEntry(value: value, detail: detail, on: on ?? today, source: source)))
            }
        case .household(let id)?:
            guard let other = Int32(form[0].text.filter(\.isNumber)) else { return .failure(FormProblem(row: 0, text: t["file.mergeNumber"])) }
            let relation = HouseholdRelation.allCases[form[1].choiceIndex]
            // A child's responsible adult is the person whose file this is (the domain checks the ages).
            let member = HouseholdMember(clientID: other, relation: relation, responsibleAdult: relation == .child ? clientID : nil)
            if let id { return .success(.addHouseholdMember(household: id, member: member)) }
            return .success(.formHousehold(members: [HouseholdMember(clientID: clientID, relation: .adult), member]))
        case .interpreter?:
            let kinds = InterpreterNeed.Kind.allCases
            guard form[1].choiceIndex < kinds.count else { return .success(.setInterpreterNeed(client: clientID, need: nil)) }
            let language = form[0].text.trimmingCharacters(in: .whitespaces).lowercased()
            if language.isEmpty { return .failure(FormProblem(row: 0, text: t["file.required"])) }
            return .success(.setInterpreterNeed(client: clientID, need: InterpreterNeed(language: language, kind: kinds[form[1].choiceIndex])))
        case .selfReliance?:
            switch date(0, required: true) {
            case .failure(let p): return .failure(p)
            case .success(let on):
                let organisation = form[1].text.trimmingCharacters(in: .whitespaces)
                if organisation.isEmpty { return .failure(FormProblem(row: 1, text: t["file.required"])) }
                let o = form[2].choiceIndex
                guard o > 0 else { return .failure(FormProblem(row: 2, text: t["care.form.srChoose"])) }
                return .success(.recordSelfReliance(SelfRelianceAssessment(clientID: clientID, on: on ?? today, organisation: organisation,
                                                                           outcome: Self.selfRelianceOutcomes[o - 1])))
            }
        case .erase?:
            let reason = form[0].text.trimmingCharacters(in: .whitespaces)
            if reason.isEmpty { return .failure(FormProblem(row: 0, text: t["file.required"])) }
            return .success(.eraseClient(client: clientID, reason: reason))
        case .correctOutflow(let night)?:
            return .success(.correctOutflow(client: clientID, night: night, outflow: Outflow.allCases[form[0].choiceIndex], note: form[1].text))
        case .merge?:
            guard let other = Int32(form[0].text.filter(\.isNumber)) else { return .failure(FormProblem(row: 0, text: t["file.mergeNumber"])) }
            return .success(.mergeClients(survivor: clientID, absorbed: other, values: Client(id: 0, givenNames: "", familyNames: "")))
        case nil:
            return .failure(FormProblem(row: 0, text: ""))
        }
    }

    /// The last night of the person's most recent ended stay, if any.
    static func lastExit(of client: ClientID, in s: ShelterState) -> Day? {
        (s.files.history[client] ?? []).compactMap { h -> Day? in if case let .stayEnded(n, _) = h.kind { return n } else { return nil } }.max()
    }

    /// What is wrong with a form, and on which row.
    public struct FormProblem: Error, Equatable { var row: Int; var text: String }

    public mutating func update(_ key: Key, state s: ShelterState, role: Role, today: Day, strings t: Strings) -> DeskEffect {
        if action != nil {
            switch key {
            case .escape: action = nil; message = nil
            case .enter: form.move(true)  // Enter moves to the next field; ^S saves, as on the intake
            case .ctrl("s"):
                for i in form.rows.indices { form[i].problem = nil }
                switch command(today: today, strings: t) {
                case .failure(let p): form[p.row].problem = p.text; form.setFocus(p.row)
                case .success(.mergeClients(_, let other, _)):
                    action = nil
                    return .openMerge(survivor: clientID, absorbed: other)
                case .success(let c): return .execute(c)
                }
            default: _ = form.handle(key)
            }
            return .none
        }
        message = nil
        let openAlert = s.openAlerts.last { $0.clientID == clientID }
        let ban = s.ban(of: clientID, on: today)
        switch key {
        case .escape: return .back
        case .up, .down, .pageUp, .pageDown, .home, .end: list.handle(key, height: 8)
        case .char("e"): return .editClient(clientID)
        case .char("o"): open(.note, today: today, strings: t)
        case .char("a"): open(.alert, today: today, strings: t)
        case .char("c"):
            if let a = openAlert { open(.closeAlert(a.id), today: today, strings: t) } else { message = t["file.noAlert"] }
        case .char("b"):
            if role == .supervisor { open(.ban, today: today, strings: t) } else { message = t["file.onlySupervisor"] }
        case .char("u"):
            if let b = ban, role == .supervisor { open(.liftBan(b.id), today: today, strings: t) } else { message = ban == nil ? t["file.noBan"] : t["file.onlySupervisor"] }
        case .char("x"):
            if s.files.clients[clientID]?.stayStart != nil { open(.endStay, today: today, strings: t) } else { message = t["file.noStay"] }
        case .char("X"):
            if let night = Self.lastExit(of: clientID, in: s) { open(.correctOutflow(night), today: today, strings: t) } else { message = t["file.noExit"] }
        case .char("U"): return .undoLastAction  // this desk's last action (an exit just recorded)
        case .char("r"): return .openReturnPlan(clientID)
        case .char("i"):
            if role.permissions.contains(.planReturns) { open(.ind, today: today, strings: t) } else { message = t["ret.onlyCoordinator"] }
        case .char("M"):
            if role == .supervisor { open(.merge, today: today, strings: t) } else { message = t["file.onlySupervisor"] }
        case .char("v"): open(.referral, today: today, strings: t)
        case .char("s"): open(.adminStatus, today: today, strings: t)
        case .char("h"): open(.household(s.care.householdOf[clientID]), today: today, strings: t)
        case .char("z"):
            // The assessment follows a valid `likely` outcome (the domain refuses it otherwise).
            if s.isLikelyEntitled(clientID, on: today) { open(.selfReliance, today: today, strings: t) } else { message = t["care.srNeedsLikely"] }
        case .char("t"): open(.interpreter, today: today, strings: t, interpreter: s.care.interpreter[clientID])
        case .char("w"):
            // The most urgent open referral: overdue first, then the oldest.
            let open = s.referrals(of: clientID, visibleTo: role).filter { !$0.status.isClosed }
            if let x = open.first(where: { $0.isOverdue(today: today) }) ?? open.min(by: { $0.id < $1.id }) {
                self.open(.followUp(x.id), today: today, strings: t)
            } else { message = t["care.noOpenReferral"] }
        case .char("W"):
            if role != .supervisor { message = t["file.onlySupervisor"] } else if s.isErased(clientID) { message = t["file.alreadyErased"] } else { open(.erase, today: today, strings: t) }
        default: break
        }
        return .none
    }

    public func hints(_ t: Strings, role: Role) -> [String] {
        if action != nil { return [t["hint.next"], t["hint.save"], t["hint.fields"], t["hint.back"]] }
        return [t["file.hint.edit"], t["file.hint.note"], t["file.hint.alert"], t["file.hint.return"]]
            + (role == .supervisor ? [t["file.hint.ban"], t["file.hint.merge"], t["file.hint.erase"]] : [])
            + [t["file.hint.exit"], t["card.hint.checklist"], t["file.hint.referral"], t["file.hint.care"], t["file.hint.selfReliance"],
               t["file.hint.correct"], t["file.hint.undo"], t["hint.back"]]
    }

    public mutating func render(into buf: inout Buffer, state s: ShelterState, night: Day, role: Role, strings t: Strings) {
        guard let c = s.files.clients[clientID] else { return }
        var flags: [(String, Style)] = []
        if let b = s.ban(of: c.id, on: night) { flags.append(("⛔ \(t["flag.ban"]) \(b.until.map { t["tl.until"] + " " + $0.shown(t) } ?? t["tl.indefinite"])", .error)) }
        if s.openAlerts.contains(where: { $0.clientID == c.id }) { flags.append(("⚑ \(t["flag.alert"])", .error)) }
        for (v, code) in ClientDetails.Vulnerabilities.all where c.details.vulnerabilities.contains(v) { flags.append((t["vulnerable.\(code)"], .warning)) }
        if c.details.consent.status != .given { flags.append((t["flag.minimum"], .muted)) }
        if let d = s.files.indDecisions[c.id] {
            let left = d.daysLeft(on: night)
            flags.append(("⏳ \(t.count("ret.countdown", left))\(d.effectiveDeadline.estimate ? " (\(t["tl.estimate"]))" : "")", left <= 7 ? .error : .warning))
        }
        if let p = s.latestReturnPlan(of: c.id), p.isActive || p.status == .departed {
            flags.append(("↩ \(t["rstatus.\(p.status.code)"])", .success))
        }
        if let into = c.mergedInto { flags.append((t["tl.merged"].replacingOccurrences(of: "%s", with: "#\(into)"), .warning)) }
        if s.referrals(of: c.id, visibleTo: role).contains(where: { $0.isOverdue(today: night) }) { flags.append(("! \(t["care.overdueFlag"])", .error)) }
        if s.needsReferralToRegularShelter(c.id, on: night) {
            flags.append(("MO \(t["flag.referMO"])", .success))
        } else if let l = s.latestAssessment(of: c.id) {
            let age = Int(night.ordinal - l.assessedOn.ordinal)
            if s.checklistOutcome(of: c.id, on: night) == nil {
                flags.append(("○ \(t.count("flag.checklistExpired", age))", .warning))
            } else {
                flags.append(("\(t["outcome.\(l.outcome.rawValue)"]) · \(t.count("flag.checklistAge", age))", .muted))
            }
        } else if s.stayLimitApplies(to: c.id, on: night) {
            flags.append(("○ \(t["flag.noChecklist"])", .warning))
        }
        buf.draw("\(t["card.title"]) \(c.id): \(c.fullName)\(c.alias.isEmpty ? "" : " (\(c.alias))")", x: 1, y: 2, style: .bold, maxWidth: buf.width - 2)
        var x = 2
        for (f, style) in flags where x < buf.width - 4 {
            buf.draw(f, x: x, y: 3, style: style, maxWidth: buf.width - x - 1)
            x += TextWidth.width(of: f) + 2
        }
        let born: String = switch c.birth {
        case .exact(let d)?: "\(d.shown(t)) (\(BirthDate.exact(d).age(on: night)))"
        case .estimatedYear(let y)?: "\(y) \(t["card.estimate"])"
        case nil: t["card.none"]
        }
        let nat = c.nationality.isEmpty ? t["card.none"] : "\(Countries.shared.name(of: c.nationality, lang: t.lang) ?? c.nationality) (\(c.nationality))"
        let bed = s.bed(of: c.id, on: night).flatMap { s.inventory.beds[$0]?.label } ?? t["card.none"]
        let left: [(String, String)] = [
            (t["card.birth"], born), (t["card.gender"], t["gender.\(c.gender.code)"]), (t["card.nationality"], nat),
            (t["card.arrived"], c.arrivedNL?.shown(t) ?? t["card.none"]),
            (t["field.languages"], c.details.languages.isEmpty ? t["card.none"] : c.details.languages.joined(separator: ", ")),
        ]
        let right: [(String, String)] = [
            (t["card.bed"], bed), (t["card.nights"], String(s.nightsUsed(by: c.id, windowDays: 90, endingWith: night))),
            (t["field.id_document"], c.details.idDocument.map { "\($0.number)\($0.seen ? " ✓" : "")" } ?? t["card.none"]),
            (t["intake.phone"], c.details.phone.isEmpty ? t["card.none"] : c.details.phone),
            (t["field.insurance"], t["insurance.\(c.details.insurance.code)"]),
        ]
        let half = buf.width / 2
        for (i, r) in left.enumerated() {
            buf.draw(TextWidth.fit(r.0, 14), x: 2, y: 4 + i, style: .muted)
            buf.draw(r.1, x: 17, y: 4 + i, maxWidth: half - 18)
        }
        let rw = min(18, right.map { TextWidth.width(of: $0.0) }.max() ?? 14)
        for (i, r) in right.enumerated() where half + rw + 2 < buf.width {
            buf.draw(TextWidth.fit(r.0, rw), x: half, y: 4 + i, style: .muted)
            buf.draw(r.1, x: half + rw + 1, y: 4 + i, maxWidth: buf.width - half - rw - 2)
        }
        // Care (interpreter, household, administrative status, referrals): only when there is any.
        let care = CareSummary.lines(of: c.id, state: s, role: role, today: night, strings: t, max: buf.height >= 20 ? 5 : 1)
        for (i, line) in care.enumerated() { buf.draw(line.0, x: 2, y: 4 + left.count + i, style: line.1, maxWidth: buf.width - 3) }
        let top = 4 + left.count + 1 + (care.isEmpty ? 0 : care.count)
        if let action {
            var formTop = top + 1
            if action == .erase {
                // The confirmation names the person: this cannot be undone. Wrapped, never cut,
                // as long as one line is left for the reason.
                let lines = Dialog.wrap(t.fill("file.eraseConfirm", c.fullName, String(c.id)), width: buf.width - 2).map { ($0, Style.error) }
                    + Dialog.wrap(t["file.eraseWhat"], width: buf.width - 2).map { ($0, Style.warning) }
                let shown = lines.prefix(max(2, buf.height - 3 - top))
                for (i, l) in shown.enumerated() { buf.draw(l.0, x: 1, y: top + i, style: l.1, maxWidth: buf.width - 2) }
                formTop = top + shown.count
            } else {
                buf.draw(t["file.action.\(Self.actionKey(action))"], x: 1, y: top, style: .bold, maxWidth: buf.width - 2)
            }
            form.render(into: &buf, x: 1, y: formTop, width: buf.width - 2, height: max(1, buf.height - formTop - 2), labelWidth: min(22, buf.width / 3))
            return
        }
        buf.draw(t["file.timeline"], x: 1, y: top, style: .bold)
        let lines = ClientTimeline.lines(of: c.id, state: s, viewer: role, strings: t, today: night)
        list.setCount(lines.count)
        let height = max(1, buf.height - top - 3)
        list.scroll(height: height)
        for row in 0..<height {
            let i = list.top + row
            guard i < lines.count else { break }
            let l = lines[i]
            let y = top + 1 + row
            let sel = i == list.selected
            buf.draw(TextWidth.fit(l.when, 16), x: 2, y: y, style: sel ? .selected : .muted)
            let whoWidth = buf.width >= 80 ? 14 : 0
            if whoWidth > 0 { buf.draw(TextWidth.fit(l.who, whoWidth), x: 19, y: y, style: .muted) }
            buf.draw(l.text, x: 19 + whoWidth + (whoWidth > 0 ? 1 : 0), y: y, style: l.style, maxWidth: buf.width - 21 - whoWidth)
        }
        if let message { StatusBar.render(into: &buf, text: message, style: .warning) }
    }

    static func actionKey(_ a: Action) -> String {
        switch a {
        case .note: "note"; case .alert: "alert"; case .closeAlert: "closeAlert"; case .ban: "ban"; case .liftBan: "liftBan"
        case .endStay: "endStay"; case .merge: "merge"; case .ind: "ind"; case .correctOutflow: "correctOutflow"; case .erase: "erase"
        case .referral: "referral"; case .followUp: "followUp"; case .adminStatus: "adminStatus"; case .interpreter: "interpreter"; case .household: "household"
        case .selfReliance: "selfReliance"
        }
    }
}
