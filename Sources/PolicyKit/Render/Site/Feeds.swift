import Foundation

/// The machine-read files: an Atom feed of publications, the sitemap and robots.txt. These
/// need absolute URLs, built from `site.yml` `base_url`; dates come from the content only,
/// so an unchanged library gives byte-identical files.
struct Feeds {
    let context: SiteContext

    func absolute(_ path: String) -> String { context.site.baseURL + SitePath.encoded(path) }

    /// Atom (RFC 4287): the newest 50 documents and interpretations. Entry ids are the
    /// pages' URLs, which never change once published.
    func atom() -> OutputFile {
        let site = context.site
        let items = context.library.latestPublications(limit: 50)
        let updated = items.map(\.published).max() ?? context.asOf
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(x(site.language))">
          <title>\(x(site.title))</title>
          <subtitle>最新发布的政策文件和政策解读</subtitle>
          <id>\(x(site.baseURL))</id>
          <link rel="alternate" type="text/html" href="\(x(site.baseURL))"/>
          <link rel="self" type="application/atom+xml" href="\(x(absolute(SitePath.feed)))"/>
          <updated>\(timestamp(updated))</updated>
          <author><name>\(x(site.issuer.isEmpty ? site.title : site.issuer))</name></author>

        """
        for item in items {
            let url = absolute(item.interpretation.map(SitePath.interpretation) ?? SitePath.document(item.document.id))
            let d = item.document
            let summary = item.interpretation.map { "\(d.quotedTitle)的政策解读（\($0.form.chinese)）" }
                ?? ([d.kind.chinese, d.number, d.issuers.joined(separator: "、"), "自\(d.effective.chinese)起施行"]
                    .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · "))
            let category = item.interpretation == nil ? (d.kind.rawValue, d.kind.chinese) : ("interpretation", "政策解读")
            xml += """
              <entry>
                <title>\(x(item.title))</title>
                <link rel="alternate" type="text/html" href="\(x(url))"/>
                <id>\(x(url))</id>
                <published>\(timestamp(item.published))</published>
                <updated>\(timestamp(item.published))</updated>
                <category term="\(x(category.0))" label="\(x(category.1))"/>
                <summary>\(x(summary))</summary>
              </entry>

            """
        }
        xml += "</feed>\n"
        return .text(SitePath.feed, xml)
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

    /// XML text and attribute escaping.
    func x(_ text: String) -> String {
        MarkupEscape.text(text)
    }
}
