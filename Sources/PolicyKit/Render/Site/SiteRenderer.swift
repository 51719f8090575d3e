/// Turns the checked library into the site's files: pages, feeds, open data, theme assets
/// and the published bundle files. Paths are relative to the site root and the list is
/// sorted, so the same library at the same as-of date always gives the same output.
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

    public func render() throws -> [OutputFile] {
        let context = SiteContext(library: library, raw: raw, asOf: asOf, theme: theme, history: history)
        var pages: [OutputFile] = [try HomePage(context: context).render()]
        for kind in DocumentKind.allCases { pages += try LibraryPages(context: context, kind: kind).render() }
        // Each document's pages depend only on the shared, read-only context: render them on all cores.
        let perDocument = library.documents.parallelMap { document in
            Result { () throws -> [OutputFile] in
                try [DocumentPage(context: context, document: document).render()]
                    + document.interpretations.map {
                        try InterpretationPage(context: context, document: document, interpretation: $0).render()
                    }
            }
        }
        for result in perDocument { pages += try result.get() }
        let copies = library.documents.flatMap { context.copies(of: $0) }
        pages += try CleanupPages(context: context).render()
        pages.append(try SearchPage(context: context).render())
        pages += try ServicePages(context: context).render()

        let feeds = Feeds(context: context)
        var files = pages + [feeds.atom(), feeds.sitemap(pages: pages), feeds.robots(), try OpenData(context: context).render()]
        files += theme.assets.keys.sorted().map { OutputFile("assets/\($0)", .data(theme.assets[$0]!)) }
        files += copies
        files += SearchIndexWriter(library: library, asOf: asOf).files()
        // Generated files win over a bundle file that happens to share a path (`index.html`
        // as an attachment): the writer must never see one path twice.
        var seen: Set<String> = []
        return files.filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }
    }
}
