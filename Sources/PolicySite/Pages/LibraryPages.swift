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
    /// How far ahead a status's list carries the rows of documents that will take on that
    /// status (hidden until then): a year, well past any gap in the daily rebuild, without a
    /// list of every document due to expire some day.
    static let candidateHorizonDays = 366

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
        /// Its `ValidityStatus.rawValue` (`data-list-status`).
        let listStatus: String?
        let filters: [Filter]
        /// In force first, then newest first; on a status's list, hidden candidate rows among
        /// them (`DocumentLink.isCandidate`) for documents that take on that status later.
        let rows: [DocumentLink]
        let count: Int
        /// No row to show on the as-of date ("暂无…" shows; status-live.js toggles it).
        let isEmpty: Bool
        /// `LiveStatuses.tally(of:)`: status-live.js corrects the filters' counts with it.
        let statusTally: String?
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
        /// `ValidityStatus.rawValue`; nil for 全部.
        let statusCode: String?
        let count: Int
        /// `aria-current` of the chosen filter: "page" on its first page, which the link points
        /// to; "true" (the current one of a set) on its later pages; nil for the others.
        let current: String?
    }

    let context: SiteContext
    let kind: DocumentKind

    func render() throws -> [String] {
        let library = context.library
        let listed = library.listing(of: kind, at: context.asOf)
        let counts = library.statusCounts(of: kind, at: context.asOf)
        let tally = context.live.tally(of: kind)
        let inForce = listed.filter { $0.status.status == .inForce }
        var files = try pages(status: .inForce, base: SitePath.library(kind), listed: inForce, counts: counts, tally: tally)
        files += try pages(status: nil, base: SitePath.libraryAll(kind), listed: listed, counts: counts, tally: tally)
        for status in ValidityStatus.allCases {
            let rows = status == .inForce ? inForce : listed.filter { $0.status.status == status }
            files += try pages(status: status, base: SitePath.library(kind, status: status), listed: rows, counts: counts, tally: tally)
        }
        return files
    }

    /// The list of one filter at `base`, split into pages.
    private func pages(
        status: ValidityStatus?, base: String, listed: [Library.Listed], counts: [ValidityStatus: Int], tally: String?
    ) throws -> [String] {
        let total = max(1, (listed.count + Self.pageSize - 1) / Self.pageSize)
        let later = status.map { candidates(for: $0, listed: listed, pages: total) } ?? [:]
        return try (1...total).map { number in
            let start = (number - 1) * Self.pageSize
            return try page(
                status: status, listed: listed, rows: start..<min(listed.count, start + Self.pageSize),
                candidates: later[number] ?? [], number: number, of: total, base: base, counts: counts, tally: tally)
        }
    }

    /// Documents that take on `status` after the as-of date, within the horizon, by the page
    /// of the status's list where they will sort (newest first, then by id), each with the
    /// position of the row it goes before.
    private func candidates(for status: ValidityStatus, listed: [Library.Listed], pages: Int) -> [Int: [(before: Int, document: Document)]] {
        let library = context.library
        let horizon = context.asOf.adding(days: Self.candidateHorizonDays)
        let coming = library.documents(of: kind).filter { document in
            context.live.takesOn(status, document, by: horizon) && library.status(of: document, at: context.asOf).status != status
        }
        .sorted { ($1.published, $0.id) < ($0.published, $1.id) }  // the list's order: newest first, then by id
        var byPage: [Int: [(before: Int, document: Document)]] = [:]
        for document in coming {
            let position = listed.firstIndex { ($0.document.published, document.id) < (document.published, $0.document.id) } ?? listed.count
            let page = min(position / Self.pageSize, pages - 1) + 1
            byPage[page, default: []].append((position, document))
        }
        return byPage
    }

    private func page(
        status: ValidityStatus?, listed: [Library.Listed], rows: Range<Int>,
        candidates: [(before: Int, document: Document)], number: Int, of total: Int,
        base: String, counts: [ValidityStatus: Int], tally: String?
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
                label: s?.chinese ?? "全部", href: link.href(filterTarget(s)), statusCode: s?.rawValue,
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
            isLanding: isLanding, listStatus: status?.rawValue, filters: filters,
            rows: Self.merge(
                rows.map { (position: $0, link: context.documentLink(listed[$0].document, from: link)) },
                candidates.map { c in
                    var row = context.documentLink(c.document, from: link)
                    row.isCandidate = true
                    return (position: c.before, link: row)
                }),
            count: listed.count, isEmpty: rows.isEmpty, statusTally: tally, pagination: pagination)
        return try context.page(directory, template: "library", ctx)
    }

    /// The page's rows with the candidates (in list order) put before the row at their
    /// position, or after the page's last row when the position is past it.
    private static func merge(
        _ rows: [(position: Int, link: DocumentLink)], _ candidates: [(position: Int, link: DocumentLink)]
    ) -> [DocumentLink] {
        var out: [DocumentLink] = []
        var next = candidates.startIndex
        for row in rows {
            while next < candidates.endIndex && candidates[next].position <= row.position {
                out.append(candidates[next].link)
                next += 1
            }
            out.append(row.link)
        }
        return out + candidates[next...].map(\.link)
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
