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
    var history = LibraryHistory.none

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
    func chrome(_ directory: String, title: String, crumbs: [(label: String, path: String?)]) -> PageChrome {
        let link = Linker(page: directory)
        // The section a page belongs to is its first crumb (a document belongs to its library).
        let sectionPath = crumbs.first?.path ?? directory
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
        return PageChrome(
            lang: site.language, title: directory.isEmpty ? site.title : "\(title) - \(site.title)",
            siteTitle: site.title, canonical: site.baseURL + SitePath.encoded(directory), root: link.root, homeHref: link.href(SitePath.home),
            stylesheetHref: link.href(SitePath.stylesheet), feedHref: link.href(SitePath.feed),
            openSearchHref: link.href(SitePath.openSearch),
            openDataHref: link.href(SitePath.openData), searchHref: link.href(SitePath.search),
            nav: nav, breadcrumbs: breadcrumbs, asOf: DateText(asOf),
            stylesheets: extras(for: directory, "css").map(link.href), scripts: extras(for: directory, "js").map(link.href))
    }

    /// Page-specific assets the theme may ship: `assets/search.js` and `assets/search.css`
    /// for the search page.
    private func extras(for directory: String, _ type: String) -> [String] {
        guard directory == SitePath.search, theme.hasAsset("search.\(type)") else { return [] }
        return ["assets/search.\(type)"]
    }

    func badge(_ document: Document) -> Badge {
        let report = library.status(of: document, at: asOf)
        let explanation = library.explanation(of: report, for: document)
        let prefix = report.status.chinese + " · "
        return Badge(
            code: report.status.rawValue, text: report.status.chinese, explanation: explanation,
            details: explanation.hasPrefix(prefix) ? String(explanation.dropFirst(prefix.count)) : nil)
    }

    func documentLink(_ document: Document, from link: Linker) -> DocumentLink {
        DocumentLink(
            title: document.title, href: link.href(SitePath.document(document.id)), number: document.number,
            kind: document.kind.chinese, published: DateText(document.published),
            effective: DateText(document.effective), badge: badge(document))
    }

    /// Renders a page template and wraps it as the page directory's `index.html`.
    func page(_ directory: String, template: String, _ context: some Encodable) throws -> OutputFile {
        .text(SitePath.indexFile(directory), try theme.render(template, context))
    }
}
