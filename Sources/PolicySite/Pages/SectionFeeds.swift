import PolicyCore
import PolicyModel
import PolicyWrite

/// Atom feeds per section, so a subscriber can follow only what concerns them:
/// `feeds/documents.xml` (new documents), `feeds/interpretations.xml` (new interpretations)
/// and `feeds/status.xml` — the day a rule stops applying (repealed, expired, superseded)
/// and each cleanup batch taking effect, up to the as-of date.
///
/// Entry ids never change: a document's or interpretation's page URL; for a status change
/// the document URL with `#status-<status>-<date>`; for a batch its page URL.
struct SectionFeeds {
    /// Entries per feed, newest first.
    static let limit = 100

    struct Entry {
        let id: String
        let title: String
        let link: String
        let date: CalendarDate
        let category: (term: String, label: String)
        let summary: String
    }

    let context: SiteContext
    private var feeds: Feeds { Feeds(context: context) }

    func render() throws -> [String] {
        [try documents(), try interpretations(), try status()]
    }

    private func documents() throws -> String {
        let entries = context.library.documents.prefix(SectionFeeds.limit).map { d in
            Entry(
                id: feeds.absolute(SitePath.document(d.id)), title: d.title, link: feeds.absolute(SitePath.document(d.id)),
                date: d.published, category: (d.kind.rawValue, d.kind.chinese),
                summary: [d.kind.chinese, d.number, d.issuers.joined(separator: "、"), "自\(d.effective.chinese)起施行"]
                    .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · "))
        }
        return try feed(SitePath.documentsFeed, title: "新发布的政策文件", entries: Array(entries))
    }

    private func interpretations() throws -> String {
        let all = context.library.documents.flatMap { d in d.interpretations.map { (d, $0) } }.sorted { a, b in
            if a.1.published != b.1.published { return a.1.published > b.1.published }
            return (a.0.id, a.1.id) < (b.0.id, b.1.id)
        }
        let entries = all.prefix(SectionFeeds.limit).map { d, i in
            Entry(
                id: feeds.absolute(SitePath.interpretation(i)), title: i.title, link: feeds.absolute(SitePath.interpretation(i)),
                date: i.published, category: (i.form.rawValue, i.form.chinese),
                summary: "\(d.quotedTitle)的政策解读（\(i.form.chinese)）")
        }
        return try feed(SitePath.interpretationsFeed, title: "新发布的政策解读", entries: Array(entries))
    }

    private func status() throws -> String {
        let library = context.library
        var entries = library.endings(through: context.asOf).map { change in
            let d = change.document
            let page = feeds.absolute(SitePath.document(d.id))
            return Entry(
                id: "\(page)#status-\(change.to.status.rawValue)-\(change.date)",
                title: "\(d.quotedTitle)\(change.to.status.chinese)", link: page, date: change.date,
                category: (change.to.status.rawValue, change.to.status.chinese),
                summary: library.explanation(of: change.to, for: d))
        }
        entries += library.cleanups.filter { $0.effective <= context.asOf }.map { batch in
            let tallies = CleanupOutcome.allCases.compactMap { o -> String? in
                let n = batch.results.filter { $0.outcome == o }.count
                return n == 0 ? nil : "\(o.rawValue) \(n) 件"
            }
            let page = feeds.absolute(SitePath.cleanup(batch.id))
            return Entry(
                id: page, title: "《\(batch.title)》生效", link: page, date: batch.effective,
                category: ("cleanup", "清理结果"), summary: tallies.joined(separator: "，"))
        }
        entries.sort { ($0.date, $1.id) > ($1.date, $0.id) }
        return try feed(SitePath.statusFeed, title: "文件时效性变化", entries: Array(entries.prefix(SectionFeeds.limit)))
    }

    private func feed(_ path: String, title: String, entries: [Entry]) throws -> String {
        try feeds.feed(
            path, title: "\(context.site.title)：\(title)", id: feeds.absolute(path),
            updated: entries.map(\.date).max(),
            entries: entries.map { e in
                AtomFeed.Entry(
                    id: e.id, title: e.title, link: e.link, published: feeds.timestamp(e.date),
                    term: e.category.term, label: e.category.label, summary: e.summary)
            })
    }
}
