import PolicyCore

/// 新旧对照: two versions of a text aligned article by article. Articles are paired by what
/// they say, not by their number, so an article that was renumbered or moved is followed to
/// its new place; within a changed article the wording changes are marked by character.
///
/// Pairing, in order of confidence:
/// 1. identical text (after removing the label) — unchanged, wherever it now stands;
/// 2. very similar text (character-bigram Dice ≥ 0.5), best pairs first;
/// 3. less similar text (≥ 0.3) only where it keeps the order of the pairs around it;
/// 4. the only unpaired article on each side between two pairs (a rewrite).
/// What is left is added or removed; an added article whose text mostly comes from one old
/// article is noted as taken from it (a split), a removed one mostly found in a new article
/// as merged into it.
public struct ArticleDiff: Sendable {
    public enum Change: String, Sendable { case unchanged, changed, added, removed }

    public struct Row: Sendable {
        public let change: Change
        public let old: Article?
        public let new: Article?
        /// The inline edit for a changed article (old → new); empty otherwise.
        public let segments: [CharacterDiff.Segment]
        /// The pair left its place relative to the other pairs (not just renumbered).
        public let moved: Bool
        /// An added article whose text mostly comes from this old article (拆分).
        public let takenFrom: Article?
        /// A removed article whose text mostly went into this new article (合并).
        public let mergedInto: Article?

        /// Same text or edited, under another number.
        public var renumbered: Bool { old != nil && new != nil && old!.label != new!.label }
    }

    public let old: [Article]
    public let new: [Article]
    /// New text order, each removed article placed after the old article it followed.
    public let rows: [Row]

    public init(old oldBody: String, new newBody: String) {
        self.init(old: Article.split(oldBody), new: Article.split(newBody))
    }

    public init(old: [Article], new: [Article]) {
        self.old = old
        self.new = new
        let similarity = Similarity(old: old, new: new)
        var pairOfNew = [Int?](repeating: nil, count: new.count)
        var pairOfOld = [Int?](repeating: nil, count: old.count)
        func pair(_ i: Int, _ j: Int) { pairOfOld[i] = j; pairOfNew[j] = i }

        // 1. Identical text, in order of appearance.
        var byText: [String: [Int]] = [:]
        for (i, a) in old.enumerated().reversed() { byText[a.text, default: []].append(i) }
        for (j, b) in new.enumerated() {
            if let i = byText[b.text]?.popLast() { pair(i, j) }
        }
        // 2. and 3. Similar text, the best pairs first; ties go to the pair closest in relative position.
        let candidates = similarity.pairs(minimum: 0.3).filter { pairOfOld[$0.old] == nil && pairOfNew[$0.new] == nil }
            .sorted { a, b in
                if a.score != b.score { return a.score > b.score }
                return ArticleDiff.offset(a, old.count, new.count) < ArticleDiff.offset(b, old.count, new.count)
            }
        for strongOnly in [true, false] {
            for c in candidates where pairOfOld[c.old] == nil && pairOfNew[c.new] == nil {
                if strongOnly ? c.score >= 0.5 : ArticleDiff.keepsOrder(c.old, c.new, pairOfOld) { pair(c.old, c.new) }
            }
        }

        // 4. A stretch between two pairs holding one unpaired article on each side is that
        //    article rewritten — unless its text went elsewhere (split or merge).
        for i in old.indices where pairOfOld[i] == nil {
            let previous = pairOfOld[..<i].lastIndex { $0 != nil }
            let next = pairOfOld[(i + 1)...].firstIndex { $0 != nil }
            let from = previous.map { pairOfOld[$0]! } ?? -1, to = next.map { pairOfOld[$0]! } ?? new.count
            guard (next ?? old.count) - (previous ?? -1) == 2, from < to else { continue }
            let unpaired = (from + 1..<to).filter { pairOfNew[$0] == nil }
            guard unpaired.count == 1, let j = unpaired.first,
                similarity.bestSource(ofNew: j).map({ $0 == i }) ?? true,
                similarity.bestContainer(ofOld: i).map({ $0 == j }) ?? true
            else { continue }
            pair(i, j)
        }

        // Pairs out of the longest in-order run of pairs have moved.
        let inOrder = ArticleDiff.longestIncreasing(pairOfNew)
        var rows: [Row] = []
        var nextOld = 0
        func emitRemoved(upTo limit: Int) {
            while nextOld < limit {
                if pairOfOld[nextOld] == nil {
                    let merged = similarity.bestContainer(ofOld: nextOld).map { new[$0] }
                    rows.append(
                        Row(
                            change: .removed, old: old[nextOld], new: nil, segments: [], moved: false,
                            takenFrom: nil, mergedInto: merged))
                }
                nextOld += 1
            }
        }
        for (j, b) in new.enumerated() {
            guard let i = pairOfNew[j] else {
                let source = similarity.bestSource(ofNew: j).map { old[$0] }
                rows.append(Row(change: .added, old: nil, new: b, segments: [], moved: false, takenFrom: source, mergedInto: nil))
                continue
            }
            if inOrder.contains(j) { emitRemoved(upTo: i) }
            let a = old[i]
            let same = a.text == b.text
            rows.append(
                Row(
                    change: same ? .unchanged : .changed, old: a, new: b,
                    segments: same ? [] : CharacterDiff.segments(old: a.text, new: b.text),
                    moved: !inOrder.contains(j), takenFrom: nil, mergedInto: nil))
        }
        emitRemoved(upTo: old.count)
        self.rows = rows
    }

    public func count(_ change: Change) -> Int { rows.filter { $0.change == change }.count }

    /// A run of unchanged rows by its new numbers, with the old ones when they differ and the
    /// count: `第十七条至第二十一条（原第十六条至第二十条，5 条）`.
    public static func describeRun(_ rows: [Row]) -> String {
        func span(_ labels: [String]) -> String {
            labels.count == 1 ? labels[0] : "\(labels.first ?? "")至\(labels.last ?? "")"
        }
        let now = span(rows.compactMap { $0.new?.label })
        let was = rows.contains(where: \.renumbered) ? "原\(span(rows.compactMap { $0.old?.label }))，" : ""
        return "\(now)（\(was)\(rows.count) 条）"
    }

    /// Whether nothing but numbering and placement differs.
    public var isIdentical: Bool { rows.allSatisfy { $0.change == .unchanged } }

    // MARK: - Helpers

    private static func offset(_ c: Similarity.Pair, _ n: Int, _ m: Int) -> Double {
        abs(Double(c.old) / Double(max(n, 1)) - Double(c.new) / Double(max(m, 1)))
    }

    /// Whether pairing old `i` with new `j` keeps the order of the nearest pairs on both sides.
    private static func keepsOrder(_ i: Int, _ j: Int, _ pairOfOld: [Int?]) -> Bool {
        let before = pairOfOld[..<i].last { $0 != nil }.flatMap { $0 } ?? -1
        let after = pairOfOld[(i + 1)...].first { $0 != nil }.flatMap { $0 } ?? Int.max
        return before < j && j < after
    }

    /// The new indexes whose old partners form the longest increasing run (patience sorting).
    static func longestIncreasing(_ pairOfNew: [Int?]) -> Set<Int> {
        let pairs = pairOfNew.enumerated().compactMap { j, i in i.map { (j: j, i: $0) } }
        var tails: [Int] = []  // index into pairs of the smallest tail of each length
        var previous = [Int](repeating: -1, count: pairs.count)
        for (k, p) in pairs.enumerated() {
            var lo = 0, hi = tails.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if pairs[tails[mid]].i < p.i { lo = mid + 1 } else { hi = mid }
            }
            previous[k] = lo > 0 ? tails[lo - 1] : -1
            if lo == tails.count { tails.append(k) } else { tails[lo] = k }
        }
        var result: Set<Int> = []
        var k = tails.last ?? -1
        while k >= 0 { result.insert(pairs[k].j); k = previous[k] }
        return result
    }
}

/// How much text two articles share: counts of common character bigrams, for every old–new
/// pair at once through an inverted index (a law of a few hundred articles stays instant).
struct Similarity {
    struct Pair { let old: Int, new: Int, score: Double }

    private let oldSizes: [Int]
    private let newSizes: [Int]
    /// common[i * new.count + j]: bigrams old i and new j share (with multiplicity).
    private let common: [Int32]
    private let newCount: Int

    init(old: [Article], new: [Article]) {
        let oldGrams = old.map { Similarity.bigrams($0.text) }
        let newGrams = new.map { Similarity.bigrams($0.text) }
        let oldSizes = oldGrams.map { $0.values.reduce(0, +) }
        let newSizes = newGrams.map { $0.values.reduce(0, +) }
        newCount = new.count
        // Past a few million pairs (texts of thousands of articles) only identical articles pair.
        guard old.count * new.count <= Similarity.maxPairs else {
            common = []
            (self.oldSizes, self.newSizes) = ([], [])
            return
        }
        var postings: [UInt64: [(Int, Int)]] = [:]
        for (i, grams) in oldGrams.enumerated() {
            for (g, c) in grams { postings[g, default: []].append((i, c)) }
        }
        var common = [Int32](repeating: 0, count: old.count * new.count)
        for (j, grams) in newGrams.enumerated() {
            for (g, c) in grams {
                for (i, oc) in postings[g] ?? [] { common[i * new.count + j] += Int32(min(c, oc)) }
            }
        }
        self.common = common
        (self.oldSizes, self.newSizes) = (oldSizes, newSizes)
    }

    static let maxPairs = 4_000_000

    /// Dice coefficient 2·shared / (size old + size new), 0…1.
    func score(_ i: Int, _ j: Int) -> Double {
        let total = oldSizes[i] + newSizes[j]
        return total == 0 ? 1 : 2 * Double(common[i * newCount + j]) / Double(total)
    }

    func pairs(minimum: Double) -> [Pair] {
        var out: [Pair] = []
        for i in oldSizes.indices {
            for j in newSizes.indices where common[i * newCount + j] > 0 {
                let s = score(i, j)
                if s >= minimum { out.append(Pair(old: i, new: j, score: s)) }
            }
        }
        return out
    }

    /// The old article holding most (≥ 60 %) of new article `j`'s text.
    func bestSource(ofNew j: Int) -> Int? {
        guard j < newSizes.count, newSizes[j] > 0 else { return nil }
        let best = oldSizes.indices.max { common[$0 * newCount + j] < common[$1 * newCount + j] }
        return best.flatMap { Double(common[$0 * newCount + j]) >= 0.6 * Double(newSizes[j]) ? $0 : nil }
    }

    /// The new article holding most (≥ 60 %) of old article `i`'s text.
    func bestContainer(ofOld i: Int) -> Int? {
        guard i < oldSizes.count, oldSizes[i] > 0 else { return nil }
        let best = newSizes.indices.max { common[i * newCount + $0] < common[i * newCount + $1] }
        return best.flatMap { Double(common[i * newCount + $0]) >= 0.6 * Double(oldSizes[i]) ? $0 : nil }
    }

    /// Character bigrams with their counts; a one-character text counts as one gram.
    static func bigrams(_ text: String) -> [UInt64: Int] {
        let scalars = text.unicodeScalars.filter { !$0.properties.isWhitespace }.map { UInt64($0.value) }
        var grams: [UInt64: Int] = [:]
        if scalars.count == 1 { grams[scalars[0] << 32] = 1 }
        for k in scalars.indices.dropLast() { grams[scalars[k] << 32 | scalars[k + 1], default: 0] += 1 }
        return grams
    }
}
