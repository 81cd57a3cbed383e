/// A modal layer over the current screen.
public enum Overlay: Equatable, Sendable {
    case help
    case confirmQuit
    case error(String)
    /// Something the desk should know (not an error), e.g. vulnerable no-shows.
    case info(String)
}
