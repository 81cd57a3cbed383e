import ShelterDomain
import TerminalUI

/// The bed board (F4), the screen the desk lives in: every bed on a night with its state, who
/// is in it, their nights against the limit and flags (⛔ ban, ⚑ alert, ✎ checklist due); free
/// beds by type and the cold-weather mode in the header; tonight's waiting list and the people
/// turned away underneath. ← → change the night, `d` jumps to a date. `a` gives a free bed
/// (suggestions first), `i` checks in, `o`/`O` check out (morning / during the night), `x`
/// releases one no-show (asking first before the cut-off), `c` cancels a reservation with a
/// reason, `u` undoes this desk's last bed action ("entered in error"), `X` all no-shows after the cut-off, `t`/`T` reserve tomorrow, `w` puts
/// someone on the waiting list, `p` places the first of the list in the selected free bed, `g`
/// turns them away (counted), `e` files an extension request, `f` free only, `r` one room, `H`
/// gives the rest of the cursor's household beds beside them (asks first, naming everyone).
/// Every action is a domain command re-decided under the journal lock: two desks never give
/// out one bed.
public struct BoardScreen: Equatable {
    public var night: Day
    public var list = ListView(count: 0)
    /// Show only free beds (`f`), for the moment someone asks for a bed.
    public var onlyFree = false
    /// Show one room (`r` cycles through the rooms; nil = all).
    public var room: RoomID?
    /// Typing a date to jump to (`d`).
    public var jump: TextField?
    /// Typing a bed label or a name to move the cursor to (`j`).
    public var find: TextField?
    /// Show one location (`l` cycles through them; nil = all).
    public var location: LocationID?
    /// An extension (or 24-hour bed) request being filled in.
    public var request: RequestForm?
    /// Cancelling this client's reservation (`c`): the reason being typed.
    public var cancelFor: ClientID?
    public var cancelReason = TextField(maxLength: 200)
    /// `x` before the location's cut-off: asks first (the person may still come).
    public var confirmNoShow: (client: ClientID, cutoff: String)?
    /// `o`/`O`: the check-out being confirmed (who, and whether they left during the night).
    public var confirmCheckOut: (client: ClientID, duringNight: Bool)?
    /// `H`: the beds proposed for the rest of a household, being confirmed.
    public var confirmHousehold: [HouseholdBeds.Placement]?
    /// The bed under the cursor: the cursor stays on it when rows come and go (a filter, a
    /// refresh, another desk's action), not on a row number.
    public var anchor: BedID?
    /// The command this screen's last action asked for, until its outcome is known (to name it).
    var asked: Command?

    /// The request form: for whom, where, and the fields (reason, until, note).
    public struct RequestForm: Equatable {
        public var client: ClientID
        public var location: LocationID
        public var form: ScrollForm
    }

    public init(night: Day) { self.night = night }

    public static func == (a: BoardScreen, b: BoardScreen) -> Bool {
        a.night == b.night && a.list == b.list && a.onlyFree == b.onlyFree && a.room == b.room && a.jump == b.jump && a.find == b.find && a.location == b.location && a.request == b.request
            && a.cancelFor == b.cancelFor && a.cancelReason == b.cancelReason && a.confirmNoShow?.client == b.confirmNoShow?.client
            && a.confirmCheckOut?.client == b.confirmCheckOut?.client && a.confirmCheckOut?.duringNight == b.confirmCheckOut?.duringNight && a.anchor == b.anchor
            && a.confirmHousehold == b.confirmHousehold
    }

    /// The cut-off time ("23:00") of the bed's location when `now` is before it on `night`; nil after it.
    static func beforeCutoff(_ s: ShelterState, bed: Bed, night: Day, now: Timestamp) -> String? {
        guard let loc = s.inventory.locations[bed.locationID] else { return nil }
        let (today, seconds) = AmsterdamTime.local(now)
        let minutes = Int(today.ordinal - night.ordinal) * 24 * 60 + seconds / 60
        let e = loc.policy.checkInCutoffMinutes
        guard minutes < e else { return nil }
        let h = e / 60 % 24, m = e % 60
        return "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }

    func rows(_ s: ShelterState) -> [BoardRow] {
        BoardRow.board(s, night: night).filter { r in
            (!onlyFree || r.state == .free) && (room == nil || r.bed.roomID == room) && (location == nil || r.bed.locationID == location)
        }
    }

    static let reasons = ExtensionRequest.Reason.allCases

    /// Opens the request form for a client at a location (until: a week after the night). The
    /// reason has no default (a default skews the reason figures): staff must choose one, unless
    /// the refusal itself says it (a 24-hour bed).
    public mutating func openRequest(client: ClientID, location: LocationID, reason: ExtensionRequest.Reason? = nil, strings t: Strings) {
        var choice = Choice([t["ext.chooseReason"]] + Self.reasons.map { t["reason.\($0.rawValue)"] })
        choice.index = reason.flatMap { Self.reasons.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        request = RequestForm(client: client, location: location, form: ScrollForm(rows: [
            FormRow(t["ext.reason"], .choice(choice)),
            FormRow(t["ext.until"], .text(TextField(night.adding(days: 7).shown(t), maxLength: 10))),
            FormRow(t["ext.note"], .text(TextField(maxLength: 500))),
        ]))
    }

    /// Puts the cursor back on the anchored bed when it is among `rows`.
    mutating func followAnchor(_ rows: [BoardRow]) {
        list.setCount(rows.count)
        if let anchor, let i = rows.firstIndex(where: { $0.bed.id == anchor }) { list.select(i) }
    }

    public mutating func update(_ key: Key, state s: ShelterState, strings t: Strings, now: Timestamp? = nil) -> DeskEffect {
        let effect = handle(key, state: s, strings: t, now: now)
        let rows = self.rows(s)
        followAnchor(rows)
        if rows.indices.contains(list.selected) { anchor = rows[list.selected].bed.id }
        return effect
    }

    mutating func handle(_ key: Key, state s: ShelterState, strings t: Strings, now: Timestamp?) -> DeskEffect {
        if let placements = confirmHousehold {
            switch key {
            case .char("j"), .char("J"), .char("y"), .char("Y"):
                confirmHousehold = nil
                return .execute(.assignHouseholdBeds(night: night, beds: placements.map { ($0.client, $0.bed) }))
            case .char("n"), .char("N"), .escape: confirmHousehold = nil
            default: break
            }
            return .none
        }
        if let (client, duringNight) = confirmCheckOut {
            switch key {
            case .char("j"), .char("J"), .char("y"), .char("Y"):
                confirmCheckOut = nil
                return .execute(.checkOut(night: night, client: client, duringNight: duringNight))
            case .char("n"), .char("N"), .escape: confirmCheckOut = nil
            default: break
            }
            return .none
        }
        if let (client, _) = confirmNoShow {
            switch key {
            case .char("j"), .char("J"), .char("y"), .char("Y"):
                confirmNoShow = nil
                return .execute(.releaseReservation(night: night, client: client, noShow: true))
            case .char("n"), .char("N"), .escape: confirmNoShow = nil
            default: break
            }
            return .none
        }
        if let client = cancelFor {
            switch key {
            case .escape: cancelFor = nil
            case .enter: return .message(t["form.saveWith"])
            case .ctrl("s"):
                guard !cancelReason.text.allSatisfy(\.isWhitespace) else { return .message(t["board.cancel.reasonRequired"]) }
                return .execute(.cancelReservation(night: night, client: client, reason: cancelReason.text))
            default: cancelReason.handle(key)
            }
            return .none
        }
        if var f = find {
            switch key {
            case .escape, .enter: find = nil
            default:
                f.handle(key); find = f
                let rows = rows(s)
                if !f.isEmpty, let i = Self.match(f.text, in: rows, state: s) { list.setCount(rows.count); list.select(i); anchor = rows[i].bed.id }
            }
            return .none
        }
        if var j = jump {
            switch key {
            case .escape: jump = nil
            case .enter:
                if let d = Day.parse(j.text) { night = d; jump = nil; list = ListView(count: 0) } else { return .message(t["cl.invalidDate"]) }
            default: j.handle(key); jump = j
            }
            return .none
        }
        if var r = request {
            switch key {
            case .escape: request = nil
            case .enter: r.form.move(true); request = r
            case .ctrl("s"):
                guard r.form[0].choiceIndex > 0 else {
                    r.form[0].problem = t["ext.reasonRequired"]; request = r
                    return .none
                }
                guard let until = Day.parse(r.form[1].text) else {
                    r.form[1].problem = t["cl.invalidDate"]; request = r
                    return .none
                }
                return .execute(.requestExtension(client: r.client, location: r.location, reason: Self.reasons[r.form[0].choiceIndex - 1],
                                                  note: r.form[2].text, until: until))
            default:
                _ = r.form.handle(key); request = r
            }
            return .none
        }
        let rows = self.rows(s)
        followAnchor(rows)
        let row = rows.indices.contains(list.selected) ? rows[list.selected] : nil
        let firstWaiting = s.waiting(on: night).first
        switch key {
        case .escape: return .back
        case .left: night = night.adding(days: -1)
        case .right: night = night.adding(days: 1)
        case .char("d"): jump = TextField(maxLength: 10)
        case .char("j"): find = TextField(maxLength: 40)
        case .char("l"):
            let locations = s.inventory.locations.keys.sorted()
            if let cur = location, let i = locations.firstIndex(of: cur) { location = i + 1 < locations.count ? locations[i + 1] : nil }
            else { location = row?.bed.locationID ?? locations.first }
            room = nil
            list = ListView(count: 0)
        case .char("a"):
            guard let row, row.state == .free else { return .message(row == nil ? t["board.noRow"] : t["board.assign.notFree"]) }
            return .pickClient(night: night, bed: row.bed.id)
        case .enter where row?.state == .free:
            if let row { return .pickClient(night: night, bed: row.bed.id) }
        case .char("i"):
            guard let row, row.state == .reserved, let c = row.clientID else { return .message(t["board.checkin.notReserved"]) }
            return .execute(.checkIn(night: night, client: c))
        case .enter where row?.state == .reserved:
            if let c = row?.clientID { return .execute(.checkIn(night: night, client: c)) }
        case .char("o"), .char("O"):
            // A check-out ends the person's night in the bed: asks first, naming who and which bed.
            guard let row, row.state == .checkedIn, row.departure == nil, let c = row.clientID else { return .message(t["board.checkout.notInside"]) }
            confirmCheckOut = (c, key == .char("O"))
        case .char("c"):
            guard let row, row.state == .reserved, let c = row.clientID else { return .message(t["board.cancel.notReserved"]) }
            cancelFor = c; cancelReason = TextField(maxLength: 200)
        case .char("u"):
            return .undoLastAction
        case .char("t"):
            if let row, row.clientID != nil, let c = row.clientID {
                return .execute(.assignBed(night: night.adding(days: 1), bed: row.bed.id, client: c))
            }
            return .message(t["board.tomorrow.nobody"])
        case .char("f"):
            onlyFree.toggle()
            list = ListView(count: 0)
        case .char("r"):
            // The first press shows the cursor's room, the next ones the rooms after it, then all again.
            let rooms = s.inventory.rooms.keys.sorted().filter { r in location == nil || s.inventory.rooms[r]?.locationID == location }
            if let cur = room, let i = rooms.firstIndex(of: cur) { room = i + 1 < rooms.count ? rooms[i + 1] : nil } else { room = row?.bed.roomID ?? rooms.first }
            list = ListView(count: 0)
        case .char("T"):
            return .reserveAllTomorrow(night: night)
        case .char("x"):
            guard let row, row.state == .reserved, let c = row.clientID else { return .message(t["board.noshow.notReserved"]) }
            // Before the cut-off the person may still come: ask first.
            if let now, let cutoff = Self.beforeCutoff(s, bed: row.bed, night: night, now: now) {
                confirmNoShow = (c, cutoff)
                return .none
            }
            return .execute(.releaseReservation(night: night, client: c, noShow: true))
        case .char("X"):
            return .execute(.releaseNoShows(night: night))
        case .char("w"):
            return .pickClient(night: night, bed: nil)
        case .char("p"):
            if let w = firstWaiting, let row, row.state == .free { return .execute(.assignBed(night: night, bed: row.bed.id, client: w.clientID)) }
            return .message(firstWaiting == nil ? t["wait.empty"] : t["wait.pickFree"])
        case .char("g"):
            if let w = firstWaiting { return .execute(.closeWaitlist(entry: w.id, outcome: .turnedAway)) }
            return .message(t["wait.empty"])
        case .char("e"):
            if let row, let c = row.clientID { openRequest(client: c, location: row.bed.locationID, strings: t) } else { return .message(t["board.request.nobody"]) }
        case .char("H"):
            guard let row, let c = row.clientID else { return .message(t["board.household.onMember"]) }
            switch HouseholdBeds.proposal(for: c, night: night, state: s) {
            case .success(let p): confirmHousehold = p
            case .failure(.noHousehold): return .message(t["board.household.none"])
            case .failure(.allPlaced): return .message(t["board.household.allPlaced"])
            case .failure(.notEnoughBeds(let m)): return .message(t.fill("board.household.noBeds", s.files.clients[m]?.fullName ?? "", String(m)))
            }
        default:
            _ = list.handle(key, height: 14)
            if rows.indices.contains(list.selected) { anchor = rows[list.selected].bed.id }
        }
        return .none
    }

    /// The first row whose bed label starts with `text`, else whose person's name contains it
    /// (accents and case folded).
    static func match(_ text: String, in rows: [BoardRow], state s: ShelterState) -> Int? {
        let q = NameNormalizer.fold(text)
        guard !q.isEmpty else { return nil }
        if let i = rows.firstIndex(where: { NameNormalizer.fold($0.bed.label).hasPrefix(q) }) { return i }
        return rows.firstIndex { r in r.clientID.flatMap { s.files.clients[$0] }.map { NameNormalizer.fold($0.fullName).contains(q) } ?? false }
    }

    /// Free beds tonight by kind: (normal, women only, accessible, other special).
    static func freeByType(_ rows: [BoardRow]) -> (normal: Int, women: Int, accessible: Int, special: Int) {
        var n = (0, 0, 0, 0)
        for r in rows where r.state == .free {
            let a = r.bed.attributes
            if a.contains(.womenOnly) { n.1 += 1 } else if a.contains(.accessible) { n.2 += 1 }
            else if a.isDisjoint(with: [.twentyFourHour, .emergency, .coldWeather, .medical]) { n.0 += 1 } else { n.3 += 1 }
        }
        return n
    }

    /// The other members of a household beside a person's name: " ⌂ Andrei, Sofia".
    static func household(_ c: ClientID, _ s: ShelterState) -> String {
        guard let h = s.care.household(of: c) else { return "" }
        return " ⌂ " + h.members.filter { $0.clientID != c }.map { s.files.clients[$0.clientID]?.givenNames ?? "#\($0.clientID)" }.joined(separator: ", ")
    }

    /// The bed's attributes as short marks ("V 24" = women only, 24-hour), explained in the legend.
    static let attributeMarks: [(BedAttributes, String)] = [(.womenOnly, "women"), (.accessible, "accessible"), (.twentyFourHour, "24h"),
                                                            (.family, "family"), (.medical, "medical"), (.emergency, "emergency"), (.coldWeather, "cold")]
    static func marks(_ a: BedAttributes, _ t: Strings) -> String {
        attributeMarks.filter { a.contains($0.0) }.map { t["board.attr.\($0.1)"] }.joined(separator: " ")
    }

    static func flags(_ c: ClientID, _ s: ShelterState, night: Day, due: Set<ClientID>, alerts: Set<ClientID>) -> String {
        var f = ""
        if s.ban(of: c, on: night) != nil { f += "⛔" }
        if alerts.contains(c) { f += "⚑" }
        if due.contains(c) { f += "✎" }
        if let d = s.files.indDecisions[c] { f += "⏳\(d.daysLeft(on: night))d" }
        // Entitlement: refer to regular shelter (MO), or no (valid) checklist yet.
        let gap = f.isEmpty ? "" : " "
        if s.needsReferralToRegularShelter(c, on: night) {
            f += gap + "MO"
        } else if s.checklistOutcome(of: c, on: night) == nil, s.stayLimitApplies(to: c, on: night) {
            f += gap + "○"
        }
        return f.isEmpty ? "" : f + " "
    }

    public mutating func render(into buf: inout Buffer, state s: ShelterState, strings t: Strings) {
        let all = BoardRow.board(s, night: night)
        let rows = self.rows(s)
        followAnchor(rows)
        var title = "\(t["board.title"]) · \(t["board.night"]) \(t.dayAndDate(night))"
        if let room, let r = s.inventory.rooms[room] { title += " · \(s.inventory.locations[r.locationID]?.name ?? "") \(r.name)" }
        else if let location, let l = s.inventory.locations[location] { title += " · \(l.name)" }
        buf.draw(title, x: 1, y: 2, style: .bold, maxWidth: buf.width - 2)
        if s.isColdWeather(night) {
            let badge = " ❄ \(t["board.cold"]) "
            buf.draw(badge, x: max(1, buf.width - TextWidth.width(of: badge) - 1), y: 2, style: .selected)
        }
        let free = all.filter { $0.state == .free }.count, reserved = all.filter { $0.state == .reserved }.count
        let inside = all.filter { $0.state == .checkedIn }.count
        let byType = Self.freeByType(all)
        var summary = t.format("board.summary", all.count, free, reserved, inside)
        if onlyFree { summary += " · " + t["board.filterFree"] }
        buf.draw(summary, x: 2, y: 3, style: .muted, maxWidth: buf.width - 3)
        buf.draw(t.format("board.byType", byType.normal, byType.women, byType.accessible, byType.special), x: 2, y: 4, style: .muted, maxWidth: buf.width - 3)
        // The legend: flags and bed marks, on up to three lines when one does not hold it (the table gives up rows).
        let legend = Dialog.wrap(t["board.legend"] + " · " + t["board.attrLegend"], width: max(10, buf.width - 4))
        let legendLines = min(buf.height >= 24 ? 3 : buf.height >= 20 ? 2 : 1, legend.count)
        for (i, l) in legend.prefix(legendLines).enumerated() {
            let cut = i == legendLines - 1 && legend.count > legendLines  // more follows (F1 has it all)
            buf.draw(cut ? l + " …" : l, x: 2, y: 5 + i, style: .muted, maxWidth: buf.width - 3)
        }
        let top = 5 + legendLines
        let waiting = s.waiting(on: night)
        let turned = s.turnedAway(on: night)
        // A wide screen shows the waiting list beside the board; a narrow one underneath (its first names).
        let side = buf.width >= 120
        let panel = side || (waiting.isEmpty && turned == 0) ? 0 : 2
        // The bed marks need 6 columns more; a narrow screen keeps the name and the night count instead.
        let markWidth = buf.width >= 76 ? 6 : 0
        // The name column takes what is left, but not a wide screen's whole width: the night count stays near the name.
        // A screen of 140 columns or more shows the whole room name ("Zuid (noodopvang) Noodbedden") and state ("out of service").
        let roomWidth = buf.width >= 140 ? 28 : 14, stateWidth = buf.width >= 140 ? 16 : 13
        let fixed = 5 + roomWidth + stateWidth + markWidth + 8 + (markWidth > 0 ? 5 : 4)
        // Beside the waiting list on 140+ columns the name gives up 10 columns, so the list's keys stay whole.
        let nameWidth = min(side ? (buf.width >= 140 ? 34 : 44) : 60, max(10, buf.width - 4 - fixed - (side ? 36 : 0)))
        let tableWidth = fixed + nameWidth + 1
        let due = Set(HomeScreen.reassessmentDue(s, night: night)), alerts = Set(s.openAlerts.map(\.clientID))
        var table = Table(columns: [TableColumn(t["board.col.bed"], width: 5), TableColumn(t["board.col.room"], width: roomWidth)]
                                    + (markWidth > 0 ? [TableColumn(t["board.col.kind"], width: markWidth)] : []) + [
                                    TableColumn(t["board.col.state"], width: stateWidth), TableColumn(t["board.col.client"], width: nameWidth),
                                    TableColumn(t["board.col.nights"], width: 8, alignRight: true)],
                          rows: rows.map { r in
                              let who = r.clientID.map { c in Self.flags(c, s, night: night, due: due, alerts: alerts) + (s.files.clients[c]?.fullName ?? "") + Self.household(c, s) } ?? (r.outOfService?.note ?? "")
                              let count = r.nightsUsed.map { "\($0)/\(r.nightsAllowed.map(String.init) ?? "∞")\(r.extended ? "+" : " ")" } ?? ""
                              let state = t.boardState(r)
                              return [r.bed.label, "\(r.location) \(r.room)"] + (markWidth > 0 ? [Self.marks(r.bed.attributes, t)] : []) + [state, who, count]
                          })
        table.list = list
        table.render(into: &buf, x: 2, y: top, width: min(buf.width - 4, tableWidth), height: max(2, buf.height - 3 - top - panel))
        if side { renderWaitingBeside(into: &buf, x: min(buf.width - 4, tableWidth) + 4, y: top, waiting: waiting, turned: turned, state: s, strings: t) }
        if panel > 0 {
            let y = buf.height - 3 - panel
            let names = waiting.prefix(4).enumerated().map { i, w in
                let c = s.files.clients[w.clientID]
                let v = (c?.details.vulnerabilities.isEmpty ?? true) ? "" : "!"
                return "\(i + 1). \(v)\(c?.fullName ?? "#\(w.clientID)")"
            }.joined(separator: "  ")
            buf.draw("\(t.format("wait.title", waiting.count)) \(names)", x: 2, y: y, style: waiting.isEmpty ? .muted : .warning, maxWidth: buf.width - 3)
            buf.draw("\(t.format("wait.turnedAway", turned))  \(t["wait.hint"])", x: 2, y: y + 1, style: .muted, maxWidth: buf.width - 3)
        }
        if let find {
            buf.fill(x: 1, y: buf.height - 3, width: buf.width - 2, height: 1)
            buf.draw(t["board.find"], x: 2, y: buf.height - 3, style: .bold)
            let x = 3 + TextWidth.width(of: t["board.find"])
            let cx = find.render(into: &buf, x: x, y: buf.height - 3, width: 24, focused: true)
            buf.cursor = (cx, buf.height - 3)
        }
        if let jump {
            buf.fill(x: 1, y: buf.height - 3, width: buf.width - 2, height: 1)
            buf.draw(t["board.jump"], x: 2, y: buf.height - 3, style: .bold)
            let x = 3 + TextWidth.width(of: t["board.jump"])
            let cx = jump.render(into: &buf, x: x, y: buf.height - 3, width: 12, focused: true)
            buf.cursor = (cx, buf.height - 3)
        }
        if let c = cancelFor {
            let label = t.fill("board.cancel.prompt", s.files.clients[c]?.fullName ?? "", String(c))
            buf.fill(x: 1, y: buf.height - 3, width: buf.width - 2, height: 1)
            buf.draw(label, x: 2, y: buf.height - 3, style: .bold, maxWidth: buf.width / 2)
            let x = 3 + min(buf.width / 2, TextWidth.width(of: label))
            let cx = cancelReason.render(into: &buf, x: x, y: buf.height - 3, width: max(8, buf.width - x - 2), focused: true)
            buf.cursor = (min(cx, buf.width - 1), buf.height - 3)
        }
        if let (c, cutoff) = confirmNoShow {
            Dialog.render(into: &buf, title: t["board.noshow.confirmTitle"],
                          message: t.fill("board.noshow.confirmBody", s.files.clients[c]?.fullName ?? "", String(c), cutoff),
                          hints: t["board.noshow.confirmHint"], style: .warning)
        }
        if let (c, duringNight) = confirmCheckOut, let bed = s.bed(of: c, on: night) {
            let label = s.inventory.beds[bed]?.label ?? "", loc = s.inventory.beds[bed].flatMap { s.inventory.locations[$0.locationID]?.name } ?? ""
            Dialog.render(into: &buf, title: t["board.checkout.confirmTitle"],
                          message: t.fill("board.checkout.confirmBody", s.files.clients[c]?.fullName ?? "", String(c), label, loc, t.shortNight(night),
                                          t[duringNight ? "board.checkout.duringNight" : "board.checkout.morning"]),
                          hints: t["board.checkout.confirmHint"], style: .warning)
        }
        if let placements = confirmHousehold {
            // Everyone named, with the bed proposed.
            let list = placements.map { p in
                "\(s.inventory.beds[p.bed]?.label ?? "") → \(s.files.clients[p.client]?.fullName ?? "") (#\(p.client))"
            }.joined(separator: "\n")
            let loc = placements.first.flatMap { s.inventory.beds[$0.bed] }.flatMap { s.inventory.locations[$0.locationID]?.name } ?? ""
            Dialog.render(into: &buf, title: t["board.household.confirmTitle"],
                          message: t.fill("board.household.confirmBody", loc, t.shortNight(night)) + "\n" + list,
                          hints: t["board.household.confirmHint"], style: .warning)
        }
        if let r = request {
            let name = s.files.clients[r.client]?.fullName ?? ""
            let w = min(buf.width - 4, 64), h = 9
            let x = (buf.width - w) / 2, y = max(2, (buf.height - h) / 2)
            buf.fill(x: x, y: y, width: w, height: h)
            buf.box(x: x, y: y, width: w, height: h, style: .warning)
            buf.draw(" \(t["ext.title"]): \(name) ", x: x + 2, y: y, style: .warning, maxWidth: w - 4)
            var f = r.form
            f.render(into: &buf, x: x + 1, y: y + 2, width: w - 2, height: 5, labelWidth: 16)
            buf.draw(t["ext.formHint"], x: x + 2, y: y + h - 2, style: .muted, maxWidth: w - 4)
        }
    }

    /// The waiting list in a column of its own right of the board (wide screens): every name with
    /// number, the vulnerable marked "!", and the people turned away tonight.
    func renderWaitingBeside(into buf: inout Buffer, x: Int, y: Int, waiting: [WaitlistEntry], turned: Int, state s: ShelterState, strings t: Strings) {
        let w = buf.width - x - 2
        guard w >= 16 else { return }
        buf.draw(t.format("wait.title", waiting.count), x: x, y: y, style: .bold, maxWidth: w)
        let room = max(0, buf.height - 3 - y - 4)
        for (i, e) in waiting.prefix(room).enumerated() {
            let c = s.files.clients[e.clientID]
            let v = (c?.details.vulnerabilities.isEmpty ?? true) ? "" : "!"
            buf.draw("\(i + 1). \(v)\(c?.fullName ?? "") (#\(e.clientID))", x: x, y: y + 1 + i, style: .warning, maxWidth: w)
        }
        if waiting.count > room { buf.draw("…", x: x, y: y + 1 + room, style: .muted) }
        let below = y + 2 + min(room, waiting.count)
        buf.draw(t.format("wait.turnedAway", turned), x: x, y: below, style: .muted, maxWidth: w)
        buf.draw(t["wait.hint"], x: x, y: below + 1, style: .muted, maxWidth: w)
    }

    public func hints(_ t: Strings) -> [String] {
        if find != nil { return [t["board.hint.findDone"], t["hint.back"]] }
        if request != nil { return [t["hint.next"], t["hint.save"], t["hint.fields"], t["hint.back"]] }
        if cancelFor != nil { return [t["hint.save"], t["hint.back"]] }
        if jump != nil { return [t["hint.apply"], t["hint.back"]] }
        // Dropped from the right when narrow; F1 lists them all.
        return [t["board.hint.assign"], t["board.hint.checkin"], t["hint.allKeys"], t["board.hint.checkout"], t["board.hint.noshow"],
                t["board.hint.undo"], t["board.hint.find"], t["board.hint.location"], t["board.hint.cancel"], t["board.hint.waitlist"], t["board.hint.extension"], t["board.hint.tomorrow"], t["board.hint.night"],
                // Beyond the bar's width (dropped first; F10 stays last); F1 lists them with the rest.
                t["board.hint.checkoutNight"], t["board.hint.allNoShows"], t["board.hint.allTomorrow"], t["board.hint.free"], t["board.hint.room"], t["board.hint.household"], t["hint.quit"]]
    }
}
