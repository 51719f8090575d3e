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
                var window = String.UnicodeScalarView()
                window.append(contentsOf: scalars[start..<end])
                let text = header + "\u{1}\(start)\u{1}" + String(window)
                files.append((Self.path(record: r, chunk: k), Self.encode(text)))
            }
        }
        self.files = files
    }

    static func path(record: Int, chunk: Int) -> String { "t/\(record)-\(chunk).bin" }

    /// The smaller of UTF-16LE (with BOM) and UTF-8.
    static func encode(_ text: String) -> [UInt8] {
        let utf16Size = 2 + 2 * text.utf16.count
        guard utf16Size < text.utf8.count else { return Array(text.utf8) }
        var bytes: [UInt8] = [0xFF, 0xFE]
        bytes.reserveCapacity(utf16Size)
        for unit in text.utf16 {
            bytes.append(UInt8(unit & 0xFF))
            bytes.append(UInt8(unit >> 8))
        }
        return bytes
    }
}
