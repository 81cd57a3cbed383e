import Crypto

/// Carries an export key to code that does not import Crypto itself.
public struct SymmetricKeyBox: @unchecked Sendable {
    public let key: SymmetricKey
    public init(_ key: SymmetricKey) { self.key = key }
}
