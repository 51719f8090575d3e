import CSystemShims

extension StringProtocol {
    /// Without leading and trailing white space. Written with the standard library because
    /// Foundation's `trimmingCharacters` goes through NSString on Linux and dominated load time.
    /// A character is white space when its first scalar is, as `Character.isWhitespace` says.
    package var trimmed: String {
        guard let first = firstIndex(where: { !$0.unicodeScalars.first!.hasWhiteSpaceProperty }),
            let last = lastIndex(where: { !$0.unicodeScalars.first!.hasWhiteSpaceProperty })
        else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// Whether `needle` occurs, compared byte for byte (memmem). For markup and ASCII markers in
    /// large texts: Foundation's `contains` folds Unicode through NSString on Linux, and the
    /// standard library's generic searcher is not specialised for UTF-8 views.
    package func containsBytes(_ needle: String) -> Bool {
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
    /// tests on a character's first scalar), read scalar by scalar: asking each `Character`
    /// ran grapheme breaking and a property lookup over every law's whole text.
    package var containsWhiteSpaceScalar: Bool { unicodeScalars.contains { $0.hasWhiteSpaceProperty } }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace` (the Unicode White_Space property) without the standard
    /// library's property table lookup, which showed in profiles of every per-character loop
    /// over law texts. A test compares the two for every BMP scalar (all White_Space scalars
    /// are there) and a sample of the others.
    package var hasWhiteSpaceProperty: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
