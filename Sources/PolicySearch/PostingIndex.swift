import Foundation
import PolicyCore

/// Every key's postings for all records (see `Tokenizer` for the keys, `PostingSegment` for
/// the encoding): the records are cut into segments of about `segmentBytes` of text, built on
/// all cores, then joined key by key.
///
/// The join copies each segment's postings once, into one buffer, and re-encodes nothing: a
/// key is a run of *parts*, one per segment holding it, which `write(key:into:)` concatenates
/// when the shard files are written. Only the first number of each part changes — it counts
/// records from the segment's start and must count from the previous part's last record.
struct PostingIndex {
    /// A key with its postings, for tests and tools: the shard writer uses the index directly.
    struct Key {
        let name: String
        let data: [UInt8]
    }

    /// Text (UTF-8 bytes) per segment: small enough that two segments in flight stay in tens
    /// of megabytes, large enough that a key is split over few parts.
    static let segmentBytes = 2 << 20

    /// The postings of `records` (text and body offset), built segment by segment on all
    /// cores — or taken from `cache` where a segment's records are unchanged.
    ///
    /// Segments end where the content says, not at fixed counts: once a segment holds
    /// `segmentBytes`, it ends after the next record whose digest ends in three zero bits (or
    /// at twice the size). An edit moves at most the boundary next to it, so the other segments
    /// keep their keys and come from the cache.
    init(
        records: [(text: String, bodyStart: Int)], segmentBytes: Int = Self.segmentBytes,
        cache: PostingSegmentCache? = nil
    ) {
        func newKey() -> ContentDigest {
            var key = ContentDigest()
            key.add("postings 1")  // the format of a segment: change it when the encoding changes
            return key
        }
        var starts: [Int] = [0]
        var keys: [String] = []
        var size = 0
        var key = newKey()
        for (r, record) in records.enumerated() {
            var digest = ContentDigest()
            digest.add(record.text)
            digest.add("\(record.bodyStart)")
            key.add(digest.hex)
            size += record.text.utf8.count
            if size >= segmentBytes && digest.low64 & 7 == 0 || size / 2 >= segmentBytes || r == records.count - 1 {
                keys.append(key.hex)
                if r < records.count - 1 { starts.append(r + 1) }
                size = 0
                key = newKey()
            }
        }
        if records.isEmpty { keys.append(key.hex) }
        let bounds = starts + [records.count]
        // Only `built` holds the cached segments, so that `join` frees each one as it goes.
        nonisolated(unsafe) var built: [PostingSegment?] = {
            let cached = cache?.load(keys: keys) ?? [:]
            return keys.map { cached[$0] }
        }()
        let missing = built.indices.filter { built[$0] == nil }
        built.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: missing.count) { m in
                let s = missing[m]
                let first = bounds[s]
                let count = bounds[s + 1] - first
                // About one occurrence per character; Chinese takes three bytes a character.
                let expected = records[first..<first + count].reduce(0) { $0 + $1.text.utf8.count } / 2
                slots[s] = PostingSegment(count: count, expectedOccurrences: expected) {
                    (Tokenizer.normalize(records[first + $0].text), records[first + $0].bodyStart)
                }
            }
        }
        segmentCount = keys.count
        reusedSegments = keys.count - missing.count
        StageClock.note("index: \(reusedSegments) of \(keys.count) postings segments kept from the last build")
        cache?.store(built: missing.map { (key: keys[$0], segment: built[$0]!) }, keys: Set(keys))
        join(&built, starts: starts)
    }

    /// How many segments there are, and how many came from the cache (for tests).
    private(set) var segmentCount = 0
    private(set) var reusedSegments = 0

    /// One segment's postings of one key: its bytes in `data` after its first number, and its
    /// first and last record (library-wide numbers).
    private struct Part {
        var from: UInt32
        var count: UInt32
        var first: Int32
        var last: Int32
    }

    /// Every segment's postings, one after the other.
    private var data: [UInt8] = []
    /// Every part, grouped by key and in segment order within a key: key k's parts are
    /// `parts[partStart[k]..<partStart[k + 1]]`.
    private var parts: [Part] = []
    private var partStart: [Int32] = []
    /// Per key: its name (UTF-8, in `names` from `nameStart[k]` to `nameStart[k + 1]`) and the
    /// size of its postings.
    private var names: [UInt8] = []
    private var nameStart: [Int] = [0]
    private(set) var sizes: [Int] = []

    var keyCount: Int { sizes.count }

    /// Gives every segment's keys their library-wide id, then groups the parts by key (a
    /// counting sort, stable, so segment order is kept) and sizes each key.
    private mutating func join(_ segments: inout [PostingSegment?], starts: [Int]) {
        data.reserveCapacity(segments.reduce(0) { $0 + $1!.data.count })
        precondition(data.capacity <= Int(UInt32.max), "search postings over 4 GB")
        var table = KeyTable()
        var tokenIDs: [String: UInt32] = [:]
        var unsorted: [Part] = []
        var keyOfPart: [Int32] = []
        for s in segments.indices {
            let segment = segments[s]!
            segments[s] = nil  // its postings move to `data`
            let tokenCodes = segment.tokens.map { token -> UInt64 in
                let id =
                    tokenIDs[token]
                    ?? {
                        let id = UInt32(tokenIDs.count)
                        tokenIDs[token] = id
                        return id
                    }()
                return PostingSegment.code(.token, id)
            }
            let base = data.count
            data.append(contentsOf: segment.data)
            let start = starts[s]
            for (k, code) in segment.codes.enumerated() {
                let isToken = PostingSegment.tag(of: code) == .token
                let token = isToken ? Int(PostingSegment.firstScalar(of: code)) : 0
                let key = table.id(isToken ? tokenCodes[token] : code)
                if Int(key) == sizes.count {
                    appendName(code: code, token: isToken ? segment.tokens[token] : nil)
                    sizes.append(0)
                }
                let skip = Self.varintSize(Int(segment.firstRecord[k]))
                let from = base + segment.dataStart[k] + skip
                unsorted.append(
                    Part(
                        from: UInt32(from), count: UInt32(base + segment.dataStart[k + 1] - from),
                        first: Int32(start) + segment.firstRecord[k], last: Int32(start) + segment.lastRecord[k]))
                keyOfPart.append(key)
            }
        }

        partStart = [Int32](repeating: 0, count: keyCount + 1)
        for key in keyOfPart { partStart[Int(key) + 1] += 1 }
        for k in 0..<keyCount { partStart[k + 1] += partStart[k] }
        var fill = partStart
        parts = [Part](repeating: Part(from: 0, count: 0, first: 0, last: 0), count: unsorted.count)
        for (i, key) in keyOfPart.enumerated() {
            parts[Int(fill[Int(key)])] = unsorted[i]
            fill[Int(key)] += 1
        }
        for k in 0..<keyCount {
            var size = 0
            var previous: Int32 = -1
            for part in parts[Int(partStart[k])..<Int(partStart[k + 1])] {
                size += Self.varintSize(Int(part.first - previous - 1)) + Int(part.count)
                previous = part.last
            }
            sizes[k] = size
        }
    }

    private mutating func appendName(code: UInt64, token: String?) {
        let x = PostingSegment.firstScalar(of: code)
        let y = PostingSegment.secondScalar(of: code)
        func scalar(_ v: UInt32) {
            UTF8.encode(Unicode.Scalar(v) ?? "\u{FFFD}") { names.append($0) }
        }
        switch PostingSegment.tag(of: code) {
        case .pair: names.append(UInt8(ascii: "B")); scalar(x); scalar(y)
        case .start: names.append(UInt8(ascii: "L")); scalar(x)
        case .end: names.append(UInt8(ascii: "R")); scalar(x)
        case .char: names.append(UInt8(ascii: "U")); scalar(x)
        case .token: names.append(UInt8(ascii: "T")); names.append(contentsOf: token!.utf8)
        }
        nameStart.append(names.count)
    }

    /// The UTF-8 bytes of key `k`'s name.
    func name(_ k: Int) -> ArraySlice<UInt8> { names[nameStart[k]..<nameStart[k + 1]] }

    /// Appends key `k`'s postings: its parts in segment order, each part's first record gap
    /// rewritten to count from the previous part's last record.
    func write(key k: Int, into out: inout ByteWriter) {
        data.withUnsafeBufferPointer { data in
            var previous: Int32 = -1
            for part in parts[Int(partStart[k])..<Int(partStart[k + 1])] {
                out.varint(Int(part.first - previous - 1))
                let from = Int(part.from)
                out.append(UnsafeBufferPointer(rebasing: data[from..<from + Int(part.count)]))
                previous = part.last
            }
        }
    }

    /// Every key with its postings, in no particular order.
    func keys() -> [Key] {
        (0..<keyCount).map { k in
            var data = ByteWriter()
            write(key: k, into: &data)
            return Key(name: String(decoding: name(k), as: UTF8.self), data: data.bytes)
        }
    }

    @inline(__always)
    static func varintSize(_ value: Int) -> Int {
        var v = UInt(value), n = 1
        while v >= 0x80 { v >>= 7; n += 1 }
        return n
    }
}

extension PostingIndex {
    /// The index of texts with no body offset (tests), in segments of about `segmentBytes`.
    init(texts: [String], segmentBytes: Int = PostingIndex.segmentBytes) {
        self.init(records: texts.map { ($0, 0) }, segmentBytes: segmentBytes)
    }
}
