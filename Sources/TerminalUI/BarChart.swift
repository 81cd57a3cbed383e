/// Horizontal bars with the number always beside the bar (never colour or length alone),
/// drawn with Unicode eighth blocks for sub-cell precision.
public enum BarChart {
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar of `value` out of `maximum` in `width` columns.
    public static func bar(_ value: Double, maximum: Double, width: Int) -> String {
        guard width > 0, maximum > 0, value > 0 else { return "" }
        let units = Int((min(value, maximum) / maximum * Double(width * 8)).rounded())
        return String(repeating: "█", count: units / 8) + eighths[units % 8]
    }

    public static func render(into buf: inout Buffer, x: Int, y: Int, width: Int, items: [(label: String, value: Int)]) {
        let labelWidth = min(max(4, items.map { TextWidth.width(of: $0.label) }.max() ?? 4), width / 3)
        let maxValue = items.map(\.value).max() ?? 0
        let numberWidth = String(maxValue).count
        let barWidth = max(0, width - labelWidth - numberWidth - 3)
        for (i, item) in items.enumerated() where y + i < buf.height {
            buf.draw(TextWidth.fit(item.label, labelWidth), x: x, y: y + i)
            let n = String(item.value)
            buf.draw(String(repeating: " ", count: numberWidth - n.count) + n, x: x + labelWidth + 1, y: y + i, style: .bold)
            buf.draw(bar(Double(item.value), maximum: Double(maxValue), width: barWidth), x: x + labelWidth + numberWidth + 2, y: y + i)
        }
    }
}
