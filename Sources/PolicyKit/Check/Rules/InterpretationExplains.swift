/// PI005: an interpretation explains; one that mostly copies the document's sentences gives
/// the public nothing the document did not (the rules forbid 简单重复原文).
struct InterpretationExplains: Rule {
    static let descriptor = RuleDescriptor(
        code: "PI005", name: "interpretation-restates", severity: .warning,
        summary: "Most of an interpretation's text is copied verbatim from its document (share of 8-character runs found in the document above interpretation.max_overlap).",
        fix: "用通俗的语言说明制定背景、主要变化和办事要点，不要大段照抄原文。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for doc in context.library.documents where !doc.interpretations.isEmpty {
            let original = doc.bodyFacts.plainText
            for item in doc.interpretations where item.form == .text || item.form == .qa {
                let share = TextOverlap.share(of: item.bodyFacts.plainText, in: original)
                guard share > context.site.interpretation.maxOverlap else { continue }
                found.append(finding(item.source.location(line: item.source.bodyFirstLine),
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
        var mine = Set<UInt64>()
        forEachRun(in: text) { mine.insert($0) }
        guard mine.count >= 20 else { return 0 }
        var seen = Set<UInt64>()
        forEachRun(in: original) { if mine.contains($0) { seen.insert($0) } }
        return Double(seen.count) / Double(mine.count)
    }

    /// Calls `body` with a hash of every run of `width` letters, digits or ideographs.
    /// Punctuation and spacing are skipped: they vary between a quotation and its source.
    private static func forEachRun(in text: String, _ body: (UInt64) -> Void) {
        var window = [UInt64](repeating: 0, count: width)
        var filled = 0
        for scalar in text.unicodeScalars where isWordScalar(scalar.value) {
            window[filled % width] = UInt64(scalar.value)
            filled += 1
            guard filled >= width else { continue }
            var h: UInt64 = 0xcbf29ce484222325  // FNV-1a over the run, oldest first
            for k in 0..<width { h = (h ^ window[(filled + k) % width]) &* 0x100000001b3 }
            body(h)
        }
    }

    /// ASCII letters and digits, and everything above the CJK punctuation blocks except
    /// full-width punctuation: a cheap stand-in for Unicode properties on a hot path.
    private static func isWordScalar(_ v: UInt32) -> Bool {
        switch v {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0x3040: return false                    // other ASCII, Latin punctuation, CJK symbols 〔〕。
        case 0xFF00...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: return false  // full-width punctuation
        default: return true
        }
    }
}
