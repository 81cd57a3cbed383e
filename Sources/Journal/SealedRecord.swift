import Crypto
import Foundation
import ShelterDomain

/// The payload of a record whose event carries personal data (crypto-shredding). Layout:
///
/// ```
/// u16 64 (not an event tag: the sealed frame)   u8 version (1)   zig-zag client id
/// block: the redacted event, encoded as EventCodec does (readable without any key)
/// block: AES-256-GCM nonce (12) ‖ ciphertext ‖ tag (16) of the full event's encoding,
///        under the person's key, authenticating everything before it
/// ```
/// The hash chain covers these bytes, so destroying the key (an erasure) changes no record:
/// `verify` passes before and after, and the redacted half still counts nights and outflows.
public enum SealedRecord {
    public static let tag: UInt16 = 64
    static let version: UInt8 = 1

    /// The payload for `r`: sealed under `key` when the event has personal fields about a person.
    public static func encode(_ r: RecordedEvent, key: SymmetricKey, client: ClientID) -> [UInt8] {
        var redacted = r
        redacted.event = Redaction.event(r.event)
        var w = ByteWriter(capacity: 256)
        w.u16(tag); w.u8(version); w.int(client)
        w.raw(EventCodec.encode(redacted))
        let aad = w.bytes
        let plain = EventCodec.encode(r)
        // Sealing cannot fail for a valid 256-bit key and a fresh random nonce.
        let box = try! AES.GCM.seal(plain, using: key, nonce: AES.GCM.Nonce(), authenticating: aad)
        w.raw(Array(box.combined!))
        return w.bytes
    }

    /// True when the event has personal fields to seal.
    public static func needsSealing(_ e: Event) -> Bool { Redaction.event(e) != e }

    /// The client whose key a payload needs (nil: a plain record).
    public static func client(of payload: UnsafeRawBufferPointer) -> ClientID? {
        guard payload.count > 3, payload[0] == UInt8(tag & 0xFF), payload[1] == UInt8(tag >> 8) else { return nil }
        var r = ByteReader(payload)
        _ = try? r.u16(); _ = try? r.u8()
        return try? r.int32()
    }

    /// Decodes a payload, plain or sealed. A sealed one is opened with `key(client)`; without a
    /// key (erased, or the key store is missing) the redacted event is returned and `missing`
    /// says whose key it was. A key that does not open the fields is corruption, never ignored.
    public static func decode(_ p: UnsafeRawBufferPointer, key: (ClientID) -> SymmetricKey?) throws(CodecError) -> (RecordedEvent, missing: ClientID?) {
        guard let client = client(of: p) else { return (try EventCodec.decode(p), nil) }
        var r = ByteReader(p)
        _ = try r.u16()
        guard try r.u8() == version else { throw .unsupportedVersion(type: tag, version: p[2]) }
        _ = try r.int32()
        let publicPart = try r.block()
        let aadEnd = r.offset
        let sealed = try r.block()
        guard r.isAtEnd else { throw .malformed("extra bytes after the sealed fields") }
        guard let k = key(client) else { return (try EventCodec.decode(publicPart), client) }
        // With the key only the clear half's tag and sequence are read (to bind the halves).
        var pr = ByteReader(publicPart)
        let publicTag = try pr.u16()
        _ = try pr.u8()
        let publicSequence = try pr.varint()
        let plain: [UInt8]
        do {
            let box = try AES.GCM.SealedBox(combined: sealed)
            plain = Array(try AES.GCM.open(box, using: k, authenticating: UnsafeRawBufferPointer(rebasing: p[0..<aadEnd])))
        } catch {
            throw .malformed("the personal fields of client \(client) do not open with their key (the record or the key store was changed)")
        }
        let full = try EventCodec.decode(plain)
        guard full.sequence == publicSequence, full.event.tag == publicTag else {
            throw .malformed("the sealed fields of client \(client) belong to another record")
        }
        return (full, nil)
    }

    /// The event readable without keys (what `verify` and statistics see).
    public static func decodePublic(_ p: UnsafeRawBufferPointer) throws(CodecError) -> RecordedEvent {
        try decode(p, key: { _ in nil }).0
    }
}
