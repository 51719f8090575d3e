import PolicyCore
import PolicyModel

/// The records' text cut into windows, fetched only for the results on screen: what a result
/// shows (title, 文号, link, the document an interpretation belongs to) and the text around
/// its first match, in one small file.
///
/// Chunk k of record r (`t/<r>-<k>.bin`) is for matches starting in scalars
/// [k·size, (k+1)·size) and holds the text from `before` scalars earlier to `after` scalars
/// later. Chunk 0 starts with the record's header — what a result shows — and every chunk
/// then holds the window's start and the window, fields separated by U+0001:
///
///     chunk 0:  path · title · 文号 · title of the document interpreted · its path · window start · window
///     chunk k:  window start · window
///
/// The header is written once per record, not per chunk: a title repeated in each of a long
/// text's chunks made the index grow with title length times text length. A result whose
/// match is past the first chunk fetches chunk 0 as well, for its header.
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
        // Each record's windows depend on it alone: cut on all cores, joined in record order.
        files = Array(records.indices).parallelMap { r in
            let record = records[r]
            let document = library.documents[record.documentIndex]
            let owner =
                record.interpretation == nil
                ? ["", ""] : [document.title, SitePath.encoded(SitePath.document(document.id))]
            let header = ([record.path, record.title, record.number ?? ""] + owner).joined(separator: "\u{1}")
            var text = record.text
            return text.withUTF8 { utf8 in
                let starts = Self.scalarStarts(utf8)
                let scalarCount = starts.count - 1
                let chunkCount = max(1, (scalarCount + Self.size - 1) / Self.size)
                return (0..<chunkCount).map { k in
                    let start = max(0, k * Self.size - Self.before)
                    let end = min(scalarCount, (k + 1) * Self.size + Self.after)
                    let head = Array(((k == 0 ? header + "\u{1}" : "") + "\(start)\u{1}").utf8)
                    let window = UnsafeBufferPointer(rebasing: utf8[starts[start]..<starts[end]])
                    return (Self.path(record: r, chunk: k), Self.encode(head, window))
                }
            }
        }.flatMap { $0 }
    }

    static func path(record: Int, chunk: Int) -> String { "t/\(record)-\(chunk).bin" }

    /// The byte offset of every scalar of valid UTF-8, and its length last.
    private static func scalarStarts(_ utf8: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts: [Int] = []
        starts.reserveCapacity(utf8.count / 2 + 1)
        for (i, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 { starts.append(i) }
        starts.append(utf8.count)
        return starts
    }

    /// `head` then `window` (both valid UTF-8) as the smaller of UTF-16LE with a byte-order
    /// mark and UTF-8. Transcoded byte by byte, written here because going through scalars
    /// or a String per window cost more than the rest of the index.
    static func encode(_ head: [UInt8], _ window: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // UTF-16 takes a unit per scalar and a second one for a scalar of four UTF-8 bytes.
        func utf16Units(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var units = 0
            for byte in bytes {
                if byte & 0xC0 != 0x80 { units += 1 }
                if byte >= 0xF0 { units += 1 }
            }
            return units
        }
        let utf8Size = head.count + window.count
        let utf16Size = head.withUnsafeBufferPointer { 2 + 2 * (utf16Units($0) + utf16Units(window)) }
        guard utf16Size < utf8Size else { return head + Array(window) }
        return [UInt8](unsafeUninitializedCapacity: utf16Size) { out, written in
            out[0] = 0xFF
            out[1] = 0xFE
            written = 2
            func unit(_ value: UInt32) {
                out[written] = UInt8(value & 0xFF)
                out[written + 1] = UInt8(value >> 8)
                written += 2
            }
            func transcode(_ bytes: UnsafeBufferPointer<UInt8>) {
                var i = 0
                while i < bytes.count {
                    let lead = UInt32(bytes[i])
                    func next(_ k: Int) -> UInt32 { UInt32(bytes[i + k]) & 0x3F }
                    let scalar: UInt32
                    switch lead {
                    case ..<0x80: scalar = lead; i += 1
                    case ..<0xE0: scalar = (lead & 0x1F) << 6 | next(1); i += 2
                    case ..<0xF0: scalar = (lead & 0x0F) << 12 | next(1) << 6 | next(2); i += 3
                    default: scalar = (lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3); i += 4
                    }
                    if scalar < 0x10000 {
                        unit(scalar)
                    } else {
                        unit(0xD800 + (scalar - 0x10000) >> 10)
                        unit(0xDC00 + (scalar - 0x10000) & 0x3FF)
                    }
                }
            }
            head.withUnsafeBufferPointer { transcode($0) }
            transcode(window)
        }
    }
}
