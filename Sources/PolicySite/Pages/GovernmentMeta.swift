import Foundation
import PolicyCore
import PolicyModel

/// What a page says about itself in the government-website meta tags (政府网站发展指引,
/// GB/T 42147): its column, a description and keywords, and — for an article page (a
/// document or an interpretation) — the article's title, date and source.
struct PageAbout {
    struct Article {
        let title: String
        let published: CalendarDate
        /// ContentSource: who the text comes from (the issuers, or the bureau for an interpretation).
        let source: String
    }

    /// ColumnName; nil takes the page's section (its first breadcrumb, or 首页).
    var column: String? = nil
    /// ColumnType; nil takes the section's (`GovernmentMeta.columnType`).
    var columnType: String? = nil
    /// Description; nil uses the page title.
    var description: String? = nil
    var keywords: [String] = []
    var article: Article? = nil
}

/// The meta tags provincial portals put in every page's `<head>` and the national
/// government-website checks read: SiteName, SiteDomain, SiteIDCode, ColumnName, ColumnType,
/// then on article pages ArticleTitle, PubDate, ContentSource, and Keywords and Description.
enum GovernmentMeta {
    /// ColumnType of a section, by its site path: what kind of column the page sits in.
    static func columnType(section path: String) -> String {
        if path == SitePath.home { return "首页" }
        if path == SitePath.interpretations || path == SitePath.questionBank { return "政策解读" }
        if path == SitePath.search { return "站内检索" }
        return "政策文件"
    }

    static func tags(site: SiteConfig, column: String, columnType: String, title: String, about: PageAbout) -> [LinkedData.MetaTag] {
        var tags: [(String, String?)] = [
            ("SiteName", site.title), ("SiteDomain", site.domain), ("SiteIDCode", site.website.idCode),
            ("ColumnName", column), ("ColumnType", columnType),
        ]
        if let article = about.article {
            tags += [
                ("ArticleTitle", article.title), ("PubDate", article.published.description),
                ("ContentSource", article.source),
            ]
        }
        let keywords = about.keywords.isEmpty ? [column, site.title] : about.keywords
        tags += [("Keywords", keywords.joined(separator: ",")), ("Description", about.description ?? title)]
        return tags.compactMap { name, content in
            guard let content, !content.isEmpty else { return nil }
            return LinkedData.MetaTag(name: name, content: content)
        }
    }
}

/// The footer's identification block: 主办单位, 网站标识码, ICP备案号 and 公安机关备案号, each
/// shown only when `site.yml` sets it; the two registrations link to the registries that
/// confirm them.
struct SiteFooter: Encodable {
    struct Registration: Encodable {
        let label: String
        let href: String
    }

    let sponsor: String?
    let idCode: String?
    let icp: Registration?
    let policeRecord: Registration?
    let contact: String?

    init(_ site: SiteConfig) {
        let website = site.website
        sponsor = site.sponsor
        idCode = website.idCode
        icp = website.icp.map { Registration(label: $0, href: "https://beian.miit.gov.cn/") }
        policeRecord = website.publicSecurity.map { number in
            Registration(
                label: number,
                href: "https://beian.mps.gov.cn/#/query/webSearch"
                    + (website.publicSecurityCode.map { "?code=" + $0 } ?? ""))
        }
        contact = website.contact
    }

    /// Nil when `site.yml` sets none of them (and there is no issuer): no empty block.
    static func of(_ site: SiteConfig) -> SiteFooter? {
        let footer = SiteFooter(site)
        let shown: [Any?] = [footer.sponsor, footer.idCode, footer.icp, footer.policeRecord, footer.contact]
        return shown.contains { $0 != nil } ? footer : nil
    }
}
