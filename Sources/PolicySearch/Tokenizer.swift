import PolicyCore

/// How text becomes search keys — the contract between this indexer and the browser's
/// `tokenize.js`, which implements the same rules. Keep the two in step: the shared vectors
/// `Tests/Vectors/tokenize.json` pin both (`TokenizeVectorTests` here, `test_vectors.py` in
/// Chromium); `SearchIndexReader` is the Swift twin of the browser's query side.
///
/// **1. Normalisation**, of the indexed text and of queries alike, one scalar for one scalar so
/// positions survive:
/// - the bracket variants 〔〕 [] 【】 ［］ () （） fold to 〔 and 〕, so a 文号 typed with any of
///   them finds `示市监规〔2023〕2号`;
/// - ASCII letters are lower-cased.
/// Nothing else is folded: full-width and half-width forms, traditional and simplified
/// characters stay distinct (the issue does not ask for them).
///
/// **2. Classes** of a scalar: *space* (`isSpace`, the same explicit list in `tokenize.js`)
/// separates and is never indexed; *word*: ASCII letters and digits; *char*: everything else —
/// Han characters, punctuation, symbols, other scripts.
///
/// **3. Keys**, each found at a position — the offset in Unicode scalars from the start of the
/// record's text (`SearchRecord.text`):
/// - `T<token>`: every maximal run of word scalars (a Latin word or a digit run);
/// - `B<xy>`: every two adjacent scalars inside a run of char scalars, at the position of x;
/// - `L<x>` / `R<x>`: the first / the last scalar of every char run;
/// - `U<x>`: every char scalar, kept per record only (count, first position, first position
///   in the body) — enough for a one-character query, without 9 million positions.
///
/// **4. Queries.** A query splits at spaces into terms that must all match (AND). A term is
/// normalised and classified like the text, giving *parts* at offsets inside the term; it
/// matches at position p when every part is found at p + its offset:
/// - a token part by its `T` key — whole tokens only, so `2023` does not find `12023`;
/// - a char run of two or more scalars by `B` keys whose pairs cover every scalar of the run —
///   exact substring semantics, with 100 % recall and precision;
/// - a one-scalar char run next to a token by `L` (the token is before it) or `R` (after it):
///   in the text that scalar must also start (end) a char run;
/// - a term that is one char scalar and nothing else by its `U` key.
enum Tokenizer {
    enum ScalarClass: UInt8 {
        case space, word, char
    }

    /// A maximal run of one class inside a normalised text.
    struct Segment: Equatable {
        var isWord: Bool
        /// Offset of the first scalar, in scalars.
        var start: Int
        var scalars: ArraySlice<UInt32>
        var count: Int { scalars.count }
    }

    static let openBracket: UInt32 = 0x3014  // 〔
    static let closeBracket: UInt32 = 0x3015  // 〕

    /// The normalised form of one scalar (see 1.).
    @inline(__always)
    static func fold(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x41...0x5A: v + 0x20
        case 0x28, 0x5B, 0x3010, 0xFF08, 0xFF3B: openBracket  // ( [ 【 （ ［
        case 0x29, 0x5D, 0x3011, 0xFF09, 0xFF3D: closeBracket  // ) ] 】 ） ］
        default: v
        }
    }

    /// White space and control characters: an explicit list, so JavaScript and Swift agree.
    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        if v <= 0x20 || (0x7F...0xA0).contains(v) { return true }
        if v < 0x1680 { return false }
        return v == 0x1680 || (0x2000...0x200B).contains(v) || v == 0x2028 || v == 0x2029 || v == 0x202F
            || v == 0x205F || v == 0x3000 || v == 0xFEFF
    }

    @inline(__always)
    static func isWord(_ v: UInt32) -> Bool {
        (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) || (0x41...0x5A).contains(v)
    }

    @inline(__always)
    static func classify(_ v: UInt32) -> ScalarClass {
        if isWord(v) { return .word }
        return isSpace(v) ? .space : .char
    }

    /// The normalised scalars of `text`.
    static func normalize(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(text.utf8.count / 2)
        for s in text.unicodeScalars { out.append(fold(s.value)) }
        return out
    }

    /// The word and char runs of normalised scalars, in order (space runs are dropped).
    static func segments(_ scalars: [UInt32]) -> [Segment] {
        var found: [Segment] = []
        var i = 0
        while i < scalars.count {
            let cls = classify(scalars[i])
            var j = i + 1
            while j < scalars.count, classify(scalars[j]) == cls { j += 1 }
            if cls != .space { found.append(Segment(isWord: cls == .word, start: i, scalars: scalars[i..<j])) }
            i = j
        }
        return found
    }

    /// A query's terms: the space-separated pieces, normalised. Empty pieces are dropped.
    static func terms(_ query: String) -> [[UInt32]] {
        var terms: [[UInt32]] = []
        var current: [UInt32] = []
        for v in normalize(query) {
            if isSpace(v) {
                if !current.isEmpty { terms.append(current); current = [] }
            } else {
                current.append(v)
            }
        }
        if !current.isEmpty { terms.append(current) }
        return terms
    }

    // MARK: - A query's keys

    /// A key of a term, found at `offset` scalars from the term's start.
    struct Part: Equatable {
        var key: String
        var offset: Int
    }

    /// The parts of one normalised term (see 4.), as `tokenize.js`'s `partsOf`: a term of one
    /// char scalar is its `U` key; a char run of five or more keeps the pairs that cover it with
    /// the fewest bytes of large postings — `cost` gives a key's (`meta.bin` lists the large
    /// keys' sizes, so the choice reads no shard); without it every pair costs nothing.
    static func parts(of term: [UInt32], cost: (String) -> Int = { _ in 0 }) -> [Part] {
        if term.count == 1, classify(term[0]) == .char { return [Part(key: charKey(term[0]), offset: 0)] }
        var parts: [Part] = []
        for (i, s) in segments(term).enumerated() {
            let v = Array(s.scalars)
            if s.isWord {
                parts.append(Part(key: tokenKey(v), offset: s.start))
            } else if v.count == 1 {
                // next to a token: in the text this scalar also starts (ends) a char run
                parts.append(Part(key: i > 0 ? startKey(v[0]) : endKey(v[0]), offset: s.start))
            } else {
                // If a pair left out occurs nowhere, neither does the phrase, and the pairs
                // kept, which fix every scalar, find nothing.
                let costs = (0..<(v.count - 1)).map { cost(pairKey(v[$0], v[$0 + 1])) }
                let picks = v.count <= 4 ? [[0], [0, 1], [0, 2]][v.count - 2] : cheapestCover(costs)
                for k in picks { parts.append(Part(key: pairKey(v[k], v[k + 1]), offset: s.start + k)) }
            }
        }
        return parts
    }

    /// The pairs of a run to look up: every scalar covered (picks at most 2 apart), fewest
    /// bytes, then fewest pairs — the same choice as `cheapestCover` in `tokenize.js`.
    static func cheapestCover(_ cost: [Int]) -> [Int] {
        // best[i]: (bytes, pairs) of the cheapest cover of scalars 0…i+1 whose last pick is i
        var best: [(bytes: Int, pairs: Int)] = []
        var from: [Int] = []
        for i in cost.indices {
            guard i > 0 else { best.append((cost[0], 1)); from.append(-1); continue }
            var pick = i - 1
            if i >= 2, (best[i - 2].bytes, best[i - 2].pairs) <= (best[i - 1].bytes, best[i - 1].pairs) { pick = i - 2 }
            best.append((best[pick].bytes + cost[i], best[pick].pairs + 1))
            from.append(pick)
        }
        var picks: [Int] = []
        var k = cost.count - 1
        while k >= 0 { picks.insert(k, at: 0); k = from[k] }
        return picks
    }

    // MARK: - Key names

    static func string(_ scalars: some Sequence<UInt32>) -> String {
        var s = String.UnicodeScalarView()
        for v in scalars { s.append(Unicode.Scalar(v) ?? "\u{FFFD}") }
        return String(s)
    }

    static func tokenKey(_ token: some Sequence<UInt32>) -> String { "T" + string(token) }
    static func pairKey(_ x: UInt32, _ y: UInt32) -> String { "B" + string([x, y]) }
    static func startKey(_ x: UInt32) -> String { "L" + string([x]) }
    static func endKey(_ x: UInt32) -> String { "R" + string([x]) }
    static func charKey(_ x: UInt32) -> String { "U" + string([x]) }
}
