/// Finds classification and non-disclosure marks (密级和不公开标志) in a line of text: a text
/// that carries one may not be published at all.
///
/// Law texts are full of the same words in sentences — 商业秘密, 保守国家秘密, 机密级不超过二十年,
/// 依法不予公开 — so a word alone is never a mark. A mark is recognised by the forms a mark
/// takes on a document (GB/T 9704): a 密级 with the star and term (`机密★5年`, `秘密★`), a
/// `密级：` label, a line that is nothing but a mark (`绝密`, `内部资料`, `此件不公开`), a
/// mark in brackets (`（此件不公开）`, `【内部资料】`), or 内部资料 with its caution
/// (`内部资料，注意保存`).
public enum ClassificationMark {
    public struct Match: Sendable, Equatable {
        /// The mark as written.
        public let text: String
        /// 1-based column in characters.
        public let column: Int
    }

    /// The levels (密级) that take a star and a term.
    static let levels = ["工作秘密", "绝密", "机密", "秘密"]
    /// What counts as a mark when it stands alone on a line or in brackets.
    static let words: Set<String> = ["绝密", "机密", "秘密", "工作秘密", "内部资料", "内部文件", "内部使用", "仅供内部使用",
                                     "内部参阅", "此件不公开", "此件不予公开", "不予公开", "不公开", "不宜公开"]
    static let cautions = ["注意保存", "注意保管", "注意保密", "妥善保管", "请勿外传", "不得外传", "严禁外传", "不得公开"]
    private static let stars: Set<Character> = ["★", "☆"]
    private static let opening: Set<Character> = ["（", "(", "【", "[", "〔", "［"]
    private static let closing: Set<Character> = ["）", ")", "】", "]", "〕", "］"]
    /// Markdown and layout around a line-long mark: `# 机密`, `**内部资料**`, `> 此件不公开`.
    private static let decoration: Set<Character> = ["#", ">", "*", "_", "-", "+", "|", "=", "~", "`", " ", "\t", "\u{3000}", "\u{A0}"]

    /// The first mark in `line`, if any. Cheap for the lines of a law text: only a line with
    /// 密, a star, 内部 or 公开 in it is looked at closely.
    public static func scan(_ line: Substring) -> Match? {
        guard mayHoldMark(line) else { return nil }
        let chars = Array(line)
        if let match = starred(chars) ?? labelled(chars) ?? cautioned(chars) ?? bracketed(chars) { return match }
        return alone(chars)
    }

    public static func scan(_ line: String) -> Match? { scan(line[...]) }

    /// 密 (E5 AF 86), ★/☆ (E2 98 85/86), 内部 (E5 86 85 E9 83 A8), 公开 (E5 85 AC E5 BC 80).
    static func mayHoldMark(_ line: Substring) -> Bool {
        var line = line
        return line.withUTF8 { b in
            guard b.count >= 3 else { return false }
            for i in 0..<(b.count - 2) {
                switch (b[i], b[i + 1], b[i + 2]) {
                case (0xE5, 0xAF, 0x86), (0xE2, 0x98, 0x85), (0xE2, 0x98, 0x86): return true
                case (0xE5, 0x86, 0x85) where i + 5 < b.count && b[i + 3] == 0xE9 && b[i + 4] == 0x83 && b[i + 5] == 0xA8: return true
                case (0xE5, 0x85, 0xAC) where i + 5 < b.count && b[i + 3] == 0xE5 && b[i + 4] == 0xBC && b[i + 5] == 0x80: return true
                default: continue
                }
            }
            return false
        }
    }

    /// `机密★5年`, `秘密★`, `绝密 ★ 长期`: a level, the star, and the term if any.
    private static func starred(_ c: [Character]) -> Match? {
        for (i, ch) in c.enumerated() where stars.contains(ch) {
            var j = i
            while j > 0, c[j - 1] == " " || c[j - 1] == "\u{3000}" { j -= 1 }
            guard let level = levels.first(where: { ends(c, at: j, with: $0) }) else { continue }
            let start = j - level.count
            var end = i + 1
            while end < c.count, c[end] == " " || c[end] == "\u{3000}" { end += 1 }
            var term = end
            while term < c.count, c[term].isNumber || "〇一二三四五六七八九十".contains(c[term]) { term += 1 }
            if term > end, term < c.count, c[term] == "年" { end = term + 1 }
            else if term > end, term + 1 < c.count, c[term] == "个", c[term + 1] == "月" { end = term + 2 }
            else if ends(c, at: end + 2, with: "长期") { end += 2 }
            else { end = i + 1 }
            return Match(text: String(c[start..<end]), column: start + 1)
        }
        return nil
    }

    /// `密级：机密`, `密级: 内部`.
    private static func labelled(_ c: [Character]) -> Match? {
        for i in c.indices where ends(c, at: i + 2, with: "密级") {
            var j = i + 2
            while j < c.count, c[j] == " " || c[j] == "\u{3000}" { j += 1 }
            guard j < c.count, c[j] == ":" || c[j] == "：" else { continue }
            j += 1
            while j < c.count, c[j] == " " || c[j] == "\u{3000}" { j += 1 }
            if let level = (levels + ["内部"]).first(where: { ends(c, at: j + $0.count, with: $0) }) {
                return Match(text: String(c[i..<(j + level.count)]), column: i + 1)
            }
        }
        return nil
    }

    /// `内部资料，注意保存`, `内部文件 请勿外传`.
    private static func cautioned(_ c: [Character]) -> Match? {
        for i in c.indices {
            guard let head = ["内部资料", "内部文件"].first(where: { ends(c, at: i + $0.count, with: $0) }) else { continue }
            var j = i + head.count
            var gap = 0
            while j < c.count, gap < 2, " \u{3000}，,、；;：:".contains(c[j]) { j += 1; gap += 1 }
            if let caution = cautions.first(where: { ends(c, at: j + $0.count, with: $0) }) {
                return Match(text: String(c[i..<(j + caution.count)]), column: i + 1)
            }
        }
        return nil
    }

    /// `（此件不公开）`, `【内部资料】`: a mark word alone in brackets.
    private static func bracketed(_ c: [Character]) -> Match? {
        for (i, ch) in c.enumerated() where opening.contains(ch) {
            guard let close = c[(i + 1)...].prefix(9).firstIndex(where: { closing.contains($0) }) else { continue }
            let inner = String(c[(i + 1)..<close]).trimmed
            if words.contains(inner) { return Match(text: String(c[i...close]), column: i + 1) }
        }
        return nil
    }

    /// A line that is nothing but a mark, once Markdown around it is taken off.
    private static func alone(_ c: [Character]) -> Match? {
        guard let first = c.firstIndex(where: { !decoration.contains($0) }),
              let last = c.lastIndex(where: { !decoration.contains($0) }) else { return nil }
        let text = String(c[first...last])
        return words.contains(text) ? Match(text: text, column: first + 1) : nil
    }

    /// Whether `c[..<end]` ends with `word`.
    private static func ends(_ c: [Character], at end: Int, with word: String) -> Bool {
        let w = Array(word)
        guard end <= c.count, end >= w.count else { return false }
        return Array(c[(end - w.count)..<end]) == w
    }
}
