import Foundation
import PolicyCore
import PolicyLoad
import PolicyModel

/// Markdown bodies as page HTML: cmark (safe mode, no raw HTML) renders them; links are
/// rewritten so they work from the page's place in the site, headings are shifted to sit
/// under the page's own, and tables get a scroll container for small screens.
struct BodyRenderer {
    let context: SiteContext

    /// - Parameters:
    ///   - sourceDirectory: the Markdown file's folder in the content (`normative/<id>/`,
    ///     `cleanup/`), against which relative links are resolved.
    ///   - topLevel: the heading level the body's highest heading becomes.
    ///   - section: on a system library's root, the source the text comes from: its links
    ///     (`/d/<id>/`, `解读.md`) name its own library's pages, which are in its section.
    func html(_ markdown: String, sourceDirectory: String, page link: Linker, topLevel: Int, section: String? = nil) -> String {
        let html = MarkdownDocument(markdown).html(topHeadingLevel: topLevel) { url, _ in
            rewrite(url, sourceDirectory: sourceDirectory, link: link, section: section)
        }
        return BodyRenderer.wrapTables(html)
    }

    /// An official text with its chapters and articles marked (`BodyOutline`): each article
    /// wrapped with its id and a "link to this article" anchor before its label, each
    /// chapter heading with its id. Returns the outline the page's ids came from.
    func officialText(_ markdown: String, sourceDirectory: String, page link: Linker, topLevel: Int) -> (html: String, outline: BodyOutline) {
        var reader = BodyOutline.Reader()
        var marks: [BodyOutline.Mark] = []
        let html = MarkdownDocument(markdown).html(
            topHeadingLevel: topLevel,
            rewritingURLs: { url, _ in rewrite(url, sourceDirectory: sourceDirectory, link: link) },
            markBlocks: { text, isHeading in
                guard let mark = reader.read(text) else { return isHeading ? .end : nil }
                marks.append(mark)
                switch mark {
                case .heading(let h):
                    return .group(open: "<div class=\"chapter\" id=\"\(MarkupEscape.text(h.anchor))\">", close: "</div>", leading: nil)
                case .article(let a):
                    let id = MarkupEscape.text(a.anchor)
                    return .group(
                        open: "<div class=\"article\" id=\"\(id)\">", close: "</div>",
                        leading: "<a class=\"article-link\" href=\"#\(id)\"><span aria-hidden=\"true\">#</span>"
                            + "<span class=\"visually-hidden\">\(MarkupEscape.text(a.label))的链接</span></a>")
                }
            })
        return (BodyRenderer.wrapTables(html), BodyOutline(marks: marks))
    }

    /// An interpretation's body, its references to the document's articles (`第十二条`)
    /// linked to their anchors on the document's page.
    func interpretation(
        _ markdown: String, sourceDirectory: String, page link: Linker, topLevel: Int, document: Document
    ) -> String {
        let outline = BodyOutline(document.bodyFacts)
        let documentHref = link.href(SitePath.document(document.id))
        let html = MarkdownDocument(markdown).html(
            topHeadingLevel: topLevel,
            rewritingURLs: { url, _ in rewrite(url, sourceDirectory: sourceDirectory, link: link) },
            linkText: outline.articles.isEmpty
                ? nil
                : { text in
                    ArticleReferences.segments(in: text, outline: outline, documentTitle: document.title).map { segment in
                        (segment.text, segment.anchor.map { documentHref + "#" + $0 })
                    }
                })
        return BodyRenderer.wrapTables(html)
    }

    /// Site links (`/d/<id>/`, the full `base_url` form) become relative; links between
    /// content files (`解读.md`, `../other-id/index.md`, `图解.png`) become links to their
    /// pages or copies; everything else (other sites, `mailto:`, `#…`) stays as written.
    func rewrite(_ url: String, sourceDirectory: String, link: Linker, section: String? = nil) -> String {
        if url.isEmpty || url.hasPrefix("#") || url.hasPrefix("//") { return url }
        let cut = url.firstIndex { $0 == "?" || $0 == "#" } ?? url.endIndex
        let path = String(url[..<cut]).removingPercentEncoding ?? String(url[..<cut])
        let suffix = String(url[cut...])
        let base = context.site.baseURL
        if url.hasPrefix(base) {
            let rest = String(path.dropFirst(min(path.count, (base.removingPercentEncoding ?? base).count)))
            return link.href(rest) + suffix
        }
        if RelativePath.hasScheme(url) { return url }
        if path.hasPrefix("/") {
            var rest = path
            let basePath = context.site.basePath
            if basePath != "/" && rest.hasPrefix(basePath) { rest = String(rest.dropFirst(basePath.count)) }
            let sitePath = String(rest.drop { $0 == "/" })
            return link.href(section.map { SitePath.section($0) + sitePath } ?? sitePath) + suffix
        }
        guard let contentPath = RelativePath.resolve(path, against: sourceDirectory),
            let target = sitePath(forContent: contentPath, section: section)
        else { return url }
        return link.href(target) + suffix
    }

    /// The site path of a content path: a bundle's `index.md` or folder → its page, another
    /// `*.md` there → the interpretation page, any other bundle file → its copy; a cleanup
    /// batch file → its page. Nil for paths outside what the site publishes.
    func sitePath(forContent path: String, section: String? = nil) -> String? {
        let parts = path.split(separator: "/").map(String.init)
        // In a system library's root, ids are qualified by the text's source.
        let qualify = { (id: String) in section.map { "\($0)/\(id)" } ?? id }
        if parts.first == "cleanup" {
            if parts.count == 1 { return section.map { SitePath.section($0) + SitePath.cleanups } ?? SitePath.cleanups }
            if parts.count == 2, parts[1].hasSuffix(".md") { return SitePath.cleanup(qualify(String(parts[1].dropLast(3)))) }
            return nil
        }
        guard parts.count >= 2, DocumentKind.allCases.contains(where: { $0.folder == parts[0] }),
            context.library.document(qualify(parts[1])) != nil
        else { return nil }
        let id = qualify(parts[1]), rest = parts.dropFirst(2).joined(separator: "/")
        if rest.isEmpty || rest == "index.md" { return SitePath.document(id) }
        if rest.hasSuffix(".md") && !rest.contains("/") { return SitePath.document(id) + "\(rest.dropLast(3))/" }
        return SitePath.bundleFile(id, rest)
    }

    /// Puts each table in a focusable, labelled region that scrolls sideways on phones,
    /// instead of the whole page scrolling.
    static func wrapTables(_ html: String) -> String {
        // Most bodies have no table; skip the two copying replacements for them. A byte
        // search: Foundation's String.contains folds Unicode over the whole body.
        guard html.containsBytes("<table>") else { return html }
        return html.replacingOccurrences(of: "<table>", with: "<div class=\"table-scroll\" role=\"region\" aria-label=\"表格\" tabindex=\"0\"><table>")
            .replacingOccurrences(of: "</table>", with: "</table></div>")
    }
}
