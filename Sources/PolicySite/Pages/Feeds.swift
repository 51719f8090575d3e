import Foundation
import PolicyCore
import PolicyModel
import PolicyWrite

/// The machine-read files: an Atom feed of publications, the sitemap, robots.txt and the
/// OpenSearch description. These need absolute URLs, built from `site.yml` `base_url`; dates
/// come from the content only, so an unchanged library gives byte-identical files.
struct Feeds {
    let context: SiteContext

    func absolute(_ path: String) -> String { context.site.baseURL + SitePath.encoded(path) }

    /// Atom (RFC 4287): the newest 50 documents and interpretations. Entry ids are the
    /// pages' URLs, which never change once published.
    func atom() throws -> String {
        let items = context.library.latestPublications(limit: 50)
        let entries = items.map { item in
            let url = absolute(item.interpretation.map(SitePath.interpretation) ?? SitePath.document(item.document.id))
            let d = item.document
            let summary =
                item.interpretation.map { "\(d.quotedTitle)的政策解读（\($0.form.chinese)）" }
                ?? ([d.kind.chinese, d.number, d.issuers.joined(separator: "、"), "自\(d.effective.chinese)起施行"]
                    .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · "))
            let category = item.interpretation == nil ? (d.kind.rawValue, d.kind.chinese) : ("interpretation", "政策解读")
            return AtomFeed.Entry(
                id: url, title: item.title, link: url, published: timestamp(item.published),
                term: category.0, label: category.1, summary: summary)
        }
        return try feed(
            SitePath.feed, title: context.site.title, subtitle: "最新发布的政策文件和政策解读",
            id: context.site.baseURL, updated: items.map(\.published).max(), entries: entries)
    }

    /// An Atom feed at `path` from the theme's `feed` template; `updated` is the newest
    /// entry's date (the as-of date for an empty feed).
    func feed(
        _ path: String, title: String, subtitle: String? = nil, id: String, updated: CalendarDate?,
        entries: [AtomFeed.Entry]
    ) throws -> String {
        let site = context.site
        let model = AtomFeed(
            language: site.language, title: title, subtitle: subtitle, id: id, home: site.baseURL,
            url: absolute(path), updated: timestamp(updated ?? context.asOf),
            author: site.issuer.isEmpty ? site.title : site.issuer, entries: entries)
        return try context.output.render(path, template: "feed", model)
    }

    /// Every HTML page among `paths`, as absolute directory URLs, sorted.
    func sitemap(paths: [String]) -> OutputFile {
        let urls = paths.filter { $0 == "index.html" || $0.hasSuffix("/index.html") }
            .map { absolute(String($0.dropLast("index.html".count))) }.sorted()
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for url in urls { xml += "  <url><loc>\(x(url))</loc></url>\n" }
        xml += "</urlset>\n"
        return .text("sitemap.xml", xml)
    }

    func robots() -> OutputFile {
        .text("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: \(absolute("sitemap.xml"))\n")
    }

    /// The OpenSearch 1.1 description (`opensearch.xml`, linked from every page's head with
    /// rel="search"), so that a browser can add the library's search: its template is the
    /// search page's own shareable address, `search/?q=…`.
    func openSearch() -> OutputFile {
        let site = context.site
        // ShortName: at most 16 characters, by the specification.
        let shortName = String(site.title.prefix(16))
        let xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
              <ShortName>\(x(shortName))</ShortName>
              <Description>\(x("检索\(site.title)的政策文件和政策解读"))</Description>
              <InputEncoding>UTF-8</InputEncoding>
              <Language>\(x(site.language))</Language>
              <Url type="text/html" method="get" template="\(x(absolute(SitePath.search)))?q={searchTerms}"/>
              <Url type="application/opensearchdescription+xml" rel="self" template="\(x(absolute(SitePath.openSearch)))"/>
            </OpenSearchDescription>

            """
        return .text(SitePath.openSearch, xml)
    }

    /// Midnight of `date` in the site's time zone, RFC 3339 (`2022-06-28T00:00:00+08:00`).
    func timestamp(_ date: CalendarDate) -> String {
        let zone = context.site.timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let instant = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) ?? Date(timeIntervalSince1970: 0)
        let offset = zone.secondsFromGMT(for: instant)
        let sign = offset < 0 ? "-" : "+"
        return String(format: "%@T00:00:00%@%02d:%02d", date.description, sign, abs(offset) / 3600, abs(offset) % 3600 / 60)
    }

    /// XML text and attribute escaping (the sitemap and opensearch.xml; the feeds are escaped by
    /// their template).
    func x(_ text: String) -> String {
        MarkupEscape.text(text)
    }
}

/// What the `feed` template reads: one Atom feed, its dates already in RFC 3339.
struct AtomFeed: Encodable {
    struct Entry: Encodable {
        let id: String
        let title: String
        let link: String
        let published: String
        let term: String
        let label: String
        let summary: String
    }

    let language: String
    let title: String
    let subtitle: String?
    let id: String
    let home: String
    let url: String
    let updated: String
    let author: String
    let entries: [Entry]
}
