/// A one-line chart of a series (e.g. 90 nights of occupancy) with Unicode blocks ▁▂▃▄▅▆▇█.
public enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The last `width` values as blocks, scaled to `maximum` (or the series' maximum).
    public static func text(_ values: [Double], width: Int, maximum: Double? = nil) -> String {
        let shown = values.suffix(max(0, width))
        let top = maximum ?? shown.max() ?? 0
        return String(shown.map { v -> Character in
            guard top > 0, v > 0 else { return " " }
            return levels[min(7, Int((v / top * 7).rounded()))]
        })
    }
}
