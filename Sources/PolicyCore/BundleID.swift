/// The rule for bundle folder names: lower-case ASCII letters, digits and single hyphens.
public enum BundleID {
    public static func isWellFormed(_ id: String) -> Bool {
        guard let first = id.first, let last = id.last, first != "-", last != "-", !id.containsBytes("--") else { return false }
        return id.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
