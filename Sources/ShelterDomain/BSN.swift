/// The Dutch citizen service number (burgerservicenummer): nine digits passing the 11-check
/// (9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11, and not zero).
public enum BSN {
    public static func isValid(_ s: String) -> Bool {
        let digits = s.compactMap(\.wholeNumberValue)
        guard s.count == 9, digits.count == 9, s.allSatisfy(\.isASCII) else { return false }
        var sum = 0
        for (i, d) in digits.enumerated() { sum += (i == 8 ? -1 : 9 - i) * d }
        return sum != 0 && sum % 11 == 0
    }
}
