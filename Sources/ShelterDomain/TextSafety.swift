/// Makes text that came from outside (file contents, field names, arguments) safe to print on a
/// terminal: control characters (ESC, BEL, OSC sequences, C1 controls, DEL) are shown as
/// `\u{1B}`-style escapes instead of being sent to the terminal.
public enum TextSafety {
    public static func escaped(_ s: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for u in s.unicodeScalars {
            if u.properties.generalCategory == .control || u.value == 0x7F || (0x80...0x9F).contains(u.value)
                || (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value) {
                out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
