/// What a piece of text means on screen; backends map meanings to colours or attributes
/// (with a monochrome fallback), so meaning never depends on colour alone.
public enum Style: UInt8, Sendable, Hashable {
    case normal, bold, muted, selected, warning, error, success, header, banner
}
