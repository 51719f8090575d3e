extension StringProtocol {
    /// Without leading and trailing white space. Written with the standard library because
    /// Foundation's `trimmingCharacters` goes through NSString on Linux and dominated load time.
    var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
