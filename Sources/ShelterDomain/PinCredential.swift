/// A salted key-derivation hash of a PIN. The PIN itself is never stored anywhere.
public struct PinCredential: Hashable, Sendable {
    /// Name of the KDF and its parameters, e.g. "pbkdf2-sha256".
    public var algorithm: String
    public var rounds: UInt32
    public var salt: [UInt8]
    public var hash: [UInt8]
    public init(algorithm: String, rounds: UInt32, salt: [UInt8], hash: [UInt8]) {
        self.algorithm = algorithm; self.rounds = rounds; self.salt = salt; self.hash = hash
    }
}
