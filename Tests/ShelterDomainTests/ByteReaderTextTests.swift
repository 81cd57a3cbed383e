import ShelterDomain
import Testing

/// The codec's text reader: every valid name reads back exactly; anything that is not valid
/// UTF-8 is refused as malformed (never silently repaired into U+FFFD).
@Suite("Byte reader: text is valid UTF-8 or refused")
struct ByteReaderTextTests {
    static func read(_ payload: [UInt8]) throws(CodecError) -> String {
        var framed: [UInt8] = [UInt8(payload.count)]
        framed += payload
        do {
            return try framed.withUnsafeBytes { p in
                var r = ByteReader(p)
                return try r.string()
            }
        } catch let e as CodecError { throw e } catch { throw .malformed("\(error)") }
    }

    @Test("Names in every script read back exactly", arguments: ["", "Jan", "Łukasz Wójcik", "Ștefan", "Győző", "Иван Петров", "😀 Ana"])
    func valid(_ name: String) throws {
        #expect(try Self.read(Array(name.utf8)) == name)
    }

    @Test("Invalid UTF-8 is malformed: a stray byte, a cut sequence (also one as long as its repair), an overlong form, a surrogate",
          arguments: [[0xFF], [0x41, 0xC3], [0xF0, 0x9F, 0x98], [0xF0, 0x9F, 0x98, 0x41], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x80]] as [[UInt8]])
    func invalid(_ bytes: [UInt8]) {
        #expect(throws: CodecError.self) { try Self.read(bytes) }
    }
}
