import ShelterDomain
import TerminalUI

/// Supervisors: make two records of one person one. Both records side by side; for every field
/// that differs ← → picks which value survives. Enter asks first, naming both records; `j`/`y`
/// then merges (one event: everything of the second record moves into the first; it cannot be
/// taken back); the domain refuses when both had a bed on one night.
public struct MergeScreen: Equatable {
    public var survivor: ClientID
    public var absorbed: ClientID
    /// Field groups that differ, each with a choice of 0 (this file) or 1 (the other record).
    public var fields: [String]
    public var form: ScrollForm
    /// Enter was pressed: the "merge these two?" question is open.
    public var confirming = false

    static let groups = ["given_names", "family_names", "alias", "birth", "gender", "nationality", "arrived_nl", "details"]

    public init(survivor a: Client, absorbed b: Client, strings t: Strings) {
        survivor = a.id; absorbed = b.id
        let va = ClientFields.values(of: a), vb = ClientFields.values(of: b)
        func show(_ c: Client, _ v: [String: String], _ g: String) -> String {
            if g == "details" {
                let filled = ClientFields.names.dropFirst(7).filter { !(v[$0] ?? "").isEmpty }.count
                return t.count("merge.detailsCount", filled) + (c.details.consent.status == .given ? "" : " (\(t["flag.minimum"]))")
            }
            let s = v[g] ?? ""
            return s.isEmpty ? "—" : s
        }
        fields = Self.groups.filter { g in
            g == "details" ? a.details != b.details : va[g] != vb[g]
        }
        form = ScrollForm(rows: fields.map { g in
            FormRow(t["field.\(g)"], .choice(Choice(["#\(a.id): \(show(a, va, g))", "#\(b.id): \(show(b, vb, g))"])))
        })
    }

    /// The surviving values: the first record's, with the fields where the other was chosen.
    public func values(state s: ShelterState) -> Client? {
        guard var c = s.files.clients[survivor], let o = s.files.clients[absorbed] else { return nil }
        for (i, g) in fields.enumerated() where form[i].choiceIndex == 1 {
            switch g {
            case "given_names": c.givenNames = o.givenNames
            case "family_names": c.familyNames = o.familyNames
            case "alias": c.alias = o.alias
            case "birth": c.birth = o.birth
            case "gender": c.gender = o.gender
            case "nationality": c.nationality = o.nationality
            case "arrived_nl": c.arrivedNL = o.arrivedNL
            case "details": c.details = o.details
            default: break
            }
        }
        // Without consent in the surviving details, the minimum rule applies to the merged record too.
        if c.details.consent.status != .given { c.birth = nil; c.arrivedNL = nil }
        return c
    }

    public mutating func update(_ key: Key, state s: ShelterState) -> DeskEffect {
        if confirming {
            switch key {
            case .char("j"), .char("J"), .char("y"), .char("Y"):
                confirming = false
                guard let v = values(state: s) else { return .none }
                return .execute(.mergeClients(survivor: survivor, absorbed: absorbed, values: v))
            case .char("n"), .char("N"), .escape: confirming = false
            default: break
            }
            return .none
        }
        switch key {
        case .escape: return .back
        case .enter: form.move(true); return .none  // next field; ^S merges (after the confirmation)
        case .ctrl("s"): confirming = true; return .none
        default: _ = form.handle(key); return .none
        }
    }

    public mutating func render(into buf: inout Buffer, state s: ShelterState, strings t: Strings) {
        let a = s.files.clients[survivor]?.fullName ?? "", b = s.files.clients[absorbed]?.fullName ?? ""
        buf.draw("\(t["merge.title"]) #\(absorbed) \(b) → #\(survivor) \(a)", x: 1, y: 2, style: .bold, maxWidth: buf.width - 2)
        buf.draw(t["merge.body"], x: 2, y: 3, style: .muted, maxWidth: buf.width - 3)
        if fields.isEmpty { buf.draw(t["merge.same"], x: 2, y: 5, maxWidth: buf.width - 3); return }
        form.render(into: &buf, x: 1, y: 5, width: buf.width - 2, height: buf.height - 8, labelWidth: min(20, buf.width / 4))
        buf.cursor = nil
        if confirming { renderConfirm(into: &buf, state: s, strings: t) }
    }

    /// "Merge #12 Jan Jansen into #7 Jan Jansen?": both names, numbers and birth dates.
    func renderConfirm(into buf: inout Buffer, state s: ShelterState, strings t: Strings) {
        func who(_ id: ClientID) -> String {
            guard let c = s.files.clients[id] else { return "#\(id)" }
            return "\(c.fullName) (#\(id), \(SearchScreen.born(c, t)))"
        }
        Dialog.render(into: &buf, title: t["merge.confirm.title"], message: t.fill("merge.confirm.body", who(absorbed), who(survivor)),
                      hints: t["merge.confirm.hint"], style: .warning)
    }
}

extension MergeScreen: Screen {
    /// A key; or the outcome of the merge: recorded goes back to the file and says so; refused
    /// (both had a bed on one night) keeps the choices made.
    public mutating func update(_ message: ScreenMessage, context c: ScreenContext) -> DeskEffect {
        switch message {
        case .key(let key): return update(key, state: c.state)
        case .recorded: return .backSaying(c.strings["merge.done"])
        case .tick, .refused: return .none
        }
    }

    public mutating func render(into buf: inout Buffer, context c: ScreenContext) {
        render(into: &buf, state: c.state, strings: c.strings)
    }

    public func keyHints(_ c: ScreenContext) -> [String] {
        let t = c.strings
        return [t["hint.fields"], "← →", t["merge.hint"], t["hint.back"]]
    }
}
