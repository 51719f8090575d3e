import Foundation
import PolicyCore

/// A body cut into its articles (条), the unit a 新旧对照 compares. Chapters (章, 节, 编)
/// only group articles, so they are remembered for display but play no part in alignment.
public struct Article: Sendable, Equatable {
    /// 第十一条 → 11; nil for the text before the first article or a paragraph unit.
    public let number: Int?
    /// `第十一条`, `第十条之一`, `序言`, or `第3段` for a body without articles.
    public let label: String
    /// The text after the label: paragraphs joined by "\n", Markdown emphasis and runs of
    /// spaces removed, so that only real wording differences count.
    public let text: String
    /// `第二章 登记管理`, the chapter (and section) it sits in.
    public let chapter: String?
    /// Position in its body, from 0.
    public let index: Int

    /// Splits a Markdown body. Lines starting `第…条` (after `#`/`**`, followed by a space,
    /// the end of the line or `之一`) start an article; a body without any is compared
    /// paragraph by paragraph instead.
    public static func split(_ body: String) -> [Article] {
        var found: [(number: Int?, label: String, lines: [String], chapter: String?)] = []
        var preamble: [String] = []
        var part: String?, section: String?
        var chapter: String? { part.map { p in section.map { "\(p) \($0)" } ?? p } ?? section }
        var paragraphs: [String] = []
        for raw in lines(of: body) {
            let line = clean(raw)
            guard !line.isEmpty else { continue }
            paragraphs.append(line)
            if let (unit, heading) = chapterHeading(line) {
                if unit == "节" { section = heading } else { (part, section) = (heading, nil) }
                continue
            }
            if let (number, label, rest) = articleStart(line) {
                found.append((number, label, rest.isEmpty ? [] : [rest], chapter))
            } else if found.isEmpty {
                // Headings before the first article (the title repeated) are not preamble text.
                if !raw.trimmed.hasPrefix("#") { preamble.append(line) }
            } else {
                found[found.count - 1].lines.append(line)
            }
        }
        if found.isEmpty {
            return paragraphs.enumerated().map { i, p in
                Article(number: nil, label: "第\(i + 1)段", text: p, chapter: nil, index: i)
            }
        }
        var articles: [Article] = []
        if !preamble.isEmpty {
            articles.append(Article(number: nil, label: "序言", text: preamble.joined(separator: "\n"), chapter: nil, index: 0))
        }
        for a in found {
            articles.append(
                Article(
                    number: a.number, label: a.label, text: a.lines.joined(separator: "\n"),
                    chapter: a.chapter, index: articles.count))
        }
        return articles
    }

    /// The non-empty lines of a body, as `split(separator: "\n")` cuts them, found by
    /// searching the UTF-8 for line feeds: splitting by `Character` ran grapheme breaking over
    /// every law's whole text for each version pair. A line feed right after a carriage
    /// return is half of one `"\r\n"` character, which `split` does not cut at; nor does this.
    static func lines(of body: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = body.utf8
        var start = utf8.startIndex
        var i = start
        var previous: UInt8 = 0
        while i < utf8.endIndex {
            let byte = utf8[i]
            if byte == 10 && previous != 13 {
                if start < i { lines.append(body[start..<i]) }
                start = utf8.index(after: i)
            }
            previous = byte
            i = utf8.index(after: i)
        }
        if start < utf8.endIndex { lines.append(body[start...]) }
        return lines
    }

    /// A line without Markdown heading marks, emphasis and surplus spaces.
    private static func clean(_ raw: Substring) -> String {
        var line = raw.trimmed
        while line.hasPrefix("#") { line.removeFirst() }
        if line.hasPrefix("> ") { line.removeFirst(2) }
        // Foundation's replacingOccurrences is slow on Linux; most lines have no emphasis at all.
        if line.utf8.contains(UInt8(ascii: "*")) { line = line.replacingOccurrences(of: "**", with: "") }
        if line.utf8.contains(UInt8(ascii: "_")) { line = line.replacingOccurrences(of: "__", with: "") }
        line = line.trimmed
        // Most lines have no white space inside: nothing to collapse, and reading them
        // `Character` by `Character` below is slow (grapheme breaking). (A white-space scalar
        // that is not first in its character, as after U+0600, only sends a line the slow way.)
        guard line.containsWhiteSpaceScalar else { return line }
        var out = ""
        var lastWasSpace = false
        for c in line {
            if c.unicodeScalars.first!.hasWhiteSpaceProperty {  // what `c.isWhitespace` tests, quicker
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(c)
                lastWasSpace = false
            }
        }
        return out
    }

    /// `第二章 总则` → ("章", itself); nil for any line that is not a 编, 章 or 节 heading.
    static func chapterHeading(_ line: String) -> (String, String)? {
        guard let (_, unit, rest) = numbered(line), ["章", "节", "编"].contains(unit) else { return nil }
        guard rest.isEmpty || rest.first!.isWhitespace else { return nil }
        return (unit, line)
    }

    /// `第十一条 内容` → (11, "第十一条", "内容"); `第十条之一 …` keeps the 之一 in the label.
    static func articleStart(_ line: String) -> (Int, String, String)? {
        guard let (number, unit, afterUnit) = numbered(line), unit == "条" else { return nil }
        var rest = afterUnit
        var label = String(line.prefix(line.count - afterUnit.count))
        if rest.hasPrefix("之"), let n = rest.dropFirst().first, ChineseNumeral.isNumeralCharacter(n) {
            let suffix = rest.prefix { $0 == "之" || ChineseNumeral.isNumeralCharacter($0) }
            label += suffix
            rest = rest.dropFirst(suffix.count)
        }
        // `第十条规定的…` is a cross-reference inside a sentence, not an article.
        guard rest.isEmpty || rest.first!.isWhitespace || "：:。".contains(rest.first!) else { return nil }
        return (number, label, rest.trimmed)
    }

    /// `第<numeral><unit>…` → (value, unit, the text after the unit).
    private static func numbered(_ line: String) -> (Int, String, Substring)? {
        guard line.hasPrefix("第") else { return nil }
        let afterDi = line.dropFirst()
        let numeral = afterDi.prefix(while: ChineseNumeral.isNumeralCharacter)
        guard let value = ChineseNumeral.value(numeral), let unit = afterDi.dropFirst(numeral.count).first
        else { return nil }
        return (value, String(unit), afterDi.dropFirst(numeral.count + 1))
    }
}
