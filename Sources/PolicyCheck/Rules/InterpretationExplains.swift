import PolicyCore

/// PI005: an interpretation explains; one that mostly copies the document's sentences gives
/// the public nothing the document did not (the rules forbid 简单重复原文).
struct InterpretationExplains: Rule {
    static let descriptor = RuleDescriptor(
        code: "PI005", name: "interpretation-restates", severity: .warning,
        summary:
            "Most of an interpretation's text is copied verbatim from its document (share of 8-character runs found in the document above interpretation.max_overlap).",
        fix: "用通俗的语言说明制定背景、主要变化和办事要点，不要大段照抄原文。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for doc in context.library.documents {
            let written = doc.interpretations.filter { $0.form == .text || $0.form == .qa }
            guard !written.isEmpty else { continue }
            let shares = TextOverlap.shares(of: written.map(\.bodyFacts.plainTextUTF8), in: doc.bodyFacts.plainTextUTF8)
            for (item, share) in zip(written, shares) where share > context.site.interpretation.maxOverlap {
                found.append(
                    finding(
                        item.source.location(line: item.source.bodyFirstLine),
                        "解读约 \(Int((share * 100).rounded()))% 的文字与文件原文相同，主要是在重复原文。"))
            }
        }
        return found
    }
}

/// Overlap of two texts measured on runs of 8 characters (Chinese has no word breaks, so
/// character runs stand in for sentences). Only the interpretation's runs are kept in a set;
/// the document is streamed past it, so a 300 KB law costs one pass and no memory.
enum TextOverlap {
    static let width = 8

    /// Share of `text`'s runs that also occur in `original`; 0 for texts too short to judge.
    static func share(of text: String, in original: String) -> Double {
        share(of: Array(text.utf8), in: Array(original.utf8))
    }

    /// The same on UTF-8 bytes, as `BodyFacts` keeps plain text.
    static func share(of text: [UInt8], in original: [UInt8]) -> Double {
        shares(of: [text], in: original)[0]
    }

    /// The share of each text's runs found in `original`. The original — a whole law, the long
    /// side — is read once for all of a document's interpretations.
    static func shares(of texts: [[UInt8]], in original: [UInt8]) -> [Double] {
        var tables: [RunTable] = []
        // A 64 Ki-bit filter in front of the tables: most of a long law's runs are in no short
        // interpretation, and a bit test is cheaper still than a probe.
        var filter = [UInt64](repeating: 0, count: 1024)
        for text in texts {
            var runs: [UInt64] = []
            forEachRun(in: text) {
                runs.append($0); return true
            }
            let table = RunTable(runs)
            // Too short to judge: left out, its share is 0.
            tables.append(table.count >= 20 ? table : RunTable([]))
            guard table.count >= 20 else { continue }
            for run in runs { filter[Int(run >> 54)] |= 1 << (run >> 48 & 63) }
        }
        var unfinished = tables.filter { $0.count > 0 }.count
        if unfinished > 0 {
            filter.withUnsafeBufferPointer { filter in  // a fixed pointer: the array's is reloaded per run
                forEachRun(in: original, passing: filter) { run in
                    for t in tables.indices where tables[t].seenCount < tables[t].count {
                        tables[t].markSeen(run)
                        if tables[t].seenCount == tables[t].count { unfinished -= 1 }
                    }
                    return unfinished > 0  // all found: the rest of a long law cannot add any
                }
            }
        }
        return tables.map { $0.count == 0 ? 0 : Double($0.seenCount) / Double($0.count) }
    }

    /// The distinct runs of one text, each with a "seen in the original" mark.
    ///
    /// Written here rather than using `Set<UInt64>`: the runs are hashes already mixed by
    /// `forEachRun`, and `Set` hashes each again with SipHash, which dominated this rule's
    /// time. Open addressing, linear probing, at most half full; 0 marks an empty slot,
    /// so a run whose hash is 0 is stored as 1 (one value in 2⁶⁴, of no consequence here).
    struct RunTable {
        private var slots: [UInt64]
        private var seen: [Bool]
        private let mask: Int
        private(set) var count = 0
        private(set) var seenCount = 0

        init(_ runs: [UInt64]) {
            var size = 16
            while size < runs.count * 2 { size *= 2 }
            slots = [UInt64](repeating: 0, count: size)
            seen = [Bool](repeating: false, count: size)
            mask = size - 1
            for run in runs {
                let (slot, found) = find(run)
                if !found { slots[slot] = max(run, 1); count += 1 }
            }
        }

        /// Marks a run as found in the original, if it is one of this text's.
        mutating func markSeen(_ run: UInt64) {
            let (slot, found) = find(run)
            if found && !seen[slot] { seen[slot] = true; seenCount += 1 }
        }

        /// The slot holding `run`, or the empty slot where it would go.
        private func find(_ run: UInt64) -> (slot: Int, found: Bool) {
            let key = max(run, 1)
            var i = Int(truncatingIfNeeded: key) & mask
            while slots[i] != 0 {
                if slots[i] == key { return (i, true) }
                i = (i + 1) & mask
            }
            return (i, false)
        }
    }

    /// Calls `body` with a hash of every run of `width` letters, digits or ideographs, until
    /// it returns false; with a `filter`, only for runs whose bit is set in it.
    /// Punctuation and spacing are skipped: they vary between a quotation and its source.
    /// The hash is a rolling polynomial one (each step adds a character and takes out the one
    /// `width` places back), mixed so its top bits are usable for the filter above.
    ///
    /// Characters are read straight from the UTF-8, in the same loop: a law's whole text
    /// passes through here, and `unicodeScalars` costs several times more per character. Each
    /// character is hashed as its bytes packed into one number — the hash needs distinct
    /// values, not code points — and word characters are told apart by their bytes (three-byte
    /// ideographs first, the common case), which is cheaper than decoding code points. The
    /// filter is tested here too, so `body` runs only for likely matches.
    /// The bytes are valid UTF-8 (cmark's output for a Swift string), so continuation bytes
    /// are not checked; a sequence cut short at the end stops the walk, never reads past it.
    @inline(__always)
    private static func forEachRun(
        in text: [UInt8], passing filter: UnsafeBufferPointer<UInt64>? = nil,
        _ body: (UInt64) -> Bool
    ) {
        text.withUnsafeBufferPointer { bytes in
            // The last `width` (8) characters, on the stack.
            var ring: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
            withUnsafeMutableBytes(of: &ring) { raw in
                let ring = raw.bindMemory(to: UInt64.self)
                let (base, outgoingWeight) = (Self.base, Self.outgoingWeight)
                var filled = 0
                var rolling: UInt64 = 0
                var i = 0
                while i < bytes.count {
                    let lead = UInt32(bytes[i])
                    let character: UInt32
                    if lead >= 0xE0 && lead < 0xF0 {  // three bytes: U+0800–U+FFFF, the common ideographs among them
                        guard i + 3 <= bytes.count else { return }
                        let second = UInt32(bytes[i + 1]), third = UInt32(bytes[i + 2])
                        i += 3
                        // Below U+3040 (lead E0–E2, or E3 80) is punctuation and symbols.
                        if lead < 0xE3 || (lead == 0xE3 && second == 0x80) { continue }
                        if lead == 0xEF && (second == 0xBC || second == 0xBD), isFullWidthPunctuation(second, third) { continue }
                        character = lead << 16 | second << 8 | third
                    } else if lead < 0x80 {
                        i += 1
                        guard (0x30...0x39).contains(lead) || (0x41...0x5A).contains(lead) || (0x61...0x7A).contains(lead) else { continue }
                        character = lead
                    } else if lead < 0xE0 {
                        i += 2; continue  // two bytes: U+0080–U+07FF, none of them word characters here
                    } else {
                        guard i + 4 <= bytes.count else { return }
                        character = lead << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
                        i += 4
                    }
                    let slot = filled & (width - 1)
                    if filled >= width { rolling = rolling &- ring[slot] &* outgoingWeight }
                    ring[slot] = UInt64(character)
                    rolling = rolling &* base &+ UInt64(character)
                    filled += 1
                    guard filled >= width else { continue }
                    var h = rolling ^ (rolling >> 31)  // splitmix-style finaliser
                    h = h &* 0x9e3779b97f4a7c15
                    h ^= h >> 29
                    if let filter, filter[Int(h >> 54)] & (1 << (h >> 48 & 63)) == 0 { continue }
                    guard body(h) else { return }
                }
            }
        }
    }

    /// U+FF00–FF0F, FF1A–FF20, FF3B–FF40, FF5B–FF65 from their last two UTF-8 bytes (EF BC xx, EF BD xx).
    @inline(__always)
    private static func isFullWidthPunctuation(_ second: UInt32, _ third: UInt32) -> Bool {
        let v = (second - 0xBC) << 6 | (third & 0x3F)  // offset from U+FF00
        return v <= 0x0F || (0x1A...0x20).contains(v) || (0x3B...0x40).contains(v) || (0x5B...0x65).contains(v)
    }

    private static let base: UInt64 = 0x100000001b3
    /// base^(width-1): the weight of the character leaving the window.
    private static let outgoingWeight: UInt64 = (1..<width).reduce(1) { product, _ in product &* base }
}
