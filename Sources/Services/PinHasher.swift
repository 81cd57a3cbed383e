import _CryptoExtras
import Crypto
import Foundation
import ShelterDomain

/// Turns PINs into salted PBKDF2-HMAC-SHA256 hashes and checks them. The PIN itself is never
/// stored, logged or written to the journal.
///
/// Cost: every credential stores its own round count, so hashes made with an older, cheaper
/// `rounds` keep verifying while new ones use the current cost. With at least `minimumLength`
/// digits (10^8 PINs) and `rounds` PBKDF2 rounds (measured: ~0.15 s of CPU per guess in a
/// release build), an offline search of every PIN of a stolen journal takes ~170 core-days (the
/// old 5 digits × 210,000 rounds: ~3.6 hours); a login stays well under half a second.
public enum PinHasher {
    public static let algorithm = "pbkdf2-sha256"
    public static let rounds: UInt32 = 800_000
    /// Fewest digits in a new PIN.
    public static let minimumLength = 8

    public static func make(pin: String) -> PinCredential {
        var g = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &g) }
        return PinCredential(algorithm: algorithm, rounds: rounds, salt: salt, hash: derive(pin: pin, salt: salt, rounds: rounds))
    }

    static func derive(pin: String, salt: [UInt8], rounds: UInt32) -> [UInt8] {
        let key = try! KDF.Insecure.PBKDF2.deriveKey(from: Array(pin.utf8), salt: salt, using: .sha256,
                                                     outputByteCount: 32, unsafeUncheckedRounds: Int(rounds))
        return key.withUnsafeBytes { Array($0) }
    }

    /// Constant-time comparison of the derived hash.
    public static func verify(pin: String, against c: PinCredential) -> Bool {
        guard c.algorithm == algorithm, c.rounds >= 1 else { return false }
        let d = derive(pin: pin, salt: c.salt, rounds: c.rounds)
        guard d.count == c.hash.count else { return false }
        var diff: UInt8 = 0
        for (a, b) in zip(d, c.hash) { diff |= a ^ b }
        return diff == 0
    }
}
