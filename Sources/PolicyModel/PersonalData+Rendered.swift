/// Personal data that only appears once Markdown is rendered. A reader of the page sees
/// `138**0013**8000` as 13800138000, `138<span>0013</span>8000` likewise, a number broken
/// over two lines of one paragraph (`138 0013` / `8000`) as one line joined by a space, and
/// a zero-width space between digits not at all. The plain scan reads the source as written
/// and misses all of these, so the review also scans the text as the page shows it: the
/// source with its inline markup dropped, and mapped back to the source's line and column.
extension PersonalData {
    /// Every match of the text as a reader sees it and of the source as written, once each,
    /// by line and column. A match carries the value as shown (`13800138000`), so
    /// `privacy.allow` and the masking apply to what is published.
    public static func scanMarkdown(_ text: String) -> [(line: Int, match: Match)] {
        guard RenderedText.mayHide(text) else { return scanLines(text) }
        var text = text
        return text.withUTF8 { source in
            let view = RenderedText(source)
            // Source byte ranges: what the page shows, then what is written where the page
            // shows nothing over it (an escaped address is one finding, not two).
            var found: [(kind: Kind, start: Int, end: Int, shown: String)] = view.bytes.withUnsafeBufferPointer { shown in
                scan(shown).map { match in
                    let value = String(decoding: UnsafeBufferPointer(rebasing: shown[match.start..<match.end]), as: UTF8.self)
                    return (match.kind, view.origin[match.start], view.origin[match.end - 1] + 1, value)
                }
            }
            for match in scan(source) where !found.contains(where: { $0.start < match.end && match.start < $0.end }) {
                found.append(
                    (match.kind, match.start, match.end, String(decoding: UnsafeBufferPointer(rebasing: source[match.start..<match.end]), as: UTF8.self)))
            }
            return found.sorted { $0.start < $1.start }.map { match in
                let (line, column) = position(of: match.start, in: source)
                return (line, Match(kind: match.kind, value: match.shown, column: column))
            }
        }
    }
}

/// The text of a Markdown source as the page shows it, byte for byte with where each byte
/// came from: emphasis, code and strike-through markers, backslash escapes, HTML tags and
/// comments, links' destinations and invisible characters dropped; character references
/// (numeric, and the named ones that can write part of a number or an address) decoded; a line break inside
/// a paragraph turned into the space the browser shows. Approximate by design — it only has
/// to keep digits that a reader sees side by side next to each other.
struct RenderedText {
    private(set) var bytes: [UInt8] = []
    /// For each byte of `bytes`, its offset in the source.
    private(set) var origin: [Int] = []

    /// Whether the source holds anything rendering changes that could join digits or an
    /// address: a marker, an escape, a tag, a character reference, an invisible character,
    /// or a line break with a digit before it. Most files have none and are scanned once.
    static func mayHide(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { source in
            for i in source.indices {
                switch source[i] {
                case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "~"), UInt8(ascii: "\\"),
                    UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "]"):
                    return true
                case UInt8(ascii: "\n") where i > 0 && PersonalData.digit(at: i - min(i, 3), in: source) != nil:
                    return true  // a line break after a digit (ASCII, or full-width: three bytes)
                case UInt8(ascii: "\n") where i > 0 && (0x30...0x39).contains(source[i - 1]):
                    return true
                case 0xC2, 0xE2, 0xEF:
                    if invisibleLength(at: i, in: source) != nil { return true }
                default:
                    continue
                }
            }
            return false
        }
    }

    init(_ source: UnsafeBufferPointer<UInt8>) {
        bytes.reserveCapacity(source.count)
        origin.reserveCapacity(source.count)
        var i = 0
        while i < source.count {
            let byte = source[i]
            switch byte {
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "~"):
                i += 1
            case UInt8(ascii: "\\") where i + 1 < source.count && Self.isASCIIPunctuation(source[i + 1]):
                i += 1  // the escaped character itself is kept
            case UInt8(ascii: "]") where i + 1 < source.count && source[i + 1] == UInt8(ascii: "("):
                // A link's or image's destination is not shown: `[138001](#)38000` reads 13800138000.
                var end = i + 2
                while end < source.count, end - i < 2_000, source[end] != UInt8(ascii: ")"), source[end] != UInt8(ascii: "\n") { end += 1 }
                if end < source.count, source[end] == UInt8(ascii: ")") {
                    i = end + 1
                } else {
                    emit(byte, from: i)
                    i += 1
                }
            case UInt8(ascii: "<") where Self.startsComment(at: i, in: source):
                // An HTML comment is not shown: `1380013<!-- -->8000` reads 13800138000.
                var end = i + 4
                while end + 2 < source.count, end - i < 10_000,
                    !(source[end] == UInt8(ascii: "-") && source[end + 1] == UInt8(ascii: "-") && source[end + 2] == UInt8(ascii: ">"))
                {
                    end += 1
                }
                i = end + 2 < source.count ? end + 3 : source.count
            case UInt8(ascii: "<"):
                if let tag = Self.tag(at: i, in: source) {
                    if tag.isLineBreak { emit(UInt8(ascii: " "), from: i) }
                    i = tag.end
                } else {
                    emit(byte, from: i)
                    i += 1
                }
            case UInt8(ascii: "&"):
                if let reference = Self.characterReference(at: i, in: source) {
                    for decoded in String(Character(reference.scalar)).utf8 { emit(decoded, from: i) }
                    i = reference.end
                } else {
                    emit(byte, from: i)
                    i += 1
                }
            case UInt8(ascii: "\n"):
                // A blank line ends the paragraph; any other line break is shown as a space.
                emit(Self.nextLineIsBlank(after: i, in: source) ? byte : UInt8(ascii: " "), from: i)
                i += 1
            default:
                if let invisible = Self.invisibleLength(at: i, in: source) {
                    i += invisible
                } else {
                    emit(byte, from: i)
                    i += 1
                }
            }
        }
    }

    private mutating func emit(_ byte: UInt8, from offset: Int) {
        bytes.append(byte)
        origin.append(offset)
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// An HTML tag (`<span class="x">`, `</em>`, `<br/>`) on one line, at most 200 bytes.
    private static func tag(at start: Int, in source: UnsafeBufferPointer<UInt8>) -> (end: Int, isLineBreak: Bool)? {
        var i = start + 1
        if i < source.count, source[i] == UInt8(ascii: "/") { i += 1 }
        let nameStart = i
        while i < source.count, (source[i] | 0x20) >= UInt8(ascii: "a"), (source[i] | 0x20) <= UInt8(ascii: "z") { i += 1 }
        guard i > nameStart else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: source[nameStart..<i]), as: UTF8.self).lowercased()
        while i < source.count, i - start < 200, source[i] != UInt8(ascii: ">"), source[i] != UInt8(ascii: "\n") { i += 1 }
        guard i < source.count, source[i] == UInt8(ascii: ">") else { return nil }
        return (i + 1, name == "br" || name == "p" || name == "div")
    }

    private static func startsComment(at i: Int, in source: UnsafeBufferPointer<UInt8>) -> Bool {
        i + 3 < source.count && source[i + 1] == UInt8(ascii: "!") && source[i + 2] == UInt8(ascii: "-") && source[i + 3] == UInt8(ascii: "-")
    }

    /// The named references that could join or write a number or an address.
    private static let namedReferences: [String: Unicode.Scalar] = [
        "commat": "@", "period": ".", "lowbar": "_", "hyphen": "-", "dash": "\u{2010}", "ndash": "\u{2013}",
        "mdash": "\u{2014}", "minus": "\u{2212}", "nbsp": "\u{00A0}", "ensp": " ", "emsp": " ", "thinsp": " ",
        "ZeroWidthSpace": "\u{200B}", "shy": "\u{00AD}", "amp": "&", "plus": "+", "num": "#",
    ]

    /// `&#49;`, `&#x31;` or a named reference (`&commat;`): the character and the offset after the `;`.
    private static func characterReference(at start: Int, in source: UnsafeBufferPointer<UInt8>) -> (scalar: Unicode.Scalar, end: Int)? {
        var i = start + 1
        if i < source.count, source[i] != UInt8(ascii: "#") {
            while i < source.count, i - start <= 16, (source[i] | 0x20) >= UInt8(ascii: "a"), (source[i] | 0x20) <= UInt8(ascii: "z") { i += 1 }
            guard i < source.count, source[i] == UInt8(ascii: ";"),
                let scalar = namedReferences[String(decoding: UnsafeBufferPointer(rebasing: source[(start + 1)..<i]), as: UTF8.self)]
            else { return nil }
            return (scalar, i + 1)
        }
        guard i < source.count, source[i] == UInt8(ascii: "#") else { return nil }
        i += 1
        let hex = i < source.count && (source[i] | 0x20) == UInt8(ascii: "x")
        if hex { i += 1 }
        let digitsStart = i
        while i < source.count, i - digitsStart < 8, source[i] != UInt8(ascii: ";") { i += 1 }
        guard i < source.count, source[i] == UInt8(ascii: ";"), i > digitsStart,
            let value = UInt32(String(decoding: UnsafeBufferPointer(rebasing: source[digitsStart..<i]), as: UTF8.self), radix: hex ? 16 : 10),
            let scalar = Unicode.Scalar(value)
        else { return nil }
        return (scalar, i + 1)
    }

    /// Zero-width space, non-joiner and joiner (E2 80 8B–8D), word joiner (E2 81 A0), the
    /// zero-width no-break space (EF BB BF) and the soft hyphen (C2 AD): their length.
    private static func invisibleLength(at i: Int, in source: UnsafeBufferPointer<UInt8>) -> Int? {
        if source[i] == 0xC2, i + 1 < source.count, source[i + 1] == 0xAD { return 2 }
        guard i + 2 < source.count else { return nil }
        switch (source[i], source[i + 1], source[i + 2]) {
        case (0xE2, 0x80, 0x8B...0x8D), (0xE2, 0x81, 0xA0), (0xEF, 0xBB, 0xBF): return 3
        default: return nil
        }
    }

    private static func nextLineIsBlank(after newline: Int, in source: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = newline + 1
        while i < source.count, source[i] == UInt8(ascii: " ") || source[i] == UInt8(ascii: "\t") || source[i] == UInt8(ascii: "\r") { i += 1 }
        return i >= source.count || source[i] == UInt8(ascii: "\n")
    }
}
