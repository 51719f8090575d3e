import CSystemShims

extension StringProtocol {
    /// Without leading and trailing white space. Written with the standard library because
    /// Foundation's `trimmingCharacters` goes through NSString on Linux and dominated load time.
    var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
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
