import PolicyCore
import PolicyModel

/// The records' text cut into chunks, fetched only for the results on screen, for the text
/// around each one's first match (its snippet).
///
/// Chunk k of record r holds the UTF-8 of scalars [k·size, (k+1)·size) of the record's text
/// (`SearchRecord.text`, whose offsets the postings count in). The chunks do not overlap: the
/// chunks of a record are adjacent in their file (`PackedPieces`), so a snippet that crosses
/// a boundary is one range request for two chunks. What a result shows besides its snippet
/// (title, 文号, link) is in `meta.bin`, loaded with the page, so that the result list needs
/// no chunk.
struct TextChunks {
    static let size = 1000

    /// Per record, its chunks, compressed (`Deflate`) as they are cut, so that the whole text
    /// is never in memory uncompressed a second time.
    let chunks: [[[UInt8]]]

    init(records: [SearchRecord]) {
        // Each record's chunks depend on it alone: cut on all cores, joined in record order.
        chunks = records.parallelMap { record in
            var text = record.text
            return text.withUTF8 { utf8 in
                let starts = Self.scalarStarts(utf8)
                let scalarCount = starts.count - 1
                let chunkCount = max(1, (scalarCount + Self.size - 1) / Self.size)
                return (0..<chunkCount).map { k in
                    Deflate.compress(utf8[starts[min(scalarCount, k * Self.size)]..<starts[min(scalarCount, (k + 1) * Self.size)]])
                }
            }
        }
    }

    /// The byte offset of every scalar of valid UTF-8, and its length last.
    private static func scalarStarts(_ utf8: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts: [Int] = []
        starts.reserveCapacity(utf8.count / 2 + 1)
        for (i, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 { starts.append(i) }
        starts.append(utf8.count)
        return starts
    }
}
