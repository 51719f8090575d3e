import PolicyCore
import PolicyModel
import PolicyWrite

/// `cleanup/`: every cleanup batch (清理结果); `cleanup/<batch>/`: one batch, its results
/// grouped by outcome with links to the documents and their status today.
struct CleanupPages {
    struct IndexContext: Encodable {
        let page: PageChrome
        let title: String
        let batches: NonEmptyList<BatchItem>?
    }

    struct BatchItem: Encodable {
        let title: String
        let number: String?
        let href: String
        let published: DateText
        let effective: DateText
        let tallies: [Tally]
    }

    struct Tally: Encodable {
        let outcome: String
        let count: Int
    }

    struct BatchContext: Encodable {
        let page: PageChrome
        let title: String
        /// The batch's 文号, when it has one.
        let number: String?
        let published: DateText
        let effective: DateText
        let bodyHTML: String
        let groups: [OutcomeGroup]
    }

    struct OutcomeGroup: Encodable {
        /// `继续有效`, `修改`, `废止` or `宣布失效`; only outcomes with results appear.
        let outcome: String
        let count: Int
        let items: [ResultItem]
    }

    struct ResultItem: Encodable {
        /// The document, or nil when the result names an id the library does not hold.
        let document: DocumentLink?
        let id: String
        let note: String?
    }

    let context: SiteContext

    func render() throws -> [String] {
        var files = [try index()]
        for batch in context.library.cleanups { files.append(try page(batch)) }
        return files
    }

    private func index() throws -> String {
        let link = Linker(page: SitePath.cleanups)
        let batches = context.library.cleanups.map { b in
            BatchItem(
                title: b.title, number: b.number, href: link.href(SitePath.cleanup(b.id)), published: DateText(b.published),
                effective: DateText(b.effective),
                tallies: CleanupOutcome.allCases.compactMap { o in
                    let n = b.results.filter { $0.outcome == o }.count
                    return n == 0 ? nil : Tally(outcome: o.rawValue, count: n)
                })
        }
        let ctx = IndexContext(
            page: context.chrome(SitePath.cleanups, title: "清理结果", crumbs: [("清理结果", nil)]),
            title: "清理结果", batches: .of(batches))
        return try context.page(SitePath.cleanups, template: "cleanups", ctx)
    }

    private func page(_ batch: CleanupBatch) throws -> String {
        let directory = SitePath.cleanup(batch.id)
        let link = Linker(page: directory)
        let groups = CleanupOutcome.allCases.compactMap { outcome -> OutcomeGroup? in
            let items = batch.results.filter { $0.outcome == outcome }.map { r in
                ResultItem(
                    document: context.library.document(r.document).map { context.documentLink($0, from: link) },
                    id: r.document, note: r.note)
            }
            return items.isEmpty ? nil : OutcomeGroup(outcome: outcome.rawValue, count: items.count, items: items)
        }
        // A system library's batch (`<source>/<batch>`) links within its source's section.
        let section = batch.id.contains("/") ? String(batch.id.prefix { $0 != "/" }) : nil
        let body = BodyRenderer(context: context).html(
            batch.body, sourceDirectory: "cleanup/", page: link, topLevel: 2, section: section)
        let ctx = BatchContext(
            page: context.chrome(directory, title: batch.title, crumbs: [("清理结果", SitePath.cleanups), (batch.title, nil)]),
            title: batch.title, number: batch.number, published: DateText(batch.published), effective: DateText(batch.effective),
            bodyHTML: body, groups: groups)
        return try context.page(directory, template: "cleanup", ctx)
    }
}
