import Foundation
import PolicyCore
import PolicyLoad
import PolicyModel
import PolicySearch
import PolicyWrite

/// Renders the whole site from the checked library into output files (nothing is written).
public struct SiteRenderer {
    public let library: Library
    public let raw: RawLibrary
    public let asOf: CalendarDate
    public let theme: Theme
    /// Each bundle's git history, for the document pages.
    public let history: LibraryHistory
    /// What each document's pages are made from, when unchanged pages may be kept.
    let inputs: PageInputs?
    /// The last build's search postings, kept between builds into the same folder.
    let searchSegments: PostingSegmentCache?
    /// False for a site without a search index.
    let buildsSearchIndex: Bool

    /// - Parameters:
    ///   - keepingUnchangedPages: keep last build's pages whose inputs are unchanged.
    ///   - tool: what identifies the running `policy` binary (a new binary renders every page anew).
    ///   - searchIndex: false for a site without a search index (the benchmark measures one).
    ///   - searchCache: a folder for the search index's postings segments, so that a
    ///     rebuild builds only the segments whose records changed (`PostingSegmentCache`).
    public init(
        library: Library, raw: RawLibrary, asOf: CalendarDate, theme: Theme, history: LibraryHistory = .none,
        keepingUnchangedPages: Bool = false, tool: String = "", searchIndex: Bool = true,
        searchCache: URL? = nil
    ) {
        self.library = library
        self.raw = raw
        self.asOf = asOf
        self.theme = theme
        self.history = history
        buildsSearchIndex = searchIndex
        searchSegments = searchCache.map(PostingSegmentCache.init(url:))
        inputs =
            keepingUnchangedPages
            ? StageClock.measure("page inputs") { PageInputs(raw: raw, library: library, theme: theme, asOf: asOf, history: history, tool: tool) }
            : nil
    }

    /// One independent piece of the site: how to make its files, and — for a piece that
    /// depends on one or two documents only — a digest of what it is made from, so that an
    /// unchanged piece can be kept from the last build instead of being made again.
    struct Job: Sendable {
        var inputs: String? = nil
        let make: @Sendable () throws -> [OutputFile]

        /// Hands the job's files to `sink` (or keeps last build's); returns their paths.
        func run(into sink: some SiteSink) throws -> [String] {
            if let inputs, let kept = try sink.reuse(madeFrom: inputs) { return kept }
            let files = try make()
            try sink.add(files, madeFrom: inputs)
            return files.map(\.path)
        }
    }

    /// The whole site in memory, sorted by path: for tests and small previews.
    public func render() throws -> [OutputFile] {
        let files = CollectedFiles()
        try render(into: files)
        return files.sorted
    }

    /// Renders the site into `sink`, each part as soon as it is ready, so that the whole site
    /// is never held in memory at once. With `inputs`, the pages of documents whose inputs
    /// did not change since the last build are kept rather than rendered.
    public func render(into sink: some SiteSink) throws {
        let context = SiteContext(library: library, raw: raw, asOf: asOf, theme: theme, history: history)
        let (library, asOf, inputs, searchSegments, buildsSearchIndex) = (library, asOf, inputs, searchSegments, buildsSearchIndex)
        // The search index, the longest job, splits its own work over the cores: it runs on
        // a thread of its own (see `ThreadTask`) beside the pages.
        let searchIndex = ThreadTask {
            Result {
                let files = StageClock.measure("render: search index") {
                    buildsSearchIndex ? SearchIndexWriter(library: library, asOf: asOf, segmentCache: searchSegments).files() : []
                }
                try StageClock.measure("write: search index") { try sink.addInParallel(files) }
                return files.map(\.path)
            }
        }
        // Every job reads only the shared, read-only context, so all of them run at once on
        // all cores. The few costly whole-library jobs come first, so that they start early
        // and the many small per-document jobs fill in around them.
        var jobs: [Job] = [
            .init { [try OpenData(context: context).render()] }
        ]
        jobs +=
            ServicePages(context: context).jobs(inputs: inputs) + [
                .init { [try HomePage(context: context).render()] },
                .init(inputs: inputs?.frontMatterPages("libraries")) {
                    try DocumentKind.allCases.flatMap { try LibraryPages(context: context, kind: $0).render() }
                },
                .init { try CleanupPages(context: context).render() },
                .init { [try SearchPage(context: context).render()] },
            ]
        jobs += library.longVersionChains().map { chain in
            .init(inputs: inputs?.frontMatterPages("versions \(chain[0].id)")) {
                [try VersionChainPage(context: context, chain: chain).render()]
            }
        }
        jobs += library.documents.map { document in
            .init(inputs: inputs?.document(document)) {
                try [DocumentPage(context: context, document: document).render()]
                    + document.interpretations.map {
                        try InterpretationPage(context: context, document: document, interpretation: $0).render()
                    }
            }
        }
        // Each job hands its files to the sink and keeps only their paths, for the sitemap.
        let results = StageClock.measure("render: pages") {
            jobs.parallelMap { job in Result { try job.run(into: sink) } }
        }
        // Waited for even when a page failed: nothing may be added once the output is abandoned.
        let paths = try searchIndex.value.get() + results.flatMap { try $0.get() }
        let feeds = Feeds(context: context)
        try sink.add([try feeds.atom(), feeds.sitemap(paths: paths), feeds.robots(), feeds.openSearch()])
        try sink.add(theme.assets.keys.sorted().map { OutputFile("assets/\($0)", .data(theme.assets[$0]!)) })
        // Last, so that a generated page wins over a bundle file that happens to share its
        // path (`index.html` as an attachment): the sink keeps the first file for a path.
        try sink.add(library.documents.flatMap { context.copies(of: $0) })
    }
}
