/// Builds every key's postings (see `Tokenizer` for the keys) for all records at once.
///
/// About nine million positions for the benchmark corpus, so this is written for speed and
/// memory: keys are 64-bit codes looked up in an open-addressing table, and each record's
/// occurrences are grouped by key through a chain per key (a counting sort within the
/// record) and appended to that key's postings at once — so no list of every occurrence of
/// the library is ever held.
///
/// Encoded postings, all unsigned varints:
/// - positional keys (`B`, `L`, `R`, `T`): per record holding the key, in record order:
///   record − previous record − 1 (the first: record), count, then the positions, each as the
///   gap from the previous one (the first from 0);
/// - `U` keys: per record: record gap, count, first position, and first position in the body
///   − first position + 1 (0 when the body has none).
struct PostingBuilder {
    struct Key {
        let name: String
        let data: [UInt8]
    }

    private var table = KeyTable()
    private var tokens: [String: Int] = [:]
    private var tokenNames: [String] = []
    /// Per key id: its postings so far and the last record written to them.
    private var postings: [ByteWriter] = []
    private var lastRecord: [Int] = []
    /// Scratch for the record being read: its occurrences (key id, position, next occurrence
    /// of the same key), and per key id its first and last occurrence and count.
    private var occurrenceKeys: [Int32] = []
    private var occurrencePositions: [UInt32] = []
    private var occurrenceNext: [Int32] = []
    private var firstOccurrence: [Int32] = []
    private var lastOccurrence: [Int32] = []
    private var recordCount: [Int32] = []

    private var chars = KeyTable()
    private var charData: [ByteWriter] = []
    private var charLastRecord: [Int] = []
    /// Scratch for the record being read, by char id (counts are reset after each record).
    private var charCount: [Int] = []
    private var charFirst: [Int] = []
    private var charFirstInBody: [Int] = []

    private enum Tag: UInt64 {
        case pair = 1, start, end, token
    }

    @inline(__always)
    private static func code(_ tag: Tag, _ x: UInt32, _ y: UInt32 = 0) -> UInt64 {
        tag.rawValue << 56 | UInt64(x) << 21 | UInt64(y)
    }

    /// Keys and postings of `records`, each given as normalised scalars with its body offset.
    static func build(_ records: [(scalars: [UInt32], bodyStart: Int)]) -> [Key] {
        build(count: records.count) { records[$0] }
    }

    /// Keys and postings of `count` records, each asked for in turn (so that the normalised
    /// text of only one record at a time need be held).
    static func build(count: Int, record: (Int) -> (scalars: [UInt32], bodyStart: Int)) -> [Key] {
        var builder = PostingBuilder()
        for r in 0..<count {
            let (scalars, bodyStart) = record(r)
            builder.addOccurrences(of: scalars)
            builder.flushRecord(r)
            builder.addCharCounts(of: scalars, record: r, bodyStart: bodyStart)
        }
        return builder.positionalKeys() + builder.charKeys()
    }

    // MARK: - Positional keys, record by record

    private mutating func addOccurrences(of s: [UInt32]) {
        var i = 0
        while i < s.count {
            let cls = Tokenizer.classify(s[i])
            var j = i + 1
            while j < s.count, Tokenizer.classify(s[j]) == cls { j += 1 }
            switch cls {
            case .space:
                break
            case .word:
                let token = Tokenizer.string(s[i..<j])
                let id = tokens[token] ?? {
                    tokenNames.append(token)
                    tokens[token] = tokenNames.count - 1
                    return tokenNames.count - 1
                }()
                add(Self.code(.token, UInt32(id)), at: i)
            case .char:
                add(Self.code(.start, s[i]), at: i)
                for k in i..<(j - 1) { add(Self.code(.pair, s[k], s[k + 1]), at: k) }
                add(Self.code(.end, s[j - 1]), at: j - 1)
            }
            i = j
        }
    }

    @inline(__always)
    private mutating func add(_ code: UInt64, at position: Int) {
        let key = table.id(code)
        if Int(key) == postings.count {
            postings.append(ByteWriter()); lastRecord.append(-1)
            firstOccurrence.append(-1); lastOccurrence.append(-1); recordCount.append(0)
        }
        let o = Int32(occurrenceKeys.count)
        occurrenceKeys.append(key)
        occurrencePositions.append(UInt32(position))
        occurrenceNext.append(-1)
        let k = Int(key)
        if recordCount[k] == 0 { firstOccurrence[k] = o } else { occurrenceNext[Int(lastOccurrence[k])] = o }
        lastOccurrence[k] = o
        recordCount[k] += 1
    }

    /// Appends the record's occurrences to each key's postings, keys in order of first
    /// appearance, positions in increasing order; then clears the scratch.
    private mutating func flushRecord(_ record: Int) {
        // Each key's entry is encoded into one scratch buffer, then appended in one go: writing
        // varint bytes straight into an array inside an array checked both for sharing per byte.
        var entry = ByteWriter(capacity: 64)
        for o in occurrenceKeys.indices {
            let k = Int(occurrenceKeys[o])
            guard firstOccurrence[k] == Int32(o) else { continue }
            entry.removeAll()
            entry.varint(record - lastRecord[k] - 1)
            entry.varint(Int(recordCount[k]))
            var previous: UInt32 = 0
            var p = Int32(o)
            while p >= 0 {
                entry.varint(Int(occurrencePositions[Int(p)] - previous))
                previous = occurrencePositions[Int(p)]
                p = occurrenceNext[Int(p)]
            }
            postings[k].append(entry.bytes)
            lastRecord[k] = record
        }
        for o in occurrenceKeys.indices {
            let k = Int(occurrenceKeys[o])
            recordCount[k] = 0
            firstOccurrence[k] = -1
        }
        occurrenceKeys.removeAll(keepingCapacity: true)
        occurrencePositions.removeAll(keepingCapacity: true)
        occurrenceNext.removeAll(keepingCapacity: true)
    }

    private func positionalKeys() -> [Key] {
        (0..<table.count).map { Key(name: name(of: table.codes[$0]), data: postings[$0].bytes) }
    }

    private func name(of code: UInt64) -> String {
        let x = UInt32(truncatingIfNeeded: (code >> 21) & 0x1F_FFFF)
        let y = UInt32(truncatingIfNeeded: code & 0x1F_FFFF)
        switch Tag(rawValue: code >> 56)! {
        case .pair: return Tokenizer.pairKey(x, y)
        case .start: return Tokenizer.startKey(x)
        case .end: return Tokenizer.endKey(x)
        case .token: return "T" + tokenNames[Int(x)]
        }
    }

    // MARK: - Per-record character counts (`U` keys)

    private mutating func addCharCounts(of s: [UInt32], record: Int, bodyStart: Int) {
        var order: [Int] = []
        for (i, v) in s.enumerated() where Tokenizer.classify(v) == .char {
            let k = Int(chars.id(UInt64(v) | 1 << 60))
            if k == charCount.count {
                charCount.append(0); charFirst.append(0); charFirstInBody.append(-1)
                charData.append(ByteWriter()); charLastRecord.append(-1)
            }
            if charCount[k] == 0 {
                order.append(k)
                charFirst[k] = i
                charFirstInBody[k] = -1
            }
            charCount[k] += 1
            if charFirstInBody[k] < 0, i >= bodyStart { charFirstInBody[k] = i }
        }
        for k in order {
            charData[k].varint(record - charLastRecord[k] - 1)
            charData[k].varint(charCount[k])
            charData[k].varint(charFirst[k])
            charData[k].varint(charFirstInBody[k] < 0 ? 0 : charFirstInBody[k] - charFirst[k] + 1)
            charLastRecord[k] = record
            charCount[k] = 0
        }
    }

    private func charKeys() -> [Key] {
        (0..<chars.count).map { id in
            Key(name: Tokenizer.charKey(UInt32(truncatingIfNeeded: chars.codes[id] & 0x1F_FFFF)),
                data: charData[id].bytes)
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
