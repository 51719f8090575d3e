import Foundation
import PolicyCore

/// The query side of the index in Swift — the twin of `query.js` and `match.js`, so the tests can
/// check the written files against a brute-force scan without a browser. It reads the files of
/// one built index folder (`SearchIndexWriter.build()`), keyed by their path in the folder:
/// `meta.bin`'s tables (`IndexTables`), then each piece cut from its pack and inflated.
struct SearchIndexReader {
    /// A record's matches for a query: how many (over all terms), where the first one starts,
    /// and where the first one in the body starts (-1: none, or the body's start not given).
    struct Match: Equatable {
        var count: Int
        var first: Int
        var firstBody = -1
    }

    /// What a result shows besides its snippet.
    struct Header: Equatable {
        var path: String
        var title: String
        var number: String
    }

    /// A large key's piece, as `meta.bin` lists it.
    struct External {
        var name: String
        var location: PackedPieces.Location
    }

    let files: [String: [UInt8]]
    let shardCount: Int
    private(set) var headers: [Header] = []
    /// Per record, its chunks' locations.
    private(set) var chunks: [[PackedPieces.Location]] = []
    private(set) var shards: [PackedPieces.Location] = []
    /// In `meta.bin`'s order: by name.
    private(set) var externals: [External] = []

    init(files: [String: [UInt8]], shardCount: Int) {
        self.files = files
        self.shardCount = shardCount
        guard let raw = files[IndexTables.path], let meta = Deflate.decompress(raw) else { return }
        var r = ByteReader(meta)
        guard let factsSize = r.varint(), let facts = r.take(factsSize) else { return }
        var f = ByteReader(Array(facts))
        guard let jsonSize = f.varint(), let json = f.take(jsonSize),
            let header = try? JSONDecoder().decode(SearchMeta.Header.self, from: Data(json))
        else { return }
        for _ in 0..<header.records {
            guard let path = r.string(), let title = r.string(), let number = r.string() else { return }
            headers.append(Header(path: path, title: title, number: number))
        }
        var codes: [Int] = []
        var counts: [Int] = []
        for _ in 0..<header.records {
            guard let count = r.varint() else { return }
            counts.append(count)
            for _ in 0..<count { codes.append(r.varint() ?? 0) }
        }
        var text = PackedPieces.locations(codes: codes)[...]
        for count in counts {
            chunks.append(Array(text.prefix(count)))
            text = text.dropFirst(count)
        }
        shards = PackedPieces.locations(codes: (0..<shardCount).map { _ in r.varint() ?? 0 })
        var names: [String] = []
        codes = []
        for _ in 0..<(r.varint() ?? 0) {
            guard let name = r.string(), let code = r.varint() else { return }
            names.append(name)
            codes.append(code)
        }
        externals = zip(names, PackedPieces.locations(codes: codes)).map { External(name: $0, location: $1) }
        externalLocations = Dictionary(externals.map { ($0.name, $0.location) }, uniquingKeysWith: { a, _ in a })
    }

    /// Large keys' names → their pieces.
    private var externalLocations: [String: PackedPieces.Location] = [:]

    /// The records matching every term of `query`, with their matches.
    func search(_ query: String) -> [Int: Match] {
        let terms = Tokenizer.terms(query)
        guard !terms.isEmpty else { return [:] }
        var result: [Int: Match]?
        for term in terms {
            let matches = self.matches(term)
            guard let previous = result else { result = matches; continue }
            var both: [Int: Match] = [:]
            for (record, m) in matches {
                guard let p = previous[record] else { continue }
                let bodies = [p.firstBody, m.firstBody].filter { $0 >= 0 }
                both[record] = Match(count: p.count + m.count, first: min(p.first, m.first), firstBody: bodies.min() ?? -1)
            }
            result = both
        }
        return result ?? [:]
    }

    /// Matches of one normalised term; `bodyStart` gives a record's body offset, for `firstBody`.
    func matches(_ term: [UInt32], bodyStart: (Int) -> Int = { _ in .max }) -> [Int: Match] {
        // The cover is chosen from the large keys' sizes in `meta.bin` alone, as the browser does.
        let parts = Tokenizer.parts(of: term, cost: externalSize)
        if parts.count == 1, parts[0].key.hasPrefix("U") {
            guard let data = postings(parts[0].key) else { return [:] }
            return charCounts(data)
        }
        var lists: [[Int: [Int]]] = []
        for part in parts {
            guard let data = postings(part.key) else { return [:] }
            lists.append(positions(data))
        }
        var out: [Int: Match] = [:]
        for (record, starts) in lists[0] {
            var count = 0
            var first = Int.max
            var firstBody = Int.max
            let body = bodyStart(record)
            for p in starts {
                let start = p - parts[0].offset
                guard start >= 0 else { continue }
                let ok = (1..<parts.count).allSatisfy { i in
                    lists[i][record].map { Self.contains($0, start + parts[i].offset) } ?? false
                }
                if ok {
                    count += 1
                    first = min(first, start)
                    if start >= body { firstBody = min(firstBody, start) }
                }
            }
            if count > 0 { out[record] = Match(count: count, first: first, firstBody: firstBody == .max ? -1 : firstBody) }
        }
        return out
    }

    // MARK: - Files

    struct Entry {
        var size: Int
        var external: Bool
        var data: [UInt8]?
        /// An external key's piece.
        var location: PackedPieces.Location?
    }

    /// Piece `location` of the files under `folder`, inflated.
    func piece(_ folder: String, _ location: PackedPieces.Location) -> [UInt8]? {
        guard let pack = files[PackedPieces.path(folder: folder, pack: location.pack)],
            location.offset + location.size <= pack.count
        else { return nil }
        return Deflate.decompress(pack[location.offset..<location.offset + location.size])
    }

    /// Shard n, inflated.
    func shard(_ n: Int) -> [UInt8]? { n < shards.count ? piece("p", shards[n]) : nil }

    /// Chunk k of record r's text.
    func chunk(record r: Int, _ k: Int) -> String? {
        guard r < chunks.count, k < chunks[r].count, let bytes = piece("t", chunks[r][k]) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A key's entry: a large key's from `meta.bin` alone, as the browser does (no shard is
    /// read), any other's from its shard.
    func entry(_ key: String) -> Entry? {
        if let location = externalLocations[key] { return Entry(size: location.size, external: true, data: nil, location: location) }
        let name = Array(key.utf8)
        let shard = Int(fnv1a32(name) % UInt32(shardCount))
        guard let bytes = self.shard(shard) else { return nil }
        var r = ByteReader(bytes)
        guard let count = r.varint() else { return nil }
        for _ in 0..<count {
            guard let n = r.varint(), let k = r.take(n), let sz = r.varint() else { return nil }
            let external = sz & 1 == 1
            let size = sz >> 1
            let data = external ? nil : r.take(size).map(Array.init)
            // A large key's stub: meta.bin does not list it (a truncated index).
            if Array(k) == name { return external ? nil : Entry(size: size, external: false, data: data, location: nil) }
        }
        return nil
    }

    /// The compressed size `meta.bin` gives for a large key's piece (0: not a large key).
    func externalSize(_ key: String) -> Int { externalLocations[key]?.size ?? 0 }

    func postings(_ key: String) -> [UInt8]? {
        guard let e = entry(key) else { return nil }
        return e.data ?? e.location.flatMap { piece("k", $0) }
    }

    func positions(_ data: [UInt8]) -> [Int: [Int]] {
        var r = ByteReader(data)
        var out: [Int: [Int]] = [:]
        var record = -1
        while !r.isAtEnd {
            record += r.varint()! + 1
            var p = 0
            out[record] = (0..<r.varint()!).map { _ in
                p += r.varint()!; return p
            }
        }
        return out
    }

    func charCounts(_ data: [UInt8]) -> [Int: Match] {
        var r = ByteReader(data)
        var out: [Int: Match] = [:]
        var record = -1
        while !r.isAtEnd {
            record += r.varint()! + 1
            let count = r.varint()!, first = r.varint()!, body = r.varint()!
            out[record] = Match(count: count, first: first, firstBody: body == 0 ? -1 : first + body - 1)
        }
        return out
    }

    static func contains(_ sorted: [Int], _ value: Int) -> Bool {
        var lo = 0, hi = sorted.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if sorted[mid] == value { return true }
            if sorted[mid] < value { lo = mid + 1 } else { hi = mid - 1 }
        }
        return false
    }
}
