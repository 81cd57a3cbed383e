/// Appends the compact binary encoding used for event payloads: LEB128 varints, zig-zag for
/// signed values, length-prefixed UTF-8 strings. Fast to decode (millions of events per second).
public struct ByteWriter {
    public private(set) var bytes: [UInt8] = []
    public init(capacity: Int = 64) { bytes.reserveCapacity(capacity) }

    public mutating func u8(_ v: UInt8) { bytes.append(v) }
    public mutating func u16(_ v: UInt16) { bytes.append(UInt8(v & 0xFF)); bytes.append(UInt8(v >> 8)) }
    public mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 { bytes.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }
    public mutating func int(_ v: Int64) { varint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }
    public mutating func int(_ v: Int32) { int(Int64(v)) }
    public mutating func int(_ v: Int) { int(Int64(v)) }
    public mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { buf in varint(UInt64(buf.count)); bytes.append(contentsOf: buf) }
    }
    /// A little-endian fixed-width 32-bit value (for tables that are searched in place).
    public mutating func fixed32(_ v: UInt32) { for i in 0..<4 { bytes.append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) } }
    public mutating func raw(_ b: [UInt8]) { varint(UInt64(b.count)); bytes.append(contentsOf: b) }
    public mutating func double(_ d: Double) {
        let bits = d.bitPattern
        for i in 0..<8 { bytes.append(UInt8((bits >> (8 * UInt64(i))) & 0xFF)) }
    }
    public mutating func day(_ d: Day) { int(d.ordinal) }
    public mutating func optionalDay(_ d: Day?) {
        if let d { bool(true); day(d) } else { bool(false) }
    }
}
