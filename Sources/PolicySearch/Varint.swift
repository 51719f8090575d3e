import PolicyCore

/// The index's binary files are streams of unsigned LEB128 varints (7 bits a byte, low bits
/// first, high bit set on every byte but the last): small numbers — deltas between sorted
/// record numbers and positions — take one byte, and the browser decodes them in a few lines.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    @inline(__always)
    mutating func varint(_ value: Int) {
        precondition(value >= 0, "varint of a negative number")
        var v = UInt(value)
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// A signed number, zig-zag encoded so that small negative numbers stay short.
    mutating func signed(_ value: Int) { varint(value >= 0 ? value << 1 : ((-value) << 1) - 1) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func append(_ other: some Collection<UInt8>) { bytes.append(contentsOf: other) }

    /// Empties the buffer, keeping its storage for reuse.
    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// A length-prefixed UTF-8 string.
    mutating func string(_ text: String) {
        varint(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }
}

/// Reads what `ByteWriter` wrote; nil when the bytes run out (a truncated file).
struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func varint() -> Int? {
        var value = 0
        var shift = 0
        while offset < bytes.count {
            let b = bytes[offset]
            offset += 1
            value |= Int(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    mutating func signed() -> Int? {
        guard let v = varint() else { return nil }
        return v & 1 == 0 ? v >> 1 : -((v + 1) >> 1)
    }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func string() -> String? {
        guard let n = varint(), let raw = take(n) else { return nil }
        return String(decoding: raw, as: UTF8.self)
    }
}

/// FNV-1a, 32 bits: which shard a key lives in (`decode.js` computes the same with `Math.imul`).
func fnv1a32(_ bytes: some Sequence<UInt8>) -> UInt32 {
    var h: UInt32 = 0x811C_9DC5
    for b in bytes { h = (h ^ UInt32(b)) &* 0x0100_0193 }
    return h
}
