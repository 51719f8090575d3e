import Foundation
import PolicyCore

/// Spreads the keys over shards so that a query fetches only what its keys need.
///
/// A key lives in shard `fnv1a32(UTF-8 of its name) % shardCount`. A shard is: entry count,
/// then per entry — sorted by the name's bytes — the name (length-prefixed UTF-8) and
/// `size << 1 | external`, followed by the `size` bytes of postings unless external. An
/// external key's postings, larger than `externalThreshold`, are a piece of their own.
///
/// The external keys are listed by name in `meta.bin` (`IndexTables`, loaded with the page),
/// with their pieces' sizes, so that the browser fetches a large key's postings without its
/// shard, and chooses a long phrase's cover before fetching anything. Shards and external
/// pieces are compressed and packed into a few files by `PackedPieces`.
struct ShardLayout {
    /// Postings larger than this get a piece of their own.
    static let externalThreshold = 1536
    /// The size shards aim at: what a query pays for each key besides its own bytes.
    static let targetShardBytes = 6144

    /// A key whose postings are a piece of their own.
    struct External {
        var name: [UInt8]
        var bytes: [UInt8]
    }

    let shardCount: Int
    /// Shard n's bytes, compressed (`Deflate`): each is compressed as soon as it is written,
    /// so that the uncompressed index is never in memory whole.
    var shards: [[UInt8]]
    /// The large keys' postings, compressed, sorted by name.
    var externals: [External]

    init(index: PostingIndex) {
        let count = Self.shardCount(inlineBytes: index.sizes.reduce(0) { $0 + ($1 > Self.externalThreshold ? 16 : $1 + 8) })
        shardCount = count

        var buckets = [[Int32]](repeating: [], count: count)
        for k in 0..<index.keyCount {
            buckets[Int(fnv1a32(index.name(k)) % UInt32(count))].append(Int32(k))
        }
        let keysOfShard = buckets  // read by every stripe
        // Names compare by their first eight bytes, packed into one number, before any
        // byte-by-byte comparison: the sort of every shard is a good part of the layout's time.
        let prefixes = (0..<index.keyCount).map { k in
            index.name(k).prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (56 - 8 * $1.offset) }
        }
        // The shards are independent: stripes of them are written on all cores, then joined
        // in shard order, so the files come out in the same order however the work was split.
        let stripes = PolicyCore.stripes(of: count).parallelMap { range in
            var stripe = Stripe()
            for n in range { Self.writeShard(keys: keysOfShard[n], prefixes: prefixes, index: index, into: &stripe) }
            return stripe
        }
        self.shards = stripes.flatMap(\.shards)
        externals = stripes.flatMap(\.externals).sorted { $0.name.lexicographicallyPrecedes($1.name) }
    }

    /// The fewest shards, a power of two, that keep them near `targetShardBytes`.
    private static func shardCount(inlineBytes: Int) -> Int {
        var count = 1
        while count * targetShardBytes < inlineBytes, count < 1 << 16 { count *= 2 }
        return count
    }

    /// What one stripe of shards produced: the shards, and their keys with postings of
    /// their own.
    private struct Stripe {
        var shards: [[UInt8]] = []
        var externals: [External] = []
    }

    /// Writes the shard of `keys` (key ids), sorted by name, and the pieces of its large keys.
    private static func writeShard(
        keys: [Int32], prefixes: [UInt64], index: PostingIndex,
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
        for key in sorted {
            let k = Int(key)
            let name = index.name(k)
            out.varint(name.count)
            out.append(name)
            let size = index.sizes[k]
            let external = size > Self.externalThreshold
            out.varint(size << 1 | (external ? 1 : 0))
            if external {
                var data = ByteWriter(capacity: size)
                index.write(key: k, into: &data)
                stripe.externals.append(External(name: Array(name), bytes: Deflate.compress(data.bytes)))
            } else {
                index.write(key: k, into: &out)
            }
        }
        stripe.shards.append(Deflate.compress(out.bytes))
    }
}
