import PolicyCore
import PolicyModel
import PolicyWrite

/// The home page: the libraries, the newest publications and how many documents of each
/// kind have each status — the overview a visitor and an auditor both start from.
struct HomePage {
    struct Context: Encodable {
        let page: PageChrome
        let title: String
        let sections: [Section]
        let latest: NonEmptyList<Publication>?
        let statuses: [String]
        let counts: [CountRow]
        let searchHref: String
        /// The per-section Atom feeds, advertised in the `<head>` and listed on the page.
        let sectionFeeds: [LinkItem]
        /// A system library's bureaus by level (省, 市, 县), each with its documents in
        /// force; nil for a single bureau's site.
        let system: NonEmptyList<Level>?
    }

    struct Level: Encodable {
        /// `省级`.
        let heading: String
        let bureaus: [Bureau]
    }

    /// One bureau of a system library: its section (`<source>/`) and its counts.
    struct Bureau: Encodable {
        let issuer: String
        let region: String
        let href: String
        let inForce: Int
        let total: Int
    }

    struct Section: Encodable {
        let label: String
        let href: String
        let description: String
        /// Documents in the library, nil for sections that are not libraries.
        let count: Int?
    }

    struct Publication: Encodable {
        let title: String
        let href: String
        /// `规范性文件`, or `政策解读 · 图解`.
        let type: String
        /// For an interpretation, the document it interprets.
        let document: String?
        let published: DateText
        let badge: Badge
    }

    struct CountRow: Encodable {
        let kind: String
        let href: String
        let cells: [Cell]
        let total: Int
        /// `LiveStatuses.tally(of:)`: status-live.js corrects the counts with it.
        let statusTally: String?
    }

    struct Cell: Encodable {
        let status: String
        /// `ValidityStatus.rawValue`.
        let statusCode: String
        let count: Int
        /// The status page, nil when the count is 0.
        let link: String?
        /// The status page, always (status-live.js links a count that becomes non-zero).
        let statusHref: String
    }

    let context: SiteContext

    func render() throws -> String {
        let link = Linker(page: SitePath.home)
        let library = context.library
        let asOf = context.asOf
        var sections = DocumentKind.allCases.map { kind in
            Section(
                label: kind.libraryName, href: link.href(SitePath.library(kind)), description: kind.chinese,
                count: library.documents(of: kind).count)
        }
        sections.append(
            Section(
                label: "清理结果", href: link.href(SitePath.cleanups), description: "规范性文件清理结果",
                count: nil))
        sections.append(
            Section(
                label: "检索", href: link.href(SitePath.search), description: "按标题、文号、全文检索",
                count: nil))
        sections.append(
            Section(
                label: "政策解读", href: link.href(SitePath.interpretations), description: "按解读形式浏览",
                count: library.interpretations.count))
        sections.append(
            Section(
                label: "政策问答", href: link.href(SitePath.questionBank), description: "政策问答库",
                count: nil))
        sections.append(
            Section(
                label: "年度报告数据", href: link.href(SitePath.report), description: "制发、废止、现行有效件数",
                count: nil))
        let latest = library.latestPublications(limit: 10).map { p in
            Publication(
                title: p.title,
                href: link.href(p.interpretation.map(SitePath.interpretation) ?? SitePath.document(p.document.id)),
                type: p.interpretation.map { "政策解读 · \($0.form.chinese)" } ?? p.document.kind.chinese,
                document: p.interpretation == nil ? nil : p.document.quotedTitle,
                published: DateText(p.published), badge: context.badge(p.document))
        }
        let counts = DocumentKind.allCases.map { kind in
            let byStatus = library.statusCounts(of: kind, at: asOf)
            return CountRow(
                kind: kind.libraryName, href: link.href(SitePath.library(kind)),
                cells: ValidityStatus.allCases.map { s in
                    Cell(
                        status: s.chinese, statusCode: s.rawValue, count: byStatus[s] ?? 0,
                        link: byStatus[s] == 0 ? nil : link.href(SitePath.library(kind, status: s)),
                        statusHref: link.href(SitePath.library(kind, status: s)))
                },
                total: byStatus.values.reduce(0, +),
                statusTally: context.live.tally(of: kind))
        }
        let ctx = Context(
            page: context.chrome(SitePath.home, title: context.site.title, crumbs: []),
            title: context.site.title, sections: sections, latest: .of(latest),
            statuses: ValidityStatus.allCases.map(\.chinese), counts: counts,
            searchHref: link.href(SitePath.search),
            sectionFeeds: [
                ("新发布的政策文件", SitePath.documentsFeed), ("新发布的政策解读", SitePath.interpretationsFeed),
                ("文件时效性变化（废止、失效、修改）", SitePath.statusFeed),
            ]
            .map { LinkItem(label: $0.0, href: link.href($0.1)) },
            system: .of(
                (context.system?.levels ?? []).map { level in
                    Level(
                        heading: level.level.heading,
                        bureaus: level.bureaus.map { b in
                            Bureau(
                                issuer: b.origin.issuer, region: b.origin.region,
                                href: link.href(SitePath.section(b.origin.source)), inForce: b.inForce, total: b.total)
                        })
                }))
        return try context.page(SitePath.home, template: "home", ctx)
    }
}
