import PolicyCore

/// The postings of a run of consecutive records — a *segment* — with the records numbered from
/// 0 inside it, so that segments can be built side by side and joined (`PostingIndex`).
///
/// A segment reads its records one at a time, notes every occurrence of every key (key, record,
/// position), then groups the occurrences by key with a counting sort — stable, so each key's
/// occurrences stay in record and position order — and encodes each key's postings into one
/// byte buffer, keys one after the other. About nine million occurrences for the benchmark
/// corpus: no per-key arrays, no per-occurrence allocation.
///
/// The encoding is the index's (all unsigned varints, see `Tokenizer` for the keys):
/// - positional keys (`B`, `L`, `R`, `T`): per record holding the key, in record order:
///   record − previous record − 1 (the first: the record itself), count, then the positions,
///   each as the gap from the previous one (the first from 0);
/// - `U` keys: per record: record gap, count, first position, and first position in the body
///   − first position + 1 (0 when the body has none).
struct PostingSegment: Sendable {
    /// A key as a 64-bit code: a tag in the top byte, then up to two scalars (21 bits each)
    /// or, for a token, its number in `tokens`.
    enum Tag: UInt64 {
        case pair = 1, start, end, token, char
    }

    /// Per key id: its code, where its postings start in `data` (one more entry: the end),
    /// and the first and last record (segment-relative) holding it.
    private(set) var codes: [UInt64] = []
    private(set) var dataStart: [Int] = []
    private(set) var firstRecord: [Int32] = []
    private(set) var lastRecord: [Int32] = []
    private(set) var data: [UInt8] = []
    /// The tokens (`T` keys) of this segment, numbered as in their codes.
    private(set) var tokens: [String] = []
    let recordCount: Int

    /// A segment as it was built before (`PostingSegmentCache`).
    init(
        recordCount: Int, codes: [UInt64], dataStart: [Int], firstRecord: [Int32], lastRecord: [Int32],
        data: [UInt8], tokens: [String]
    ) {
        self.recordCount = recordCount
        self.codes = codes
        self.dataStart = dataStart
        self.firstRecord = firstRecord
        self.lastRecord = lastRecord
        self.data = data
        self.tokens = tokens
    }

    @inline(__always)
    static func code(_ tag: Tag, _ x: UInt32, _ y: UInt32 = 0) -> UInt64 {
        tag.rawValue << 56 | UInt64(x) << 21 | UInt64(y)
    }

    static func tag(of code: UInt64) -> Tag { Tag(rawValue: code >> 56)! }
    static func firstScalar(of code: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: (code >> 21) & 0x1F_FFFF) }
    static func secondScalar(of code: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: code & 0x1F_FFFF) }

    /// Builds the segment of `count` records, asking for each in turn (normalised scalars and
    /// body offset), so that only one record's scalars are held at a time.
    /// `expectedOccurrences` sizes the scratch arrays once, instead of growing them step by step.
    init(count: Int, expectedOccurrences: Int = 0, record: (Int) -> (scalars: [UInt32], bodyStart: Int)) {
        recordCount = count
        var occurrences = Occurrences()
        occurrences.keys.reserveCapacity(expectedOccurrences)
        occurrences.packed.reserveCapacity(expectedOccurrences)
        for r in 0..<count {
            let (scalars, bodyStart) = record(r)
            occurrences.scan(scalars, record: Int32(r), bodyStart: bodyStart)
        }
        tokens = occurrences.tokenNames
        codes = occurrences.table.codes
        encode(occurrences)
    }

    /// Groups the occurrences by key (counting sort) and writes each key's postings.
    private mutating func encode(_ occurrences: Occurrences) {
        let keyCount = codes.count
        let total = occurrences.keys.count
        // Where each key's occurrences go: a prefix sum of the counts; then each occurrence
        // (record and position packed in 64 bits) is copied to its key's next free place.
        var groupStart = [Int32](repeating: 0, count: keyCount + 1)
        for k in occurrences.keys { groupStart[Int(k) + 1] += 1 }
        for k in 0..<keyCount { groupStart[k + 1] += groupStart[k] }
        var grouped = [UInt64](repeating: 0, count: total)
        var fill = groupStart
        grouped.withUnsafeMutableBufferPointer { grouped in
            fill.withUnsafeMutableBufferPointer { fill in
                occurrences.keys.withUnsafeBufferPointer { keys in
                    occurrences.packed.withUnsafeBufferPointer { packed in
                        for o in 0..<total {
                            let k = Int(keys[o])
                            grouped[Int(fill[k])] = packed[o]
                            fill[k] += 1
                        }
                    }
                }
            }
        }

        // Locals, not properties, inside the closure: no exclusivity checks per write.
        var dataStart = [Int](repeating: 0, count: keyCount + 1)
        var firstRecord = [Int32](repeating: 0, count: keyCount)
        var lastRecord = [Int32](repeating: 0, count: keyCount)
        let codes = codes
        // Written through a pointer, not appended byte by byte (half the segment's time). The
        // bound: at most 20 bytes per occurrence (a `U` entry: four varints of at most five
        // bytes); pages never written to are never touched, so they cost no memory.
        data = [UInt8](unsafeUninitializedCapacity: 20 * total + 16) { buffer, written in
            let base = buffer.baseAddress!
            var at = 0
            grouped.withUnsafeBufferPointer { grouped in
                for k in 0..<keyCount {
                    dataStart[k] = at
                    let isChar = Self.tag(of: codes[k]) == .char
                    var a = Int(groupStart[k])
                    let end = Int(groupStart[k + 1])
                    firstRecord[k] = Int32(grouped[a] >> 32)
                    var previousRecord = -1
                    while a < end {
                        let record = Int(grouped[a] >> 32)
                        var b = a + 1
                        while b < end, Int(grouped[b] >> 32) == record { b += 1 }
                        Self.put(record - previousRecord - 1, base, &at)
                        if isChar {
                            // One occurrence per record, pointing at the character's facts there.
                            let facts = occurrences.charFacts[Int(grouped[a] & 0xFFFF_FFFF)]
                            Self.put(facts.count, base, &at)
                            Self.put(facts.first, base, &at)
                            Self.put(facts.firstInBody < 0 ? 0 : facts.firstInBody - facts.first + 1, base, &at)
                        } else {
                            Self.put(b - a, base, &at)
                            var previous: UInt64 = 0
                            for c in a..<b {
                                let p = grouped[c] & 0xFFFF_FFFF
                                Self.put(Int(p - previous), base, &at)
                                previous = p
                            }
                        }
                        previousRecord = record
                        a = b
                    }
                    lastRecord[k] = Int32(previousRecord)
                }
            }
            dataStart[keyCount] = at
            written = at
        }
        self.dataStart = dataStart
        self.firstRecord = firstRecord
        self.lastRecord = lastRecord
    }

    @inline(__always)
    private static func put(_ value: Int, _ base: UnsafeMutablePointer<UInt8>, _ at: inout Int) {
        var v = UInt(value)
        while v >= 0x80 {
            base[at] = UInt8(v & 0x7F) | 0x80
            at += 1
            v >>= 7
        }
        base[at] = UInt8(v)
        at += 1
    }

    /// Every occurrence of every key in the segment's records, in reading order: the key's id
    /// and the record and position packed as `record << 32 | position`. A `U` key has one
    /// occurrence per record, whose position is an index into `charFacts`.
    private struct Occurrences {
        var table = KeyTable()
        var tokenIDs: [String: UInt32] = [:]
        var tokenNames: [String] = []
        var keys: [Int32] = []
        var packed: [UInt64] = []
        var charFacts: [(count: Int, first: Int, firstInBody: Int)] = []

        /// The record being read: per character seen, its index in `charFacts`.
        private var chars = KeyTable()
        private var charSlot: [Int] = []
        private var charsInRecord: [Int32] = []

        mutating func scan(_ scalars: [UInt32], record: Int32, bodyStart: Int) {
            scalars.withUnsafeBufferPointer { scan($0, record: record, bodyStart: bodyStart) }
        }

        private mutating func scan(_ s: UnsafeBufferPointer<UInt32>, record: Int32, bodyStart: Int) {
            var i = 0
            while i < s.count {
                let cls = Tokenizer.classify(s[i])
                var j = i + 1
                while j < s.count, Tokenizer.classify(s[j]) == cls { j += 1 }
                switch cls {
                case .space:
                    break
                case .word:
                    add(code(ofToken: s[i..<j]), record, i)
                case .char:
                    add(PostingSegment.code(.start, s[i]), record, i)
                    for k in i..<(j - 1) { add(PostingSegment.code(.pair, s[k], s[k + 1]), record, k) }
                    add(PostingSegment.code(.end, s[j - 1]), record, j - 1)
                    for k in i..<j { countChar(s[k], at: k, bodyStart: bodyStart) }
                }
                i = j
            }
            // One `U` occurrence per distinct character of the record, in order of appearance.
            for c in charsInRecord {
                let slot = charSlot[Int(c)]
                add(PostingSegment.code(.char, UInt32(truncatingIfNeeded: chars.codes[Int(c)])), record, slot)
                charSlot[Int(c)] = -1
            }
            charsInRecord.removeAll(keepingCapacity: true)
        }

        @inline(__always)
        private mutating func countChar(_ v: UInt32, at position: Int, bodyStart: Int) {
            let c = Int(chars.id(UInt64(v) | 1 << 60))
            if c == charSlot.count { charSlot.append(-1) }
            var slot = charSlot[c]
            if slot < 0 {
                slot = charFacts.count
                charSlot[c] = slot
                charFacts.append((0, position, -1))
                charsInRecord.append(Int32(c))
            }
            charFacts[slot].count += 1
            if charFacts[slot].firstInBody < 0, position >= bodyStart { charFacts[slot].firstInBody = position }
        }

        private mutating func code(ofToken scalars: Slice<UnsafeBufferPointer<UInt32>>) -> UInt64 {
            let token = Tokenizer.string(scalars)
            if let id = tokenIDs[token] { return PostingSegment.code(.token, id) }
            let id = UInt32(tokenNames.count)
            tokenNames.append(token)
            tokenIDs[token] = id
            return PostingSegment.code(.token, id)
        }

        @inline(__always)
        private mutating func add(_ code: UInt64, _ record: Int32, _ position: Int) {
            keys.append(table.id(code))
            packed.append(UInt64(record) << 32 | UInt64(position))
        }
    }
}

/// An open-addressing hash table from non-zero 64-bit codes to dense ids 0, 1, 2, …
/// (several times faster than `Dictionary` for the millions of lookups above).
struct KeyTable {
    private var slots: [UInt64]
    private var slotIDs: [Int32]
    private var mask: Int
    /// id → code.
    private(set) var codes: [UInt64] = []

    init() {
        slots = [UInt64](repeating: 0, count: 1 << 12)
        slotIDs = [Int32](repeating: 0, count: 1 << 12)
        mask = (1 << 12) - 1
    }

    var count: Int { codes.count }

    /// The id of `code`, assigning the next one when it is new.
    @inline(__always)
    mutating func id(_ code: UInt64) -> Int32 {
        var i = slot(code)
        while true {
            let s = slots[i]
            if s == code { return slotIDs[i] }
            if s == 0 { break }
            i = (i + 1) & mask
        }
        let id = Int32(codes.count)
        codes.append(code)
        slots[i] = code
        slotIDs[i] = id
        if codes.count * 2 > slots.count { grow() }
        return id
    }

    @inline(__always)
    private func slot(_ code: UInt64) -> Int {
        Int(truncatingIfNeeded: (code &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [UInt64](repeating: 0, count: size)
        slotIDs = [Int32](repeating: 0, count: size)
        mask = size - 1
        for (id, code) in codes.enumerated() {
            var i = slot(code)
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = code
            slotIDs[i] = Int32(id)
        }
    }
}
