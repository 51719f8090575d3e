import PolicyCore
import PolicyModel

/// `qa/<id>/`: one standalone Q&A entry on a page of its own. A page rather than an anchor
/// on `qa/`: the entry is what a hotline operator or a mini-program links to and what
/// search finds, so its URL must hold one answer (with its channel, date, office and
/// documents) and stay put when `qa/` is regrouped; and a repealed basis is stated at the
/// top of that page, where a reader who follows such a link lands.
struct QuestionEntryPage {
    struct Context: Encodable {
        let page: PageChrome
        let title: String
        let entry: QuestionBankPage.Entry
        let views: [LinkItem]
    }

    let context: SiteContext
    let page: QuestionBankPage

    func render(_ e: Library.QuestionEntry) throws -> String {
        let path = SitePath.questionEntry(e.anchor)
        let link = Linker(page: path)
        let ctx = Context(
            page: context.chrome(
                path, title: e.question, crumbs: [("政策问答库", SitePath.questionBank), (e.question, nil)],
                about: PageAbout(description: e.question, keywords: e.topics)),
            title: e.question, entry: page.entry(e, link), views: QuestionBankPage.views(link))
        return try context.page(path, template: "qa-entry", ctx)
    }
}
