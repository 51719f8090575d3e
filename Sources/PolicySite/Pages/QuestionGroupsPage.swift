import PolicyCore
import PolicyModel

/// `qa/by-channel/` and `qa/by-document/`: the Q&A library by where questions came from and
/// by the document they concern (groupings from the model), each entry a link to where it is
/// read (`QuestionBankPage.href`).
struct QuestionGroupsPage {
    struct Context: Encodable {
        let page: PageChrome
        let title: String
        let lead: String
        let views: [LinkItem]
        let groups: NonEmptyList<Group>?
    }

    struct Group: Encodable {
        let title: String
        let anchor: String
        let count: Int
        /// The document's page and status, on the view by document.
        let href: String?
        let badge: Badge?
        let entries: [Item]
    }

    struct Item: Encodable {
        let question: String
        let href: String
        let channel: String
        let answered: DateText
        /// `依据文件已废止` when the answer rests on a document no longer in force.
        let stale: String?
    }

    let context: SiteContext

    func render() throws -> [String] {
        let library = context.library
        let byChannel = Linker(page: SitePath.questionsByChannel)
        let channelGroups = library.questionEntriesByChannel().map { channel, entries in
            Group(
                title: channel.rawValue, anchor: channel.code, count: entries.count, href: nil, badge: nil,
                entries: entries.map { item($0, byChannel) })
        }
        let byDocument = Linker(page: SitePath.questionsByDocument)
        let documentGroups = library.questionEntriesByDocument().map { document, entries in
            Group(
                title: document.quotedTitle, anchor: "d-\(document.id)", count: entries.count,
                href: byDocument.href(SitePath.document(document.id)), badge: context.badge(document),
                entries: entries.map { item($0, byDocument) })
        }
        return [
            try page(
                SitePath.questionsByChannel, title: "政策问答（按来源渠道）",
                lead: "政策问答按问题来源分组：政策解读中的问答，以及12345热线、省长信箱、网站留言、窗口咨询等渠道答复的问题。",
                groups: channelGroups),
            try page(
                SitePath.questionsByDocument, title: "政策问答（按所涉文件）",
                lead: "政策问答按所涉及的文件分组；一条问答涉及几件文件的，在每件文件下都列出。所依据的文件已不再有效的，答复仅供查阅。",
                groups: documentGroups),
        ]
    }

    private func page(_ path: String, title: String, lead: String, groups: [Group]) throws -> String {
        let link = Linker(page: path)
        let ctx = Context(
            page: context.chrome(path, title: title, crumbs: [("政策问答库", SitePath.questionBank), (title, nil)]),
            title: title, lead: lead, views: QuestionBankPage.views(link), groups: .of(groups))
        return try context.page(path, template: "qa-groups", ctx)
    }

    private func item(_ e: Library.QuestionEntry, _ link: Linker) -> Item {
        let stale = context.library.staleBasis(of: e, at: context.asOf).first.map { "依据文件\($0.status.chinese)" }
        return Item(
            question: e.question, href: QuestionBankPage.href(e, link), channel: e.channel.rawValue,
            answered: DateText(e.answered), stale: stale)
    }
}
