import CSystemShims

extension StringProtocol {
    /// Without leading and trailing white space. Written with the standard library because
    /// Foundation's `trimmingCharacters` goes through NSString on Linux and dominated load time.
    /// A character is white space when its first scalar is, as `Character.isWhitespace` says.
    var trimmed: String {
        guard let first = firstIndex(where: { !$0.unicodeScalars.first!.hasWhiteSpaceProperty }),
              let last = lastIndex(where: { !$0.unicodeScalars.first!.hasWhiteSpaceProperty }) else { return "" }
        return String(self[first...last])
    }
}


extension String {
    /// Whether `needle` occurs, compared byte for byte (memmem). For markup and ASCII markers in
    /// large texts: Foundation's `contains` folds Unicode through NSString on Linux, and the
    /// standard library's generic searcher is not specialised for UTF-8 views.
    func containsBytes(_ needle: String) -> Bool {
        var haystack = self, needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard let hb = h.baseAddress, let nb = n.baseAddress else { return n.isEmpty }
                return policy_contains_bytes(hb, h.count, nb, n.count) != 0
            }
        }
    }
}

extension String {
    /// Whether any scalar has the Unicode White_Space property (what `Character.isWhitespace`
    /// tests on a character's first scalar), read from the UTF-8 bytes: asking each
    /// `Character` ran grapheme breaking and a property lookup over every law's whole text.
    /// The White_Space scalars are U+0009–000D, 0020, 0085, 00A0, 1680, 2000–200A, 2028,
    /// 2029, 202F, 205F and 3000; a test compares this with the standard library's answer for
    /// every BMP scalar (all White_Space scalars are there) and a sample of the others.
    var containsWhiteSpaceScalar: Bool {
        var text = self
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                // The length guards matter only for invalid UTF-8, which a String never holds.
                switch b {
                case 0x09...0x0D, 0x20:
                    return true
                case 0xC2 where i + 1 < bytes.count:
                    if bytes[i + 1] == 0x85 || bytes[i + 1] == 0xA0 { return true }
                case 0xE1 where i + 2 < bytes.count:
                    if bytes[i + 1] == 0x9A && bytes[i + 2] == 0x80 { return true }
                case 0xE2 where i + 2 < bytes.count:
                    let (second, third) = (bytes[i + 1], bytes[i + 2])
                    if second == 0x80 && ((0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF) { return true }
                    if second == 0x81 && third == 0x9F { return true }
                case 0xE3 where i + 2 < bytes.count:
                    if bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 { return true }
                default:
                    break
                }
                i += 1
            }
            return false
        }
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace` (the Unicode White_Space property, the scalars listed at
    /// `String.containsWhiteSpaceScalar`) without the standard library's property table
    /// lookup, which showed in profiles of every per-character loop over law texts.
    var hasWhiteSpaceProperty: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
