import Foundation

/// Renders the whole site from the checked library into output files (nothing is written).
public struct SiteRenderer {
    public let library: Library
    public let raw: RawLibrary
    public let asOf: CalendarDate
    public let theme: Theme
    /// Each bundle's git history, for the document pages.
    public let history: LibraryHistory

    public init(library: Library, raw: RawLibrary, asOf: CalendarDate, theme: Theme, history: LibraryHistory = .none) {
        self.library = library
        self.raw = raw
        self.asOf = asOf
        self.theme = theme
        self.history = history
    }

    /// One independent piece of the site.
    typealias Job = @Sendable () throws -> [OutputFile]

    public func render() throws -> [OutputFile] {
        let context = SiteContext(library: library, raw: raw, asOf: asOf, theme: theme, history: history)
        let (library, asOf) = (library, asOf)
        // Every job reads only the shared, read-only context, so all of them run at once on
        // all cores. The few costly whole-library jobs come first, so that they start early
        // and the many small per-document jobs fill in around them.
        let searchIndex: Job = { StageClock.measure("render: search index") { SearchIndexWriter(library: library, asOf: asOf).files() } }
        var pageJobs: [Job] = ServicePages(context: context).jobs() + [
            { [try HomePage(context: context).render()] },
            { try DocumentKind.allCases.flatMap { try LibraryPages(context: context, kind: $0).render() } },
            { try CleanupPages(context: context).render() },
            { [try SearchPage(context: context).render()] },
        ]
        pageJobs += library.documents.map { document in
            {
                try [DocumentPage(context: context, document: document).render()]
                    + document.interpretations.map {
                        try InterpretationPage(context: context, document: document, interpretation: $0).render()
                    }
            }
        }
        let otherJobs: [Job] = [
            { [try OpenData(context: context).render()] },
            { library.documents.flatMap { context.copies(of: $0) } },
        ]
        let results = StageClock.measure("render: pages and index") {
            ([searchIndex] + pageJobs + otherJobs).parallelMap { job in Result { try job() } }
        }
        let pages = try results[1...pageJobs.count].flatMap { try $0.get() }
        let feeds = Feeds(context: context)
        var files = pages + [feeds.atom(), feeds.sitemap(pages: pages), feeds.robots()]
        files += try results[(pageJobs.count + 1)...].flatMap { try $0.get() }
        files += theme.assets.keys.sorted().map { OutputFile("assets/\($0)", .data(theme.assets[$0]!)) }
        files += try results[0].get()
        // Generated files win over a bundle file that happens to share a path (`index.html`
        // as an attachment): the writer must never see one path twice.
        var seen: Set<String> = []
        return files.filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }
    }
}
