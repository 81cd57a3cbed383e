/// A modal layer over the current screen.
public enum Overlay: Equatable, Sendable {
    case help
    case confirmQuit
    case error(String)
}
