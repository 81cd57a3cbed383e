import ShelterDomain
import TerminalUI

/// Pending extension requests (F6): who, where, why, until when, asked by whom. Supervisors
/// approve (`a`) or decline (`d`); the domain refuses anyone else with a clear message.
public struct ApprovalsScreen: Equatable {
    public var list = ListView(count: 0)
    public init() {}

    static func pending(_ s: ShelterState) -> [ExtensionRequest] {
        s.extensions.values.filter { $0.status == .pending }.sorted { $0.id < $1.id }
    }

    public mutating func update(_ key: Key, state s: ShelterState) -> DeskEffect {
        let rows = ApprovalsScreen.pending(s)
        list.setCount(rows.count)
        let selected = rows.indices.contains(list.selected) ? rows[list.selected] : nil
        switch key {
        case .escape: return .back
        case .char("a"): if let r = selected { return .execute(.decideExtension(request: r.id, approve: true, until: nil, note: "")) }
        case .char("d"): if let r = selected { return .execute(.decideExtension(request: r.id, approve: false, until: nil, note: "")) }
        default: _ = list.handle(key, height: 12)
        }
        return .none
    }

    public mutating func render(into buf: inout Buffer, state s: ShelterState, strings t: Strings) {
        buf.draw(t["appr.title"], x: 1, y: 2, style: .bold, maxWidth: buf.width - 2)
        let rows = ApprovalsScreen.pending(s)
        list.setCount(rows.count)
        guard !rows.isEmpty else { buf.draw(t["appr.none"], x: 2, y: 4, style: .muted); return }
        let nameWidth = max(10, buf.width - 4 - 10 - 16 - 10 - 12 - 5)
        var table = Table(columns: [TableColumn(t["appr.col.client"], width: nameWidth), TableColumn(t["appr.col.location"], width: 10),
                                    TableColumn(t["appr.col.reason"], width: 16), TableColumn(t["appr.col.until"], width: 10),
                                    TableColumn(t["appr.col.by"], width: 12)],
                          rows: rows.map { r in
                              let nights = s.nightsUsed(by: r.clientID, windowDays: s.locations[r.locationID]?.policy.windowDays ?? 90,
                                                        endingWith: r.requestedUntil)
                              let who = (s.clients[r.clientID]?.fullName ?? "#\(r.clientID)") + " (\(nights))"
                              return [who, s.locations[r.locationID]?.name ?? "", t["reason.\(r.reason.rawValue)"], r.requestedUntil.dutch,
                                      s.staff[r.requestedBy]?.displayName ?? ""]
                          })
        table.list = list
        table.render(into: &buf, x: 2, y: 4, width: buf.width - 4, height: max(2, buf.height - 9))
        if let r = rows.indices.contains(list.selected) ? rows[list.selected] : nil, !r.note.isEmpty {
            buf.draw("“\(r.note)”", x: 2, y: buf.height - 4, style: .muted, maxWidth: buf.width - 3)
        }
    }
}
