import PolicyCore

/// The template context shared by every page. Contexts are plain structs read by Mustache
/// through reflection: an optional that is nil, an empty array or `false` hides a section.
/// Every `String` is content-derived and must be shown with `{{x}}` (escaped); only fields
/// whose name ends in `HTML` hold markup we generated and are shown with `{{{x}}}`.
///
/// Mustache looks a name that is nil up in the enclosing contexts, so an optional field of
/// a list item must not share its name with a field of the page around it (hence
/// `DocumentPage.Context.meta`): otherwise a row without a 文号 would show the page's.

/// The frame around every page (`base.mustache`).
struct PageChrome: Encodable {
    struct NavItem: Encodable {
        let label: String
        let href: String
        /// `page` on the page itself, `true` inside its section, nil elsewhere (aria-current).
        let current: String?
    }

    struct Crumb: Encodable {
        let label: String
        /// Nil for the last crumb: the page itself.
        let href: String?
    }

    let lang: String
    /// The `<title>`: page title, then the site title.
    let title: String
    let siteTitle: String
    /// The page's absolute address under `base_url` (`<link rel="canonical">`, printed copies).
    let canonical: String
    /// The same address as people read it (not percent-encoded), for printed copies.
    let address: String
    /// `../` per level: the relative way back to the site root.
    let root: String
    let homeHref: String
    let stylesheetHref: String
    /// `assets/mode.js`, which remembers 长者模式 across pages; nil when the theme drops it.
    let modeScriptHref: String?
    let feedHref: String
    /// `opensearch.xml`, for `<link rel="search">`.
    let openSearchHref: String
    let openDataHref: String
    let searchHref: String
    let nav: [NavItem]
    /// From the home page to this page (just 首页 on the home page).
    let breadcrumbs: NonEmptyList<Crumb>?
    let asOf: DateText
    /// The site's time zone (site.yml `timezone`), in which status-live.js takes today's date.
    let timeZone: String
    /// Extra stylesheets and scripts (ES modules, deferred) for this page, only when the theme
    /// ships them: every page gets `assets/status-live.js`; the search page also gets
    /// `assets/search.css` and `assets/search.js` (which does its results' statuses).
    let stylesheets: [String]
    let scripts: [String]
    /// The modules those scripts import (`<link rel="modulepreload">`): fetched side by side
    /// with the script, not one after the other as each import is found.
    let modulePreloads: [String]
    /// SiteName, SiteDomain, SiteIDCode, ColumnName… (`GovernmentMeta`), escaped like all content.
    let governmentMeta: [LinkedData.MetaTag]
    /// 主办单位, 网站标识码 and the registration numbers from `site.yml` `website`.
    let footer: SiteFooter?
}

/// A date both machine- and human-readable: `<time datetime="{{iso}}">{{chinese}}</time>`.
struct DateText: Encodable {
    /// `2022-06-28`
    let iso: String
    /// `2022年6月28日`
    let chinese: String

    init(_ date: CalendarDate) {
        iso = date.description
        chinese = date.chinese
    }
}

/// A status badge: the text always, a style per status (`badge-<code>`) on top.
struct Badge: Encodable {
    /// `ValidityStatus.rawValue`: `in-force`, `repealed`…, safe as a CSS class.
    let code: String
    /// `现行有效`…
    let text: String
    /// `已废止 · 2024-07-01 · 被《…》废止`, from `Library.explanation`.
    let explanation: String
    /// The explanation without the leading status text, to follow the badge: `2024-07-01 · 被《…》废止`.
    let details: String?
    /// `StatusFacts` as JSON (`data-status-facts`) when the status changes after the as-of
    /// date: status-live.js recomputes it for the day the page is read. Nil when the status
    /// is final there (or on pages that report the as-of date on purpose).
    let statusFacts: String?
}

/// A link to a document as lists show it.
struct DocumentLink: Encodable {
    let title: String
    let href: String
    let number: String?
    let kind: String
    let published: DateText
    let effective: DateText
    let badge: Badge
    /// For lists that re-sort in the browser (`data-id`).
    let documentID: String
    /// A row a status list carries hidden, for status-live.js to show once the document
    /// takes on that list's status after the as-of date.
    var isCandidate = false
}

/// A plain labelled link (files, batches, sections).
struct LinkItem: Encodable {
    let label: String
    let href: String
}

/// A non-empty list, or nil: lets a template wrap a list in a heading and `<ul>` only
/// when there is something to list (`{{#x}}<h2>…</h2><ul>{{#items}}…{{/items}}</ul>{{/x}}`).
struct NonEmptyList<Item: Encodable>: Encodable {
    let items: [Item]
    let count: Int

    static func of(_ items: [Item]) -> NonEmptyList? { items.isEmpty ? nil : NonEmptyList(items: items, count: items.count) }
}
