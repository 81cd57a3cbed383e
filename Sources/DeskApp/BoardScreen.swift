import ShelterDomain
import TerminalUI

/// The bed board (F4): every bed on a night with its state, who is in it and their nights
/// against the limit. ← → change the night; `a` gives a free bed to a client (picked by search),
/// `i` checks a reserved person in, `x` releases a reservation as a no-show. Every action is a
/// domain command, re-decided under the journal lock, so two desks never give out one bed.
public struct BoardScreen: Equatable {
    public var night: Day
    public var list = ListView(count: 0)
    /// Show only free beds (`f`), for the moment someone asks for a bed.
    public var onlyFree = false

    public init(night: Day) { self.night = night }

    func rows(_ s: ShelterState) -> [BoardRow] {
        let all = BoardRow.board(s, night: night)
        return onlyFree ? all.filter { $0.state == .free } : all
    }

    public mutating func update(_ key: Key, state s: ShelterState) -> DeskEffect {
        let rows = self.rows(s)
        list.setCount(rows.count)
        let row = rows.indices.contains(list.selected) ? rows[list.selected] : nil
        switch key {
        case .escape: return .back
        case .left: night = night.adding(days: -1)
        case .right: night = night.adding(days: 1)
        case .char("a"), .enter where row?.state == .free:
            if let row, row.state == .free { return .pickClient(night: night, bed: row.bed.id) }
        case .char("i"), .enter where row?.state == .reserved:
            if let row, row.state == .reserved, let c = row.clientID { return .execute(.checkIn(night: night, client: c)) }
        case .char("t"):
            if let row, row.state != .free, let c = row.clientID {
                return .execute(.assignBed(night: night.adding(days: 1), bed: row.bed.id, client: c))
            }
        case .char("f"):
            onlyFree.toggle()
            list = ListView(count: 0)
        case .char("T"):
            return .reserveAllTomorrow(night: night)
        case .char("x"):
            if let row, row.state == .reserved, let c = row.clientID { return .execute(.releaseReservation(night: night, client: c, noShow: true)) }
        default:
            _ = list.handle(key, height: 14)
        }
        return .none
    }

    public mutating func render(into buf: inout Buffer, state s: ShelterState, strings t: Strings) {
        let all = BoardRow.board(s, night: night)
        let rows = self.rows(s)
        list.setCount(rows.count)
        buf.draw("\(t["board.title"]) · \(t["board.night"]) \(t.shortNight(night))-\(night.components.year)", x: 1, y: 2, style: .bold)
        let free = all.filter { $0.state == .free }.count, reserved = all.filter { $0.state == .reserved }.count
        let inside = all.filter { $0.state == .checkedIn }.count
        var summary = t.format("board.summary", all.count, free, reserved, inside)
        if onlyFree { summary += " · " + t["board.filterFree"] }
        buf.draw(summary, x: 2, y: 3, style: .muted, maxWidth: buf.width - 3)
        let nameWidth = max(10, buf.width - 4 - 5 - 14 - 13 - 8 - 4)
        var table = Table(columns: [TableColumn(t["board.col.bed"], width: 5), TableColumn(t["board.col.room"], width: 14),
                                    TableColumn(t["board.col.state"], width: 13), TableColumn(t["board.col.client"], width: nameWidth),
                                    TableColumn(t["board.col.nights"], width: 8, alignRight: true)],
                          rows: rows.map { r in
                              let who = r.clientID.flatMap { s.clients[$0]?.fullName } ?? ""
                              let count = r.nightsUsed.map { "\($0)/\(r.nightsAllowed.map(String.init) ?? "∞")\(r.extended ? "+" : "")" } ?? ""
                              let state = switch r.state {
                              case .free: t["board.state.free"]
                              case .reserved: t["board.state.reserved"]
                              case .checkedIn: t["board.state.checkedIn"]
                              case .closed: t["board.state.closed"]
                              }
                              return [r.bed.label, "\(r.location) \(r.room)", state, who, count]
                          })
        table.list = list
        table.render(into: &buf, x: 2, y: 5, width: buf.width - 4, height: max(2, buf.height - 8))
    }

    public func hints(_ t: Strings) -> [String] {
        [t["board.hint.assign"], t["board.hint.checkin"], t["board.hint.noshow"], t["board.hint.free"], t["board.hint.tomorrow"], t["board.hint.allTomorrow"],
         t["board.hint.night"], t["hint.back"], t["hint.quit"]]
    }
}
