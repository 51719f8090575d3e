import PolicyCore

/// Changes within one article, character by character — Chinese has no spaces, so words
/// are no unit. A longest common subsequence (LCS) gives the edit; short accidental matches
/// (a lone 的 between two rewritten clauses) are then folded into the change around them,
/// so a reader sees whole phrases replaced rather than confetti.
public enum CharacterDiff {
    public struct Segment: Sendable, Equatable {
        public enum Kind: String, Sendable { case equal, deleted, inserted }
        public let kind: Kind
        public let text: String

        public init(_ kind: Kind, _ text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// Above this many cells the LCS table would be slow or large (an article rewritten at
    /// length); the diff then works on sentences instead of characters.
    static let maxCells = 1_500_000

    public static func segments(old: String, new: String) -> [Segment] {
        let a = Array(old), b = Array(new)
        // Common prefix and suffix cost nothing and shrink the table.
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
            a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
        { suffix += 1 }
        let midA = Array(a[prefix..<(a.count - suffix)]), midB = Array(b[prefix..<(b.count - suffix)])
        var out: [Segment] = []
        if prefix > 0 { out.append(Segment(.equal, String(a[..<prefix]))) }
        if midA.count * midB.count <= maxCells {
            out += cleanUp(lcs(midA, midB).map { Segment($0.kind, String($0.items)) })
        } else {
            out += cleanUp(lcs(sentences(midA), sentences(midB)).map { Segment($0.kind, $0.items.joined()) })
        }
        if suffix > 0 { out.append(Segment(.equal, String(a[(a.count - suffix)...]))) }
        return merged(out)
    }

    /// Sentences and clauses with their closing punctuation (。；！？ and line breaks).
    private static func sentences(_ chars: [Character]) -> [String] {
        var out: [String] = [], current = ""
        for c in chars {
            current.append(c)
            if "。；！？\n".contains(c) { out.append(current); current = "" }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// The edit from `a` to `b` as runs of equal, deleted and inserted items, deletions
    /// before insertions within a change.
    static func lcs<T: Hashable>(_ a: [T], _ b: [T]) -> [(kind: Segment.Kind, items: [T])] {
        // The table compares items n·m times: compare small integers standing for them, not
        // Characters or Strings (a Unicode-aware comparison each time).
        var ids: [T: Int32] = [:]
        func interned(_ items: [T]) -> [Int32] {
            items.map { item in
                if let id = ids[item] { return id }
                let id = Int32(ids.count)
                ids[item] = id
                return id
            }
        }
        var runs: [(kind: Segment.Kind, items: [T])] = []
        var i = 0, j = 0
        for (kind, count) in lcsRuns(interned(a), interned(b)) {
            switch kind {
            case .equal: runs.append((kind, Array(a[i..<(i + count)]))); i += count; j += count
            case .deleted: runs.append((kind, Array(a[i..<(i + count)]))); i += count
            case .inserted: runs.append((kind, Array(b[j..<(j + count)]))); j += count
            }
        }
        return runs
    }

    /// `lcs` on item ids: the runs' kinds and lengths.
    private static func lcsRuns(_ a: [Int32], _ b: [Int32]) -> [(kind: Segment.Kind, count: Int)] {
        let n = a.count, m = b.count
        // suffixLength[i * (m + 1) + j] = LCS length of a[i...] and b[j...].
        var table = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i * (m + 1) + j] =
                        a[i] == b[j]
                        ? table[(i + 1) * (m + 1) + j + 1] + 1
                        : max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1])
                }
            }
        }
        var runs: [(kind: Segment.Kind, count: Int)] = []
        func push(_ kind: Segment.Kind) {
            if let last = runs.last, last.kind == kind { runs[runs.count - 1].count += 1 } else { runs.append((kind, 1)) }
        }
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                push(.equal); i += 1; j += 1
            } else if j >= m || (i < n && table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1]) {
                push(.deleted); i += 1
            } else {
                push(.inserted); j += 1
            }
        }
        return runs
    }

    /// Folds an equal run into the change around it when it is no longer than the change on
    /// either side (the rule of diff-match-patch's semantic clean-up), until nothing folds.
    static func cleanUp(_ segments: [Segment]) -> [Segment] {
        var s = merged(segments)
        var changed = true
        while changed {
            changed = false
            for k in s.indices where s[k].kind == .equal {
                let before = changeSize(s, from: k - 1, step: -1), after = changeSize(s, from: k + 1, step: 1)
                let length = s[k].text.count
                if before > 0, after > 0, length <= before, length <= after {
                    s[k] = Segment(.deleted, s[k].text)
                    s.insert(Segment(.inserted, s[k].text), at: k + 1)
                    s = merged(s)
                    changed = true
                    break
                }
            }
        }
        return s
    }

    /// The larger of the deleted and inserted lengths in the change run next to an equality.
    private static func changeSize(_ s: [Segment], from start: Int, step: Int) -> Int {
        var deleted = 0, inserted = 0, k = start
        while k >= 0, k < s.count, s[k].kind != .equal {
            if s[k].kind == .deleted { deleted += s[k].text.count } else { inserted += s[k].text.count }
            k += step
        }
        return max(deleted, inserted)
    }

    /// Adjacent runs of one kind joined; within each change, all deletions before all insertions.
    static func merged(_ segments: [Segment]) -> [Segment] {
        var out: [Segment] = []
        var deleted = "", inserted = ""
        func flush() {
            if !deleted.isEmpty { out.append(Segment(.deleted, deleted)) }
            if !inserted.isEmpty { out.append(Segment(.inserted, inserted)) }
            deleted = ""; inserted = ""
        }
        for s in segments where !s.text.isEmpty {
            switch s.kind {
            case .deleted: deleted += s.text
            case .inserted: inserted += s.text
            case .equal:
                flush()
                if let last = out.last, last.kind == .equal { out[out.count - 1] = Segment(.equal, last.text + s.text) } else { out.append(s) }
            }
        }
        flush()
        return out
    }
}
