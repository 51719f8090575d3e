import PolicyCore

/// Something the loader could not read, kept as data: the loader knows nothing of rules, and
/// the rule that owns each kind of problem (PF001 `FileIsReadable`, PF010 `NoSymlinks`,
/// PF011 `PublishedPathsAreDistinct`) turns
/// it into a finding.
public struct LoadProblem: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Not UTF-8 text, too large, not a regular file, or not readable (PF001).
        case unreadable
        /// A symbolic link, never followed (PF010).
        case symlink
        /// Files whose names differ only by Unicode normalisation; one would hide the other (PF011).
        case nameCollision
    }

    public let kind: Kind
    public let location: SourceLocation
    /// What is wrong, in Chinese.
    public let message: String
    /// A fix more specific than the rule's own, when there is one.
    public let fix: String?

    public init(_ kind: Kind, at location: SourceLocation, _ message: String, fix: String? = nil) {
        self.kind = kind
        self.location = location
        self.message = message
        self.fix = fix
    }
}
