import PolicyCore
import PolicyModel
import PolicyWrite

/// A library per kind (`normative/`) and one static page per status (`normative/in-force/`):
/// filtering works without JavaScript because every filter is a page of its own. The library
/// opens on what applies today (现行有效), as gov.cn libraries do; every other status and
/// the whole list (`normative/all/`) are one click away. Long lists
/// are split into pages of `pageSize` rows (`normative/page/2/`), so that a province's
/// library of thousands stays light enough for a phone.
struct LibraryPages {
    static let pageSize = 100

    struct Context: Encodable {
        let page: PageChrome
        /// `规范性文件库` or `规范性文件库：现行有效`.
        let title: String
        let libraryName: String
        /// The kind's full name, `行政规范性文件`.
        let kind: String
        /// The status shown, nil on the "全部" page.
        let status: String?
        /// The table's caption: the title, and on the library's own page the status it opens on.
        let caption: String
        /// The library's own page, which opens on 现行有效.
        let isLanding: Bool
        let filters: [Filter]
        /// In force first, then newest first.
        let rows: [DocumentLink]
        let count: Int
        /// Nil when the list fits on one page.
        let pagination: Pagination?
    }

    struct Pagination: Encodable {
        let current: Int
        let total: Int
        /// The rows shown, 1-based: `第 101–200 件`.
        let first: Int
        let last: Int
        let previousHref: String?
        let nextHref: String?
        /// The first and last pages and those around the current one; `gap` stands for the
        /// pages left out between them.
        let pages: [PageLink]
    }

    struct PageLink: Encodable {
        let number: Int
        let href: String
        let current: Bool
        let gap: Bool
    }

    struct Filter: Encodable {
        let label: String
        let href: String
        let count: Int
        /// `aria-current` of the chosen filter: "page" on its first page, which the link points
        /// to; "true" (the current one of a set) on its later pages; nil for the others.
        let current: String?
    }

    let context: SiteContext
    let kind: DocumentKind

    func render() throws -> [String] {
        let listed = context.library.listing(of: kind, at: context.asOf)
        let counts = context.library.statusCounts(of: kind, at: context.asOf)
        let inForce = listed.filter { $0.status.status == .inForce }
        var files = try pages(status: .inForce, base: SitePath.library(kind), listed: inForce, counts: counts)
        files += try pages(status: nil, base: SitePath.libraryAll(kind), listed: listed, counts: counts)
        for status in ValidityStatus.allCases {
            let rows = status == .inForce ? inForce : listed.filter { $0.status.status == status }
            files += try pages(status: status, base: SitePath.library(kind, status: status), listed: rows, counts: counts)
        }
        return files
    }

    /// The list of one filter at `base`, split into pages.
    private func pages(
        status: ValidityStatus?, base: String, listed: [Library.Listed], counts: [ValidityStatus: Int]
    ) throws -> [String] {
        let total = max(1, (listed.count + Self.pageSize - 1) / Self.pageSize)
        return try (1...total).map { number in
            let start = (number - 1) * Self.pageSize
            return try page(
                status: status, listed: listed, rows: start..<min(listed.count, start + Self.pageSize),
                number: number, of: total, base: base, counts: counts)
        }
    }

    private func page(
        status: ValidityStatus?, listed: [Library.Listed], rows: Range<Int>, number: Int, of total: Int,
        base: String, counts: [ValidityStatus: Int]
    ) throws -> String {
        let directory = SitePath.libraryPage(base, page: number)
        let link = Linker(page: directory)
        let isLanding = base == SitePath.library(kind)
        let statusTitle = status.map { "\(kind.libraryName)：\($0.chinese)" } ?? "\(kind.libraryName)：全部"
        let title = isLanding ? kind.libraryName : statusTitle
        // 现行有效 links to the library itself, so "page" only there; on in-force/ it is "true".
        let filterTarget = { (s: ValidityStatus?) in
            s == nil ? SitePath.libraryAll(kind) : s == .inForce ? SitePath.library(kind) : SitePath.library(kind, status: s!)
        }
        let filters = ([nil] + ValidityStatus.allCases).map { (s: ValidityStatus?) in
            Filter(
                label: s?.chinese ?? "全部", href: link.href(filterTarget(s)),
                count: s.map { counts[$0] ?? 0 } ?? counts.values.reduce(0, +),
                current: s != status ? nil : number == 1 && filterTarget(s) == base ? "page" : "true")
        }
        // Page 1 is the list itself; a later page is one more step below it, so the trail (and
        // with it the site menu's current section) still leads to the list.
        var crumbs: [(label: String, path: String?)] =
            [(kind.libraryName, SitePath.library(kind))]
            + (isLanding ? [] : [(status?.chinese ?? "全部", base)])
        if number == 1 { crumbs[crumbs.count - 1].path = nil } else { crumbs.append(("第 \(number) 页", nil)) }
        let pagination =
            total == 1
            ? nil
            : Pagination(
                current: number, total: total, first: rows.lowerBound + 1, last: rows.upperBound,
                previousHref: number > 1 ? link.href(SitePath.libraryPage(base, page: number - 1)) : nil,
                nextHref: number < total ? link.href(SitePath.libraryPage(base, page: number + 1)) : nil,
                pages: Self.pageNumbers(current: number, total: total).map { n in
                    n.map { PageLink(number: $0, href: link.href(SitePath.libraryPage(base, page: $0)), current: $0 == number, gap: false) }
                        ?? PageLink(number: 0, href: "", current: false, gap: true)
                })
        let pageTitle = number == 1 ? title : "\(title)（第 \(number) 页）"
        let ctx = Context(
            page: context.chrome(directory, title: pageTitle, crumbs: crumbs), title: title,
            libraryName: kind.libraryName, kind: kind.chinese, status: status?.chinese, caption: statusTitle,
            isLanding: isLanding, filters: filters,
            rows: listed[rows].map { context.documentLink($0.document, from: link) }, count: listed.count,
            pagination: pagination)
        return try context.page(directory, template: "library", ctx)
    }

    /// Page numbers to link: the first, the last and two either side of the current one,
    /// with nil for each run left out.
    static func pageNumbers(current: Int, total: Int) -> [Int?] {
        let shown = Set([1, total] + Array(max(1, current - 2)...min(total, current + 2))).sorted()
        var out: [Int?] = []
        for n in shown {
            if let last = out.last ?? nil, n > last + 1 { out.append(nil) }
            out.append(n)
        }
        return out
    }
}
