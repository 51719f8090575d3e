import CSystemShims
import Foundation

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
    static let words: Set<String> = [
        "绝密", "机密", "秘密", "工作秘密", "内部资料", "内部文件", "内部使用", "仅供内部使用",
        "内部参阅", "此件不公开", "此件不予公开", "不予公开", "不公开", "不宜公开",
    ]
    static let cautions = ["注意保存", "注意保管", "注意保密", "妥善保管", "请勿外传", "不得外传", "严禁外传", "不得公开"]
    private static let stars: Set<Character> = ["★", "☆"]
    private static let opening: Set<Character> = ["（", "(", "【", "[", "〔", "［"]
    private static let closing: Set<Character> = ["）", ")", "】", "]", "〕", "］"]
    /// Markdown and layout around a line-long mark: `# 机密`, `**内部资料**`, `> 此件不公开`.
    private static let decoration: Set<Character> = ["#", ">", "*", "_", "-", "+", "|", "=", "~", "`", " ", "\t", "\u{3000}", "\u{A0}"]

    /// The first mark in `line`, if any. Cheap for the lines of a law text: only a line with
    /// 密, a star, 内部 or 公开 in it is looked at closely.
    public static func scan(_ line: Substring) -> Match? {
        let text = String(line)
        // Each form needs certain bytes; the sentences of a law text, which hold 秘密 or 公开,
        // mostly have none of them, and are never split into characters.
        let star = text.containsBytes("★") || text.containsBytes("☆")
        let label = text.containsBytes("密级")
        let caution = text.containsBytes("内部资料") || text.containsBytes("内部文件")
        let bracket = mayHoldBracketedWord(line)
        let short = text.utf8.count <= 64
        guard star || label || caution || bracket || short, mayHoldMark(line) else { return nil }
        let chars = Array(line)
        return (star ? starred(chars) : nil) ?? (label ? labelled(chars) : nil) ?? (caution ? cautioned(chars) : nil)
            ?? (bracket ? bracketed(chars) : nil) ?? (short ? alone(chars) : nil)
    }

    /// Whether a closing bracket follows (after at most a space) the last character of some
    /// mark word (`不公开）`), as `bracketed` needs: one pass over the scalars, since law texts
    /// are full of brackets (`（一）`).
    private static func mayHoldBracketedWord(_ line: Substring) -> Bool {
        var last: Unicode.Scalar = " ", beforeSpace: Unicode.Scalar = " "
        for scalar in line.unicodeScalars {
            if closingScalars.contains(scalar), wordEnds.contains(last) || (last == " " && wordEnds.contains(beforeSpace)) {
                return true
            }
            beforeSpace = last
            last = scalar
        }
        return false
    }

    private static let closingScalars: Set<Unicode.Scalar> = Set(closing.compactMap { $0.unicodeScalars.first })
    /// The last character of each of `words`.
    private static let wordEnds: Set<Unicode.Scalar> = Set(words.compactMap { $0.unicodeScalars.last })

    public static func scan(_ line: String) -> Match? { scan(line[...]) }

    /// The first mark of each line of `text` that has one, with the 1-based line. Looks
    /// closely only at the lines holding a trigger (密, ★, ☆, 内部, 公开), found with `memmem`:
    /// walking every byte, or splitting every text into lines, made this rule the slowest
    /// of a check on a large library.
    public static func scanLines(_ text: String) -> [(line: Int, match: Match)] {
        var text = text
        return text.withUTF8 { b in
            guard let base = b.baseAddress else { return [] }
            var hits: [Int] = []
            for trigger in triggers {
                trigger.withUnsafeBytes { t in
                    var from = 0
                    while from < b.count {
                        let offset = policy_find_bytes(base + from, b.count - from, t.baseAddress!, t.count)
                        guard offset >= 0 else { break }
                        hits.append(from + offset)
                        from += offset + t.count
                    }
                }
            }
            guard !hits.isEmpty else { return [] }
            hits.sort()
            var found: [(line: Int, match: Match)] = []
            var line = 1, counted = 0  // `line` is the number of the line that starts at `counted`
            var done = 0  // hits before this offset are in lines already read
            for hit in hits where hit >= done {
                var start = hit
                while start > counted, b[start - 1] != 10 { start -= 1 }
                line += newlines(base + counted, start - counted)
                counted = start
                let end = memchr(base + hit, 10, b.count - hit).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? b.count
                let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
                if let match = scan(text[...]) { found.append((line, match)) }
                done = end
            }
            return found
        }
    }

    /// 密, ★, ☆, 内部, 公开 in UTF-8: every mark holds one of them.
    private static let triggers: [[UInt8]] = ["密", "★", "☆", "内部", "公开"].map { Array($0.utf8) }

    private static func newlines(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int {
        var n = 0, at = p, left = count
        while left > 0, let q = memchr(at, 10, left) {
            n += 1
            let next = q.assumingMemoryBound(to: UInt8.self) + 1
            left -= at.distance(to: next)
            at = UnsafePointer(next)
        }
        return n
    }

    static func mayHoldMark(_ line: Substring) -> Bool {
        let text = String(line)
        return ["密", "★", "☆", "内部", "公开"].contains { text.containsBytes($0) }
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
            if term > end, term < c.count, c[term] == "年" {
                end = term + 1
            } else if term > end, term + 1 < c.count, c[term] == "个", c[term + 1] == "月" {
                end = term + 2
            } else if ends(c, at: end + 2, with: "长期") {
                end += 2
            } else {
                end = i + 1
            }
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
            let last = c.lastIndex(where: { !decoration.contains($0) })
        else { return nil }
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
