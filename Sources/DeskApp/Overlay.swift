import TerminalUI

/// A modal layer over the current screen.
public enum Overlay: Equatable, Sendable {
    case help
    case confirmQuit
    case error(String)
    /// Something the desk should know (not an error), e.g. vulnerable no-shows.
    case info(String)
    /// Leaving a form with unsaved input: `j` throws it away and carries out `Key` (Esc, an
    /// F-key), `n` or Esc goes back to the form with the input kept.
    case confirmDiscard(Key)
}
