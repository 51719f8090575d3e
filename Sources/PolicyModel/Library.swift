import PolicyCore

/// The whole library with its relations resolved once: who supersedes whom, which cleanup
/// results concern a document, which document repeals which. Pages, rules and the search
/// index all read these facts from here rather than working them out again.
public struct Library: Sendable {
    public let site: SiteConfig
    public let calendar: WorkCalendar
    /// Newest first (published, then id), the order every listing starts from.
    public let documents: [Document]
    /// Newest first.
    public let cleanups: [CleanupBatch]
    /// Every bundle folder's id, including bundles too broken to model — so a reference to
    /// one is not reported a second time as unresolved.
    public let bundleIDs: Set<String>
    /// calendar.yml entries that are neither a date nor a range, where they are (PF009
    /// reports them); the calendar is built from the others.
    public let unreadableCalendarEntries: [UnreadableCalendarEntry]
    /// Standalone Q&A entries (`content/qa/`), by id; the Q&A library joins them to the
    /// pairs of the Q&A interpretations (`questionEntries`).
    public let standaloneQuestions: [StandaloneQuestion]

    private let indexByID: [String: Int]
    /// id → ids of the documents that list it in `supersedes`.
    public let supersededBy: [String: [String]]
    /// id → ids of the documents whose `repealed.by` names it.
    public let repeals: [String: [String]]
    /// id → the cleanup results about it, with their batch, oldest batch first.
    public let cleanupResults: [String: [(batch: CleanupBatch, result: CleanupBatch.Result)]]
    /// Every version chain of two or more documents, oldest first, and each member's chain:
    /// worked out once, since every page of a chain and every status badge asks for it.
    let versionChains: VersionChains
    /// id → its 上位文件 and 下级配套文件 (`implements:`), both ways, worked out once.
    public private(set) var implementation: [String: ImplementationLinks]

    public init(
        site: SiteConfig, calendar: WorkCalendar, documents: [Document], cleanups: [CleanupBatch],
        bundleIDs: Set<String>, unreadableCalendarEntries: [UnreadableCalendarEntry] = [],
        standaloneQuestions: [StandaloneQuestion] = []
    ) {
        self.standaloneQuestions = standaloneQuestions.sorted { $0.id < $1.id }
        self.site = site
        self.calendar = calendar
        self.documents = documents.sorted { ($0.published, $0.id) > ($1.published, $1.id) }
        self.cleanups = cleanups.sorted { ($0.effective, $0.id) > ($1.effective, $1.id) }
        self.bundleIDs = bundleIDs
        self.unreadableCalendarEntries = unreadableCalendarEntries
        // By index, reading single fields: `for d in documents` copies each whole document
        // (dozens of references to retain and release).
        var index: [String: Int] = [:]
        for i in self.documents.indices where index[self.documents[i].id] == nil { index[self.documents[i].id] = i }
        indexByID = index

        var supersededBy: [String: [String]] = [:]
        var repeals: [String: [String]] = [:]
        for i in self.documents.indices {
            let id = self.documents[i].id
            for old in self.documents[i].supersedes { supersededBy[old, default: []].append(id) }
            if let by = self.documents[i].repeal?.by { repeals[by, default: []].append(id) }
        }
        self.supersededBy = supersededBy
        self.repeals = repeals
        var results: [String: [(batch: CleanupBatch, result: CleanupBatch.Result)]] = [:]
        for batch in self.cleanups.reversed() {
            for r in batch.results { results[r.document, default: []].append((batch, r)) }
        }
        cleanupResults = results
        versionChains = VersionChains(documents: self.documents, indexByID: index, supersededBy: supersededBy)
        implementation = ImplementationLinks.of(self.documents, indexByID: index)
    }

    /// The same library with the links a system library worked out across its sources.
    public func with(implementation: [String: ImplementationLinks]) -> Library {
        var copy = self
        copy.implementation = implementation
        return copy
    }

    public func document(_ id: String) -> Document? { indexByID[id].map { documents[$0] } }

    public func documents(of kind: DocumentKind) -> [Document] { documents.filter { $0.kind == kind } }

    public var interpretations: [Interpretation] { documents.flatMap(\.interpretations) }
}

/// A calendar.yml entry the calendar could not use, where it is (PF009 reports it).
public struct UnreadableCalendarEntry: Sendable {
    public enum Problem: Sendable {
        /// Text that is neither a YYYY-MM-DD date nor a range.
        case notADate(String)
        /// A nested list or mapping under `key`, which the day lists skip.
        case nested(key: String, isMapping: Bool)
    }

    public let problem: Problem
    public let location: SourceLocation

    public init(_ problem: Problem, at location: SourceLocation) {
        self.problem = problem
        self.location = location
    }
}
