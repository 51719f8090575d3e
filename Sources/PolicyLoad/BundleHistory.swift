import PolicyCore

/// What the content repository's git history says about one bundle: the commits that
/// touched any of its files, newest first. Shown on the document page as 收录日期 (the
/// first commit) and 最近更新 (the last). Commit messages are never part of it: they are not
/// reviewed text and must not be published (the page's change log is the bundle's curated
/// `changes:` list).
public struct BundleHistory: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        /// The full commit hash.
        public let commit: String
        /// The commit date, as a day in the site's time zone.
        public let date: CalendarDate

        public init(commit: String, date: CalendarDate) {
            self.commit = commit
            self.date = date
        }
    }

    /// Newest first; never empty.
    public let changes: [Change]

    public init?(changes: [Change]) {
        guard !changes.isEmpty else { return nil }
        self.changes = changes
    }

    /// 收录日期: the day of the first commit that touched the bundle.
    public var added: CalendarDate { changes[changes.count - 1].date }
    /// 最近更新: the day of the last one.
    public var updated: CalendarDate { changes[0].date }
}

/// The history of every bundle, keyed by the bundle's folder relative to the content root
/// (`normative/<id>`). Empty when the content is not in a git repository.
public struct LibraryHistory: Sendable, Equatable {
    public let bundles: [String: BundleHistory]

    public init(bundles: [String: BundleHistory]) {
        self.bundles = bundles
    }

    public static let none = LibraryHistory(bundles: [:])

    public func bundle(_ path: String) -> BundleHistory? { bundles[path] }
}
