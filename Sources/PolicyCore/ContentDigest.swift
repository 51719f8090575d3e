import Foundation

/// A 128-bit digest of byte streams, to tell one set of inputs or outputs from another: the
/// build cache's key and the search index's folder name. Not for security.
///
/// Written here because the toolchain on Linux offers no hash of its own (CryptoKit is
/// Apple-only) and a cryptographic one would cost more than the work it guards: the index
/// alone is over 100 MB on a large library. It reads eight bytes at a time into two lanes
/// with different multipliers, and folds in each chunk's length so that "ab"+"c" and
/// "a"+"bc" differ.
package struct ContentDigest {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    package init() {}

    package mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    package mutating func add(_ data: Data) {
        data.withUnsafeBytes { add($0) }
    }

    package mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add($0) }
    }

    package mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        for k in offset..<bytes.count { tail |= UInt64(bytes[k]) << (8 * UInt64(k - offset)) }
        mix(tail)
        mix(UInt64(bytes.count))
    }

    private mutating func mix(_ word: UInt64) {
        a = ((a ^ word) &* 0x0000_0100_0000_01B3).rotated(31)
        b = ((b &+ word) &* 0xFF51_AFD7_ED55_8CCD).rotated(27) ^ a
    }

    /// 32 hex digits. Spelled out by hand: `String(format:)` cost more than hashing a page,
    /// and every file of a build is named or compared by its digest.
    package var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 32) { buffer in
            for (half, value) in [Self.finish(a ^ b.rotated(17)), Self.finish(b)].enumerated() {
                for k in 0..<16 { buffer[half * 16 + k] = digits[Int(value >> (60 - 4 * UInt64(k)) & 0xF)] }
            }
            return 32
        }
    }

    /// 64 bits of the digest, for a decision that must follow the content (a boundary).
    package var low64: UInt64 { Self.finish(b) }

    /// A last avalanche so that every input bit reaches every output bit.
    private static func finish(_ x: UInt64) -> UInt64 {
        var x = x
        x ^= x >> 33; x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33; x = x &* 0xC4CE_B9FE_1A85_EC53
        return x ^ (x >> 33)
    }
}

private extension UInt64 {
    func rotated(_ k: UInt64) -> UInt64 { self << k | self >> (64 - k) }
}
