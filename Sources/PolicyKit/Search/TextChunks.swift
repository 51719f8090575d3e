/// The records' text cut into windows, fetched only for the results on screen: what a result
/// shows (title, 文号, link, the document an interpretation belongs to) and the text around
/// its first match, in one small file.
///
/// Chunk k of record r (`t/<r>-<k>.bin`) is for matches starting in scalars
/// [k·size, (k+1)·size) and holds the text from `before` scalars earlier to `after` scalars
/// later, so a snippet never needs a second file. Its text is six header fields and the
/// window, separated by U+0001:
///
///     path · title · 文号 · title of the document interpreted · its path · window start · window
///
/// encoded as UTF-16LE with a byte-order mark when that is smaller (Chinese: 2 bytes a
/// character instead of 3), else as UTF-8 without one.
struct TextChunks {
    static let size = 1000
    static let before = 30
    static let after = 100

    /// Paths relative to the index folder, with their bytes.
    let files: [(path: String, bytes: [UInt8])]

    init(records: [SearchRecord], library: Library) {
        var files: [(String, [UInt8])] = []
        for (r, record) in records.enumerated() {
            let scalars = Array(record.text.unicodeScalars)
            let document = library.documents[record.documentIndex]
            let owner = record.interpretation == nil
                ? ["", ""] : [document.title, SitePath.encoded(SitePath.document(document.id))]
            let header = ([record.path, record.title, record.number ?? ""] + owner).joined(separator: "\u{1}")
            let chunkCount = max(1, (scalars.count + Self.size - 1) / Self.size)
            for k in 0..<chunkCount {
                let start = max(0, k * Self.size - Self.before)
                let end = min(scalars.count, (k + 1) * Self.size + Self.after)
                let head = Array((header + "\u{1}\(start)\u{1}").unicodeScalars)
                files.append((Self.path(record: r, chunk: k), Self.encode(head + scalars[start..<end])))
            }
        }
        self.files = files
    }

    static func path(record: Int, chunk: Int) -> String { "t/\(record)-\(chunk).bin" }

    /// The smaller of UTF-16LE (with BOM) and UTF-8. Encoded straight from the scalars:
    /// building a String per window first cost more than the rest of the index.
    static func encode(_ scalars: [Unicode.Scalar]) -> [UInt8] {
        var utf8Size = 0, utf16Size = 2
        for scalar in scalars {
            utf8Size += UTF8.width(scalar)
            utf16Size += 2 * UTF16.width(scalar)
        }
        var bytes: [UInt8] = []
        if utf16Size < utf8Size {
            bytes.reserveCapacity(utf16Size)
            bytes += [0xFF, 0xFE]
            for scalar in scalars {
                for unit in UTF16.encode(scalar)! {
                    bytes.append(UInt8(unit & 0xFF))
                    bytes.append(UInt8(unit >> 8))
                }
            }
        } else {
            bytes.reserveCapacity(utf8Size)
            for scalar in scalars { bytes += UTF8.encode(scalar)! }
        }
        return bytes
    }
}
