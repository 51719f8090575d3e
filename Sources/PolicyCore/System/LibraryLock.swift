/// `library.lock`, beside library.yml: for each git source, the last commit that passed its
/// gate, like a package manager's lock file. A source whose new commits fail is built from
/// the commit recorded here. Read by PolicyLoad, written by PolicyWrite, as text both ways
/// (`text`), so that the file is the same bytes for the same facts and diffs line by line.
public struct LibraryLock: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// The full commit id.
        public var commit: String
        /// The branch or tag the commit was taken from; nil for the default branch.
        public var ref: String?
        /// The day (as-of, `YYYY-MM-DD`) the commit passed.
        public var passed: String

        public init(commit: String, ref: String?, passed: String) {
            self.commit = commit
            self.ref = ref
            self.passed = passed
        }
    }

    /// By source id.
    public var sources: [String: Entry]

    public init(sources: [String: Entry] = [:]) {
        self.sources = sources
    }

    /// The file's text: a comment, then the sources by id, each field on its own line.
    public var text: String {
        var out = """
            # library.lock：每个 git 来源最近一次通过检查的提交，由 policy build 写入；请与 library.yml 一同提交。
            # Written by `policy build`: each git source's last commit that passed its gate. Commit it; do not edit.
            sources:

            """
        for id in sources.keys.sorted() {
            let e = sources[id]!
            out += "  \(id):\n    commit: \(e.commit)\n"
            if let ref = e.ref { out += "    ref: '\(ref.replacingOccurrences(of: "'", with: "''"))'\n" }
            out += "    passed: \(e.passed)\n"
        }
        return out
    }
}
