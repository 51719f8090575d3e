import PolicyCore

/// `meta.bin`, which the page loads while the visitor is still typing: everything a query
/// needs besides the postings of its keys, so that a query makes one round of requests for
/// its keys and renders its result list, then one for its snippets. Raw deflate of:
///
///     varint facts length · facts (`SearchMeta`: filters, facets, ranking, statuses)
///     per record: path · title · 文号 ("" when none)          (length-prefixed UTF-8)
///     per record: chunk count · per chunk its piece code      (`t/`, `TextChunks`)
///     per shard: its piece code                               (`p/`, `ShardLayout`)
///     external count · per large key, sorted by name: name · its piece code
///                                   (`p/` too, after the shards: the table goes on from them)
///
/// A piece code is `compressed size << 1 | starts the next file` (`PackedPieces`): a piece
/// starts where the one before it in the same table ends. An interpretation's link to the
/// document it interprets is that document's record, the one before its interpretations.
struct IndexTables {
    static let path = "meta.bin"

    let bytes: [UInt8]

    init(
        facts: [UInt8], records: [SearchRecord], chunkCounts: [Int], text: PackedPieces, postings: PackedPieces,
        shardCount: Int, externalNames: [[UInt8]]
    ) {
        var out = ByteWriter(capacity: facts.count + records.count * 96)
        out.varint(facts.count)
        out.append(facts)
        for record in records {
            out.string(record.path)
            out.string(record.title)
            out.string(record.number ?? "")
        }
        var piece = 0
        for count in chunkCounts {
            out.varint(count)
            for _ in 0..<count {
                out.varint(text.code(piece))
                piece += 1
            }
        }
        for n in 0..<shardCount { out.varint(postings.code(n)) }
        out.varint(externalNames.count)
        for (i, name) in externalNames.enumerated() {
            out.varint(name.count)
            out.append(name)
            out.varint(postings.code(shardCount + i))
        }
        bytes = out.bytes
    }
}
