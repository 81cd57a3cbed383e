/// Reads what `ByteWriter` wrote, bounds-checked: hostile or damaged bytes give a
/// `CodecError`, never a crash.
public struct ByteReader: ~Copyable {
    let base: UnsafeRawBufferPointer
    public private(set) var offset: Int

    public init(_ base: UnsafeRawBufferPointer) { self.base = base; self.offset = 0 }

    public var isAtEnd: Bool { offset >= base.count }

    @inline(__always)
    public mutating func u8() throws(CodecError) -> UInt8 {
        guard offset < base.count else { throw .truncated }
        let v = base[offset]; offset += 1
        return v
    }
    public mutating func u16() throws(CodecError) -> UInt16 {
        let lo = try u8(), hi = try u8()
        return UInt16(lo) | UInt16(hi) << 8
    }
    @inline(__always)
    public mutating func varint() throws(CodecError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try u8()
            if shift == 63, b > 1 { throw .malformed("varint overflow") }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
            if shift > 63 { throw .malformed("varint too long") }
        }
    }
    public mutating func int64() throws(CodecError) -> Int64 {
        let z = try varint()
        return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
    }
    public mutating func int32() throws(CodecError) -> Int32 {
        let v = try int64()
        guard let r = Int32(exactly: v) else { throw .malformed("number out of range") }
        return r
    }
    public mutating func int() throws(CodecError) -> Int {
        let v = try int64()
        guard abs(v) < 1 << 40 else { throw .malformed("number out of range") }
        return Int(v)
    }
    public mutating func bool() throws(CodecError) -> Bool {
        switch try u8() {
        case 0: return false
        case 1: return true
        default: throw .malformed("bad boolean")
        }
    }
    public mutating func string() throws(CodecError) -> String {
        let n = try varint()
        guard n <= UInt64(base.count - offset) else { throw .truncated }
        guard n > 0 else { return "" }
        let slice = UnsafeRawBufferPointer(rebasing: base[offset..<offset + Int(n)])
        offset += Int(n)
        let bytes = slice.bindMemory(to: UInt8.self)
        // `String(decoding:)` is fast but repairs bad input; text is taken only when the repair
        // changed nothing (ASCII always passes). `String(validating:)` costs several times more
        // (a generic path: it dominated opening a city's snapshot).
        let s = String(decoding: bytes, as: UTF8.self)
        guard bytes.allSatisfy({ $0 < 0x80 }) || s.utf8.elementsEqual(bytes) else {
            throw .malformed("text is not valid UTF-8")
        }
        return s
    }
    /// A length-prefixed block as a view into the same bytes (no copy).
    public mutating func block() throws(CodecError) -> UnsafeRawBufferPointer {
        let n = try varint()
        guard n <= UInt64(base.count - offset) else { throw .truncated }
        let r = UnsafeRawBufferPointer(rebasing: base[offset..<offset + Int(n)])
        offset += Int(n)
        return r
    }
    /// Everything not read yet, as a view (the reader is then at the end).
    public mutating func rest() -> UnsafeRawBufferPointer {
        let r = UnsafeRawBufferPointer(rebasing: base[offset...])
        offset = base.count
        return r
    }
    /// A little-endian fixed-width 32-bit value (for tables that are searched in place).
    public mutating func fixed32() throws(CodecError) -> UInt32 {
        guard base.count - offset >= 4 else { throw .truncated }
        let v = UInt32(base[offset]) | UInt32(base[offset + 1]) << 8 | UInt32(base[offset + 2]) << 16 | UInt32(base[offset + 3]) << 24
        offset += 4
        return v
    }
    public mutating func raw() throws(CodecError) -> [UInt8] {
        let n = try varint()
        guard n <= UInt64(base.count - offset) else { throw .truncated }
        let r = Array(base[offset..<offset + Int(n)])
        offset += Int(n)
        return r
    }
    public mutating func double() throws(CodecError) -> Double {
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(try u8()) << (8 * UInt64(i)) }
        return Double(bitPattern: bits)
    }
    public mutating func day() throws(CodecError) -> Day {
        let o = try int32()
        guard (-800_000...3_000_000).contains(o) else { throw .malformed("date out of range") }
        return Day(ordinal: o)
    }
    public mutating func optionalDay() throws(CodecError) -> Day? {
        try bool() ? try day() : nil
    }
}
