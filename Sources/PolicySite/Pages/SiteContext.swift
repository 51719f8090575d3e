import Foundation
import PolicyCore
import PolicyLoad
import PolicyModel
import PolicyWrite

/// What every page builder shares: the library at one as-of date, the theme, and the
/// helpers that turn model values into template values. Pages only arrange these.
struct SiteContext {
    let library: Library
    let raw: RawLibrary
    let asOf: CalendarDate
    let theme: Theme
    /// Each bundle's git history; empty when the content is not in git.
    let history: LibraryHistory
    /// Where every output goes, each recorded with what it was made from.
    let output: InputRecorder
    /// The documents whose status still changes after `asOf`, for status-live.js.
    let live: LiveStatuses
    /// The bureaus of a system library, for its home page; nil for a single bureau's site.
    let system: SystemOverview?
    /// Each document's related Q&A (pairs of its Q&A interpretations and the standalone
    /// entries concerning it), grouped once for all document pages.
    let questionsByDocument: [String: [Library.QuestionEntry]]

    init(
        library: Library, raw: RawLibrary, asOf: CalendarDate, theme: Theme, history: LibraryHistory = .none,
        output: InputRecorder, live: LiveStatuses, system: SystemOverview? = nil
    ) {
        self.system = system
        self.library = library
        self.raw = raw
        self.asOf = asOf
        self.theme = theme
        self.history = history
        self.output = output
        self.live = live
        questionsByDocument = Dictionary(
            library.questionEntriesByDocument().map { ($0.document.id, $0.entries) }, uniquingKeysWith: { a, _ in a })
    }

    var site: SiteConfig { library.site }

    /// The main navigation's sections, in order: (label, site path).
    var sections: [(label: String, path: String)] {
        [("首页", SitePath.home)]
            + DocumentKind.allCases.map { ($0.libraryName, SitePath.library($0)) }
            + [
                ("政策解读", SitePath.interpretations), ("政策问答", SitePath.questionBank),
                ("清理结果", SitePath.cleanups), ("检索", SitePath.search),
            ]
    }

    /// The frame for the page at `directory`; `crumbs` lead from the home page to it (the
    /// home crumb is added here, the last crumb is the page itself and gets no link).
    /// `about` fills the government-website meta tags beyond what the section gives.
    func chrome(
        _ directory: String, title: String, crumbs: [(label: String, path: String?)], about: PageAbout = PageAbout()
    ) -> PageChrome {
        let link = Linker(page: directory)
        // The section a page belongs to is its first crumb (a document belongs to its library).
        let sectionPath = crumbs.first?.path ?? directory
        let column = about.column ?? (directory.isEmpty ? "首页" : crumbs.first?.label ?? title)
        let nav = sections.map { section -> PageChrome.NavItem in
            let current: String? =
                directory == section.path
                ? "page"
                : (!section.path.isEmpty && section.path == sectionPath) ? "true" : nil
            return .init(label: section.label, href: link.href(section.path), current: current)
        }
        let trail: [(label: String, path: String?)] = directory.isEmpty ? [("首页", nil)] : [("首页", SitePath.home)] + crumbs
        let breadcrumbs = NonEmptyList.of(
            trail.enumerated().map { i, crumb in
                PageChrome.Crumb(label: crumb.label, href: i == trail.count - 1 ? nil : crumb.path.map(link.href))
            })
        var chrome = PageChrome(
            lang: site.language, title: directory.isEmpty ? site.title : "\(title) - \(site.title)",
            siteTitle: site.title, canonical: site.baseURL + SitePath.encoded(directory),
            address: site.baseURL + directory, root: link.root, homeHref: link.href(SitePath.home),
            stylesheetHref: link.href(SitePath.stylesheet),
            modeScriptHref: theme.hasAsset("mode.js") ? link.href(SitePath.modeScript) : nil, feedHref: link.href(SitePath.feed),
            openSearchHref: link.href(SitePath.openSearch),
            openDataHref: link.href(SitePath.openData), searchHref: link.href(SitePath.search),
            nav: nav, breadcrumbs: breadcrumbs, asOf: DateText(asOf), timeZone: site.timeZone.identifier,
            stylesheets: extras(for: directory, "css").map(link.href), scripts: extras(for: directory, "js").map(link.href),
            modulePreloads: modulePreloads(for: directory).map(link.href),
            governmentMeta: GovernmentMeta.tags(
                site: site, column: column, columnType: about.columnType ?? GovernmentMeta.columnType(section: sectionPath), title: title,
                about: about),
            footer: SiteFooter.of(site))
        // A section's pages sit one folder below the system site's root.
        chrome.system = site.systemTitle.map { LinkItem(label: $0, href: link.root + "../") }
        return chrome
    }

    /// Page assets the theme may ship: `assets/status-live.js` on every page (statuses, and
    /// the footer's 时效性计算日期, for the day the page is read), and `assets/search.js` and
    /// `assets/search.css` for the search page, which computes its results' statuses itself.
    private func extras(for directory: String, _ type: String) -> [String] {
        let live = type == "js" && theme.hasAsset("status-live.js") ? ["assets/status-live.js"] : []
        guard directory == SitePath.search else { return live }
        return live + (theme.hasAsset("search.\(type)") ? ["assets/search.\(type)"] : [])
    }

    /// The modules `search.js` imports (the search page's query code, docs/search.md), when the
    /// theme ships them. (Other pages' `status-live.js` imports one small module, `status.js`.)
    private func modulePreloads(for directory: String) -> [String] {
        guard directory == SitePath.search, theme.hasAsset("search.js") else { return [] }
        return ["status.js", "tokenize.js", "decode.js", "match.js", "ranges.js", "query.js"].filter(theme.hasAsset).map { "assets/" + $0 }
    }

    /// The status badge on the as-of date; `live`: with the facts the browser recomputes it from.
    func badge(_ document: Document, live: Bool = true) -> Badge {
        let report = library.status(of: document, at: asOf)
        let explanation = library.explanation(of: report, for: document)
        let prefix = report.status.chinese + " · "
        return Badge(
            code: report.status.rawValue, text: report.status.chinese, explanation: explanation,
            details: explanation.hasPrefix(prefix) ? String(explanation.dropFirst(prefix.count)) : nil,
            statusFacts: live ? self.live.facts(of: document) : nil)
    }

    func documentLink(_ document: Document, from link: Linker, live: Bool = true) -> DocumentLink {
        DocumentLink(
            title: document.title, href: link.href(SitePath.document(document.id)), number: document.number,
            kind: document.kind.chinese, published: DateText(document.published),
            effective: DateText(document.effective), badge: badge(document, live: live), documentID: document.id,
            issuer: document.origin?.issuer)
    }

    /// Renders a page template as the page directory's `index.html` (or keeps the last
    /// build's, made from the same view model: `InputRecorder`). Returns its path.
    func page(_ directory: String, template: String, _ context: some Encodable) throws -> String {
        try output.render(SitePath.indexFile(directory), template: template, context)
    }
}
