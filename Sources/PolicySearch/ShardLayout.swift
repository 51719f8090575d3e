import Foundation
import PolicyCore

/// Spreads the keys over small files so that a query fetches only what its keys need.
///
/// A key lives in shard `fnv1a32(UTF-8 of its name) % shardCount`. A shard file is:
/// entry count, then per entry — sorted by the name's bytes — the name (length-prefixed
/// UTF-8) and `size << 1 | external`, followed by the `size` bytes of postings unless external.
/// An external key's postings, larger than `externalThreshold`, are the whole of
/// `k/<shard>-<entry index>.bin`: the stub in the shard gives that file's size, from which the
/// browser chooses the cheapest keys to cover a long phrase when `x.bin` is not (yet) loaded.
///
/// `x.bin` lists every external key, so that the browser can fetch a large key's postings in
/// the same round as its shard instead of after it, and choose a long phrase's cover before
/// fetching anything: entry count, then per external key, sorted by name hash, the varints
/// `hash − previous hash`, entry index and size. Its shard is `hash % shardCount`. The hash
/// alone does not identify a key, so the browser still reads the shard to confirm.
struct ShardLayout {
    /// Postings larger than this get a file of their own.
    static let externalThreshold = 1536
    /// The size shards aim at: what a query pays for each key besides its own bytes.
    static let targetShardBytes = 6144

    let shardCount: Int
    /// Paths relative to the index folder, with their bytes.
    let files: [(path: String, bytes: [UInt8])]

    init(index: PostingIndex) {
        let count = Self.shardCount(inlineBytes: index.sizes.reduce(0) { $0 + ($1 > Self.externalThreshold ? 16 : $1 + 8) })
        shardCount = count

        var buckets = [[Int32]](repeating: [], count: count)
        for k in 0..<index.keyCount {
            buckets[Int(fnv1a32(index.name(k)) % UInt32(count))].append(Int32(k))
        }
        let shards = buckets  // read by every stripe
        // Names compare by their first eight bytes, packed into one number, before any
        // byte-by-byte comparison: the sort of every shard is a good part of the layout's time.
        let prefixes = (0..<index.keyCount).map { k in
            index.name(k).prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (56 - 8 * $1.offset) }
        }
        // The shards are independent: stripes of them are written on all cores, then joined
        // in shard order, so the files come out in the same order however the work was split.
        let stripes = PolicyCore.stripes(of: count).parallelMap { range in
            var stripe = Stripe()
            for n in range { Self.writeShard(n, keys: shards[n], prefixes: prefixes, index: index, into: &stripe) }
            return stripe
        }
        var files = stripes.flatMap(\.files)
        let externals = stripes.flatMap(\.externals)
        files.append((Self.externalListPath, Self.externalList(externals)))
        self.files = files
    }

    /// The fewest shards, a power of two, that keep them near `targetShardBytes`.
    private static func shardCount(inlineBytes: Int) -> Int {
        var count = 1
        while count * targetShardBytes < inlineBytes, count < 1 << 16 { count *= 2 }
        return count
    }

    /// What one stripe of shards produced: their files, and their keys with postings of
    /// their own (for `x.bin`).
    private struct Stripe {
        var files: [(path: String, bytes: [UInt8])] = []
        var externals: [(hash: UInt32, entry: Int, size: Int)] = []
    }

    /// Writes shard `n` of `keys` (key ids), sorted by name, and the files of its large keys.
    private static func writeShard(
        _ n: Int, keys: [Int32], prefixes: [UInt64], index: PostingIndex,
        into stripe: inout Stripe
    ) {
        var out = ByteWriter(
            capacity: keys.reduce(4) { size, key in
                let k = Int(key)
                return size + 10 + index.name(k).count + (index.sizes[k] > Self.externalThreshold ? 0 : index.sizes[k])
            })
        out.varint(keys.count)
        let sorted = keys.sorted { a, b in
            let (x, y) = (prefixes[Int(a)], prefixes[Int(b)])
            return x != y ? x < y : index.name(Int(a)).lexicographicallyPrecedes(index.name(Int(b)))
        }
        for (j, key) in sorted.enumerated() {
            let k = Int(key)
            let name = index.name(k)
            out.varint(name.count)
            out.append(name)
            let size = index.sizes[k]
            let external = size > Self.externalThreshold
            out.varint(size << 1 | (external ? 1 : 0))
            if external {
                stripe.externals.append((fnv1a32(name), j, size))
                var data = ByteWriter(capacity: size)
                index.write(key: k, into: &data)
                stripe.files.append((Self.externalPath(shard: n, entry: j), data.bytes))
            } else {
                index.write(key: k, into: &out)
            }
        }
        stripe.files.append((Self.shardPath(n), out.bytes))
    }

    private static func externalList(_ externals: [(hash: UInt32, entry: Int, size: Int)]) -> [UInt8] {
        var out = ByteWriter(capacity: 4 + externals.count * 6)
        out.varint(externals.count)
        var previous: UInt32 = 0
        for e in externals.sorted(by: { ($0.hash, $0.entry) < ($1.hash, $1.entry) }) {
            out.varint(Int(e.hash - previous))
            out.varint(e.entry)
            out.varint(e.size)
            previous = e.hash
        }
        return out.bytes
    }

    static let externalListPath = "x.bin"
    static func shardPath(_ n: Int) -> String { "p/\(n).bin" }
    static func externalPath(shard: Int, entry: Int) -> String { "k/\(shard)-\(entry).bin" }
}
