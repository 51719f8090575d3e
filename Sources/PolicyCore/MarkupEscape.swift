/// Escapes text for HTML and XML so that content never becomes markup: `&`, `<`, `>` and `"`
/// always, `'` when asked. One function for the feeds, the 新旧对照 and the preview server's
/// error page (the pages themselves are escaped by Mustache).
public enum MarkupEscape {
    /// - Parameters:
    ///   - apostrophe: also escape `'` (for text that may end up in a single-quoted attribute).
    ///   - newline: what a line break becomes (`<br>` to keep an article's paragraphs); kept as is when nil.
    public static func text(_ text: String, apostrophe: Bool = false, newline: String? = nil) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where apostrophe: out += "&#39;"
            case "\n" where newline != nil: out += newline!
            default: out.append(c)
            }
        }
        return out
    }
}
