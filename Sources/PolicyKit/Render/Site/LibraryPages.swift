/// A library per kind (`normative/`) and one static page per status (`normative/in-force/`):
/// filtering works without JavaScript because every filter is a page of its own.
struct LibraryPages {
    struct Context: Encodable {
        let page: PageChrome
        /// `规范性文件库` or `规范性文件库：现行有效`.
        let title: String
        let libraryName: String
        /// The kind's full name, `行政规范性文件`.
        let kind: String
        /// The status shown, nil on the "全部" page.
        let status: String?
        let filters: [Filter]
        /// In force first, then newest first.
        let rows: [DocumentLink]
        let count: Int
    }

    struct Filter: Encodable {
        let label: String
        let href: String
        let count: Int
        let current: Bool
    }

    let context: SiteContext
    let kind: DocumentKind

    func render() throws -> [OutputFile] {
        let listed = context.library.listing(of: kind, at: context.asOf)
        let counts = context.library.statusCounts(of: kind, at: context.asOf)
        var files = [try page(status: nil, listed: listed, counts: counts)]
        for status in ValidityStatus.allCases {
            files.append(try page(status: status, listed: listed.filter { $0.status.status == status }, counts: counts))
        }
        return files
    }

    private func page(status: ValidityStatus?, listed: [Library.Listed], counts: [ValidityStatus: Int]) throws -> OutputFile {
        let directory = status.map { SitePath.library(kind, status: $0) } ?? SitePath.library(kind)
        let link = Linker(page: directory)
        let title = status.map { "\(kind.libraryName)：\($0.chinese)" } ?? kind.libraryName
        let filters = [Filter(label: "全部", href: link.href(SitePath.library(kind)), count: counts.values.reduce(0, +),
                              current: status == nil)]
            + ValidityStatus.allCases.map { s in
                Filter(label: s.chinese, href: link.href(SitePath.library(kind, status: s)), count: counts[s] ?? 0,
                       current: s == status)
            }
        let crumbs: [(label: String, path: String?)] = status.map { [(kind.libraryName, SitePath.library(kind)), ($0.chinese, nil)] }
            ?? [(kind.libraryName, nil)]
        let ctx = Context(page: context.chrome(directory, title: title, crumbs: crumbs), title: title,
                          libraryName: kind.libraryName, kind: kind.chinese, status: status?.chinese, filters: filters,
                          rows: listed.map { context.documentLink($0.document, from: link) }, count: listed.count)
        return try context.page(directory, template: "library", ctx)
    }
}
