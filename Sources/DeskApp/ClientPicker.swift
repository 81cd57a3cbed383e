import ShelterDomain
import TerminalUI

/// Choosing the client for a free bed on a night, or (no bed) for that night's waiting list:
/// a client search whose Enter reports the person chosen (`.picked`), titled with the bed and
/// the night. Opened over the board; the session gives the bed and pops back to the board.
public struct ClientPicker: Equatable {
    public var search: SearchScreen
    /// The free bed the person is for (nil: the waiting list).
    public var bed: BedID?
    public var night: Day

    public init(search: SearchScreen, bed: BedID?, night: Day) {
        self.search = search; self.bed = bed; self.night = night
    }
}

extension ClientPicker: Screen {
    /// A key for the search; the choice itself is an effect (`.picked`), carried out by the session.
    public mutating func update(_ message: ScreenMessage, context c: ScreenContext) -> DeskEffect {
        guard case .key(let key) = message else { return .none }
        return search.update(key, index: c.index, state: c.state)
    }

    public mutating func render(into buf: inout Buffer, context c: ScreenContext) {
        search.render(into: &buf, state: c.state, night: night, strings: c.strings)
        let t = c.strings
        let title = bed.map { t["board.pick"].replacingOccurrences(of: "%s", with: c.state.inventory.beds[$0]?.label ?? "") } ?? t["wait.pick"]
        buf.draw(title + " · \(t.shortNight(night))", x: 1, y: 2, style: .bold, maxWidth: buf.width - 2)
    }

    public func keyHints(_ c: ScreenContext) -> [String] {
        let t = c.strings
        return [t["hint.type"], "↑↓", t["hint.choose"], t["hint.back"], t["hint.quit"]]
    }

    /// The search is typed.
    public var capturesText: Bool { true }
}
