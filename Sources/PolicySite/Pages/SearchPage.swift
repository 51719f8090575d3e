import PolicyCore
import PolicyModel
import PolicyWrite

/// `search/`: the search form. Search itself is a separate piece: this page leaves the
/// hook for it (`#search-results`, and `assets/search.js` when the theme ships one) and
/// tells visitors without JavaScript where to browse instead.
struct SearchPage {
    struct Context: Encodable {
        let page: PageChrome
        let title: String
        /// The form submits here with GET `q`.
        let action: String
        let hasScript: Bool
        let libraries: [LinkItem]
    }

    let context: SiteContext

    func render() throws -> String {
        let link = Linker(page: SitePath.search)
        let ctx = Context(
            page: context.chrome(SitePath.search, title: "检索", crumbs: [("检索", nil)]), title: "检索",
            action: "./", hasScript: context.theme.hasAsset("search.js"),
            libraries: DocumentKind.allCases.map { LinkItem(label: $0.libraryName, href: link.href(SitePath.library($0))) }
                + [LinkItem(label: "清理结果", href: link.href(SitePath.cleanups))])
        return try context.page(SitePath.search, template: "search", ctx)
    }
}
