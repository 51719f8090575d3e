/// Spreads the keys over small files so that a query fetches only what its keys need.
///
/// A key lives in shard `fnv1a32(UTF-8 of its name) % shardCount`. A shard file is:
/// entry count, then per entry — sorted by the name's bytes — the name (length-prefixed
/// UTF-8) and `size << 1 | external`, followed by the `size` bytes of postings unless external.
/// An external key's postings, larger than `externalThreshold`, are the whole of
/// `k/<shard>-<entry index>.bin`: the stub in the shard tells the browser that file's size, so
/// it can choose the cheapest keys to cover a long phrase before fetching any of them.
struct ShardLayout {
    /// Postings larger than this get a file of their own.
    static let externalThreshold = 1536
    /// The size shards aim at: what a query pays for each key besides its own bytes.
    static let targetShardBytes = 6144

    let shardCount: Int
    /// Paths relative to the index folder, with their bytes.
    let files: [(path: String, bytes: [UInt8])]

    init(keys: [PostingBuilder.Key]) {
        let inline = keys.reduce(0) { $0 + ($1.data.count > Self.externalThreshold ? 16 : $1.data.count + 8) }
        var count = 1
        while count * Self.targetShardBytes < inline, count < 1 << 16 { count *= 2 }
        shardCount = count

        var shards = [[(name: [UInt8], data: [UInt8])]](repeating: [], count: count)
        for key in keys {
            let name = Array(key.name.utf8)
            shards[Int(fnv1a32(name) % UInt32(count))].append((name, key.data))
        }
        var files: [(String, [UInt8])] = []
        for (n, entries) in shards.enumerated() {
            var out = ByteWriter()
            out.varint(entries.count)
            for (j, entry) in entries.sorted(by: { $0.name.lexicographicallyPrecedes($1.name) }).enumerated() {
                out.varint(entry.name.count)
                out.append(entry.name)
                let external = entry.data.count > Self.externalThreshold
                out.varint(entry.data.count << 1 | (external ? 1 : 0))
                if external {
                    files.append((Self.externalPath(shard: n, entry: j), entry.data))
                } else {
                    out.append(entry.data)
                }
            }
            files.append((Self.shardPath(n), out.bytes))
        }
        self.files = files
    }

    static func shardPath(_ n: Int) -> String { "p/\(n).bin" }
    static func externalPath(shard: Int, entry: Int) -> String { "k/\(shard)-\(entry).bin" }
}
