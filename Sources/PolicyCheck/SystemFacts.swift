import PolicyCore
import PolicyLoad
import PolicyModel

/// What the PL rules check a system library by: its library.yml and how each source's own
/// gate went (worked out by `SystemPipeline`, which loads and checks every source).
public struct SystemFacts: Sendable {
    /// How one source's gate went.
    public enum Gate: Sendable {
        /// The commit at `ref` (nil for a local folder) passed and is used.
        case passed(commit: String?)
        /// The commit at `ref` failed with `errors` errors; the commit in library.lock is used.
        case fellBack(failed: String, errors: Int, locked: LibraryLock.Entry)
        /// The content failed with `errors` errors and nothing can stand in for it: a local
        /// folder, or a git source without a locked commit (or whose locked commit fails too).
        case failed(commit: String?, errors: Int)
        /// The content could not be reached at all (no folder, git failed, unknown ref).
        case unavailable(reason: String)
    }

    public let manifest: LibraryManifest
    /// By source id; a source with an unusable entry (no id, no location) has none.
    public let gates: [String: Gate]
    /// `policy check`: a source whose new commit fails is an error even when a locked commit
    /// can stand in (CI must say no); `policy build` builds from the locked commit and warns.
    public let strict: Bool

    public init(manifest: LibraryManifest, gates: [String: Gate], strict: Bool) {
        self.manifest = manifest
        self.gates = gates
        self.strict = strict
    }
}

extension FrontMatter {
    /// A source entry's own position (library.yml): its first key.
    var startLocationOfEntry: SourceLocation { entries.first?.keyLocation ?? startLocation }
}
