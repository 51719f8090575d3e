import PolicyCore

/// The references an interpretation makes to the articles of its document — `第十二条`,
/// `第三条第二款`, `第十条之一第（三）项` — found in its text so the page can link each to the
/// article's anchor (`BodyOutline`). A reference to another law's article is left alone: one
/// that follows a quoted title other than the document's own (`《食品安全法》第三十六条`), or
/// a law's name written without quotes (`食品安全法第三十六条`), unless it is this text's own
/// (`本办法第三条`, or a bare `办法第三条` when the document is a 办法).
public enum ArticleReferences {
    /// A run of text, with the anchor of the article it refers to, if it is a reference.
    public struct Segment: Sendable, Equatable {
        public let text: String
        public let anchor: String?
    }

    /// Endings of an unquoted name of a law or rule: what stands before `第…条` when it is
    /// another text's article.
    static let nameEndings = ["法", "条例", "规定", "办法", "细则", "规则", "决定", "意见", "通知", "措施", "规程", "标准", "解释"]

    /// `text` cut into plain runs and references to articles `outline` has; one plain
    /// segment when there is no such reference.
    public static func segments(in text: String, outline: BodyOutline, documentTitle: String) -> [Segment] {
        let chars = Array(text)
        var segments: [Segment] = []
        var plainStart = 0
        var i = 0
        while i < chars.count {
            guard chars[i] == "第", let (end, anchor) = reference(chars, at: i),
                outline.articles.contains(where: { $0.anchor == anchor }),
                refersToOwnText(before: chars[..<i], documentTitle: documentTitle)
            else {
                i += 1
                continue
            }
            if plainStart < i { segments.append(Segment(text: String(chars[plainStart..<i]), anchor: nil)) }
            segments.append(Segment(text: String(chars[i..<end]), anchor: anchor))
            i = end
            plainStart = end
        }
        if plainStart < chars.count || segments.isEmpty {
            segments.append(Segment(text: String(chars[plainStart...]), anchor: nil))
        }
        return segments
    }

    /// The reference starting at `start` (a 第): its end and the article's anchor.
    private static func reference(_ chars: [Character], at start: Int) -> (Int, String)? {
        guard let (afterNumber, number) = numeral(chars, from: start + 1), afterNumber < chars.count, chars[afterNumber] == "条"
        else { return nil }
        var end = afterNumber + 1
        var anchor = "art-\(number)"
        if end < chars.count, chars[end] == "之", let (afterSub, sub) = numeral(chars, from: end + 1) {
            anchor += "-\(sub)"
            end = afterSub
        }
        // 第二款, 第（三）项 / 第三项, 第1目: part of the same reference, linked to the article.
        for unit: Character in ["款", "项", "目"] {
            guard end < chars.count, chars[end] == "第" else { break }
            var j = end + 1
            let bracketed = j < chars.count && (chars[j] == "（" || chars[j] == "(")
            if bracketed { j += 1 }
            guard let (afterPart, _) = numeral(chars, from: j) else { break }
            j = afterPart
            if bracketed {
                guard j < chars.count, chars[j] == "）" || chars[j] == ")" else { break }
                j += 1
            }
            guard j < chars.count, chars[j] == unit else { continue }
            end = j + 1
        }
        return (end, anchor)
    }

    private static func numeral(_ chars: [Character], from start: Int) -> (Int, Int)? {
        var end = start
        while end < chars.count, ChineseNumeral.isNumeralCharacter(chars[end]) { end += 1 }
        guard end > start, let value = ChineseNumeral.value(String(chars[start..<end])[...]) else { return nil }
        return (end, value)
    }

    /// Whether what precedes a reference makes it one to the document's own text.
    private static func refersToOwnText(before: ArraySlice<Character>, documentTitle: String) -> Bool {
        let text = String(before.suffix(60))
        if text.hasSuffix("》") {
            guard let open = text.lastIndex(of: "《") else { return false }
            let quoted = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            // The full title, or a short name it ends with (《办法》, 《实施办法》).
            return !quoted.isEmpty && (quoted == documentTitle || documentTitle.hasSuffix(quoted))
        }
        guard let ending = nameEndings.filter({ text.hasSuffix($0) }).max(by: { $0.count < $1.count }) else { return true }
        // 本办法第三条; 办法第三条 or （办法第三条） when the document is a 办法; not 食品安全法第三条.
        guard let before = text.dropLast(ending.count).last else { return documentTitle.hasSuffix(ending) }
        if "本该此".contains(before) { return true }
        return (before.isPunctuation || before.isWhitespace) && documentTitle.hasSuffix(ending)
    }
}
