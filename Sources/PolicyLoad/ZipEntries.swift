import PolicyCore

/// The files of a zip archive (an XLSX workbook), read from its bytes: the central directory
/// names each entry and where its data is; an entry is stored (method 0) or deflated (8).
/// Written by hand on zlib's raw inflate (`RawInflate`) because ZIPFoundation, the package for this, brings
/// a zlib module of its own that clashes with this package's `CZlib`; a workbook needs only
/// this much of the format (no encryption, no zip64, no spanning).
struct ZipEntries {
    struct Problem: Error { let why: String }

    private let bytes: [UInt8]
    /// Entry name → (method, compressed size, uncompressed size, local header offset).
    private let entries: [String: (method: Int, size: Int, uncompressed: Int, offset: Int)]

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        // The end-of-central-directory record: within the last 64 KiB + 22 bytes.
        guard bytes.count >= 22,
            let end = stride(from: bytes.count - 22, through: max(0, bytes.count - 65_557), by: -1).first(where: {
                ZipEntries.u32(bytes, $0) == 0x0605_4B50
            })
        else { throw Problem(why: "不是 zip 文件") }
        let count = ZipEntries.u16(bytes, end + 10)
        var at = Int(ZipEntries.u32(bytes, end + 16))
        var entries: [String: (Int, Int, Int, Int)] = [:]
        for _ in 0..<count {
            guard at + 46 <= bytes.count, ZipEntries.u32(bytes, at) == 0x0201_4B50 else { throw Problem(why: "目录损坏") }
            let nameLength = ZipEntries.u16(bytes, at + 28)
            let skip = nameLength + ZipEntries.u16(bytes, at + 30) + ZipEntries.u16(bytes, at + 32)
            guard at + 46 + nameLength <= bytes.count else { throw Problem(why: "目录损坏") }
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            entries[name] = (
                ZipEntries.u16(bytes, at + 10), Int(ZipEntries.u32(bytes, at + 20)), Int(ZipEntries.u32(bytes, at + 24)),
                Int(ZipEntries.u32(bytes, at + 42))
            )
            at += 46 + skip
        }
        self.entries = entries
    }

    /// The entry's bytes, nil when there is no such entry; bounded by `limit`.
    func data(_ name: String, limit: Int) throws -> [UInt8]? {
        guard let e = entries[name] else { return nil }
        guard e.uncompressed <= limit else { throw Problem(why: "\(name) 超过 \(limit >> 20) MB") }
        guard e.offset + 30 <= bytes.count, ZipEntries.u32(bytes, e.offset) == 0x0403_4B50 else {
            throw Problem(why: "\(name) 损坏")
        }
        let start = e.offset + 30 + ZipEntries.u16(bytes, e.offset + 26) + ZipEntries.u16(bytes, e.offset + 28)
        guard start + e.size <= bytes.count else { throw Problem(why: "\(name) 不完整") }
        let raw = bytes[start..<(start + e.size)]
        switch e.method {
        case 0: return Array(raw)
        case 8:
            guard let out = RawInflate.inflate(raw, limit: limit) else { throw Problem(why: "\(name) 无法解压") }
            return out
        default: throw Problem(why: "\(name) 使用了不支持的压缩方式 \(e.method)")
        }
    }

    private static func u16(_ b: [UInt8], _ i: Int) -> Int { i + 1 < b.count ? Int(b[i]) | Int(b[i + 1]) << 8 : 0 }

    private static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        i + 3 < b.count ? UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24 : 0
    }
}
