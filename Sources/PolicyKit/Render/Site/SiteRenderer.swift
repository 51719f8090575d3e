/// Turns the checked library into the site's files: pages, feeds, open data, theme assets
/// and the published bundle files. Paths are relative to the site root and the list is
/// sorted, so the same library at the same as-of date always gives the same output.
public struct SiteRenderer {
    public let library: Library
    public let raw: RawLibrary
    public let asOf: CalendarDate
    public let theme: Theme

    public init(library: Library, raw: RawLibrary, asOf: CalendarDate, theme: Theme) {
        self.library = library
        self.raw = raw
        self.asOf = asOf
        self.theme = theme
    }

    public func render() throws -> [OutputFile] {
        let context = SiteContext(library: library, raw: raw, asOf: asOf, theme: theme)
        var pages: [OutputFile] = [try HomePage(context: context).render()]
        for kind in DocumentKind.allCases { pages += try LibraryPages(context: context, kind: kind).render() }
        var copies: [OutputFile] = []
        for document in library.documents {
            pages.append(try DocumentPage(context: context, document: document).render())
            for interpretation in document.interpretations {
                pages.append(try InterpretationPage(context: context, document: document, interpretation: interpretation).render())
            }
            copies += context.copies(of: document)
        }
        pages += try CleanupPages(context: context).render()
        pages.append(try SearchPage(context: context).render())

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
