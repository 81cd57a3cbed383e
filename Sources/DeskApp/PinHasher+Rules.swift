import Services

/// The PIN rules as the desk says them, in the user's language.
extension PinHasher {
    /// Nil when acceptable: at least `minimumLength` digits, digits only.
    public static func problem(_ pin: String, strings t: Strings) -> String? {
        if pin.isEmpty { return t["pin.required"] }
        if !pin.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) { return t["pin.digitsOnly"] }
        if pin.count < minimumLength { return t["pin.tooShort"] }
        return nil
    }
}
