import Crypto
import Foundation

/// A SHA-256 digest of a sequence of byte strings, to tell one set of inputs or outputs from
/// another: what decides that a build, a page or a search segment may be reused, the names
/// of the search index's folder and of the cache files.
///
/// Each piece added is framed by its length, so that "ab" + "c" and "a" + "bc" differ: a
/// digest of several pieces is a digest of the sequence, not of its concatenation.
package struct ContentDigest {
    private var hasher = SHA256()

    /// Characters in `hex`.
    package static let hexLength = 2 * SHA256.byteCount

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
        withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: bytes)
    }

    /// The digest's 32 bytes.
    package var bytes: [UInt8] { Array(hasher.finalize()) }

    /// The digest as 64 lowercase hex digits. Spelled out by hand: `String(format:)` costs
    /// more than hashing a page, and every file of a build is named or compared by its digest.
    package var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        let bytes = self.bytes
        return String(unsafeUninitializedCapacity: Self.hexLength) { buffer in
            for (k, byte) in bytes.enumerated() {
                buffer[2 * k] = digits[Int(byte >> 4)]
                buffer[2 * k + 1] = digits[Int(byte & 0xF)]
            }
            return Self.hexLength
        }
    }

    /// 64 bits of the digest, for a decision that must follow the content (a boundary).
    package var low64: UInt64 {
        bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }
}
