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
    /// What identifies the running `policy` binary, when pages the last build made from the
    /// same inputs may be kept (`InputRecorder`); nil renders everything.
    let tool: String?
    /// The last build's search postings, kept between builds into the same folder.
    let searchSegments: PostingSegmentCache?
    /// False for a site without a search index.
    let buildsSearchIndex: Bool
    /// The documents whose status changes after `asOf`, worked out once: `policy serve`
    /// keeps one renderer per content generation and renders document pages from it on request.
    let live: LiveStatuses
    /// False to leave out the documents' own pages (`policy serve` renders each on request:
    /// `renderDocument(_:)`).
    public var rendersDocumentPages = true

    /// - Parameters:
    ///   - keepingUnchangedPages: keep the last build's pages whose inputs (`PageKey`) are
    ///     unchanged, when the sink has them.
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
        self.tool = keepingUnchangedPages ? tool : nil
        buildsSearchIndex = searchIndex
        searchSegments = searchCache.map(PostingSegmentCache.init(url:))
        live = LiveStatuses(library: library, asOf: asOf)
    }

    /// One independent piece of the site; it hands its files to the sink and returns their
    /// paths.
    typealias Job = @Sendable () throws -> [String]

    /// The whole site in memory, sorted by path: for tests and small previews.
    public func render() throws -> [OutputFile] {
        let files = CollectedFiles()
        try render(into: files)
        return files.sorted
    }

    /// Renders the site into `sink`, each part as soon as it is ready, so that the whole site
    /// is never held in memory at once. Each templated output whose inputs did not change
    /// since the last build is kept rather than rendered (`InputRecorder`).
    public func render(into sink: some SiteSink) throws {
        let output = InputRecorder(sink: sink, theme: theme, tool: tool)
        let context = SiteContext(
            library: library, raw: raw, asOf: asOf, theme: theme, history: history, output: output, live: live)
        let (library, asOf, searchSegments, buildsSearchIndex) = (library, asOf, searchSegments, buildsSearchIndex)
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
            { try output.add([try OpenData(context: context).render()]) }
        ]
        jobs +=
            ServicePages(context: context).jobs() + [
                { [try HomePage(context: context).render()] },
                { try DocumentKind.allCases.flatMap { try LibraryPages(context: context, kind: $0).render() } },
                { try CleanupPages(context: context).render() },
                { [try SearchPage(context: context).render()] },
            ]
        jobs += library.longVersionChains().map { chain in
            { [try VersionChainPage(context: context, chain: chain).render()] }
        }
        jobs += (rendersDocumentPages ? library.documents : []).map { document in
            {
                try [DocumentPage(context: context, document: document).render()]
                    + document.interpretations.map {
                        try InterpretationPage(context: context, document: document, interpretation: $0).render()
                    }
            }
        }
        // Each job keeps only the paths of its files, for the sitemap.
        let results = StageClock.measure("render: pages") {
            jobs.parallelMap { job in Result { try job() } }
        }
        // Waited for even when a page failed: nothing may be added once the output is abandoned.
        let paths = try searchIndex.value.get() + results.flatMap { try $0.get() }
        let feeds = Feeds(context: context)
        _ = try feeds.atom()
        try output.add([feeds.sitemap(paths: paths), feeds.robots(), feeds.openSearch()])
        try output.add(theme.assets.keys.sorted().map { OutputFile("assets/\($0)", .data(theme.assets[$0]!)) })
        // Last, so that a generated page wins over a bundle file that happens to share its
        // path (`index.html` as an attachment): the sink keeps the first file for a path.
        try output.add(library.documents.flatMap { context.copies(of: $0) })
    }
}
