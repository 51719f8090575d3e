import Foundation
import PolicyCore
import PolicyModel
import PolicyWrite

/// `qa/`: the 政策问答库 — every question and answer of every Q&A interpretation and every
/// standalone entry (hotline, mailbox…), by topic, each under a stable anchor with where it
/// comes from; answers resting on a document no longer in force say so. Also writes the
/// views by channel and by document (`QuestionGroupsPage`), each standalone entry's own
/// page (`QuestionEntryPage`) and `qa.json`.
struct QuestionBankPage {
    struct Context: Encodable {
        let page: PageChrome
        let title: String
        let total: Int
        let topics: NonEmptyList<TopicGroup>?
        let dataHref: String
        let views: [LinkItem]
    }

    struct TopicGroup: Encodable {
        let topic: String
        let topicAnchor: String
        let count: Int
        let entries: [Entry]
    }

    struct Entry: Encodable {
        let anchor: String
        let question: String
        let answerHTML: String
        /// A pair's interpretation and document.
        let source: Source?
        /// A standalone entry's channel, date, office and documents.
        let standalone: Standalone?
        /// For an answer resting on a document no longer in force: the warning and, when
        /// there is one, the version to read instead.
        let caveat: Caveat?
    }

    struct Source: Encodable {
        let documentTitle: String
        let documentHref: String
        let documentNumber: String?
        let interpretationTitle: String
        let interpretationHref: String
        let badge: Badge
    }

    struct Standalone: Encodable {
        let channel: String
        let channelHref: String
        let answered: DateText
        let office: String?
        let topics: String?
        let documents: NonEmptyList<DocumentRef>?
        let href: String
    }

    struct DocumentRef: Encodable {
        let title: String
        let href: String
        let number: String?
        let badge: Badge
    }

    struct Caveat: Encodable {
        /// `依据文件已废止`: the headline a reader sees first.
        let headline: String
        let text: String
        let current: LinkItem?
    }

    let context: SiteContext

    func render() throws -> [String] {
        let link = Linker(page: SitePath.questionBank)
        let entries = context.library.questionEntries
        let groups = context.library.questionEntriesByTopic()
        let topics = groups.enumerated().map { k, group in
            TopicGroup(
                topic: group.topic, topicAnchor: "topic-\(k + 1)", count: group.entries.count,
                entries: group.entries.map { entry($0, link) })
        }
        let title = "政策问答库"
        let ctx = Context(
            page: context.chrome(SitePath.questionBank, title: title, crumbs: [(title, nil)]),
            title: title, total: entries.count, topics: .of(topics),
            dataHref: link.href(SitePath.questionBankData), views: QuestionBankPage.views(link))
        var written = [try context.page(SitePath.questionBank, template: "qa", ctx)]
        written += try QuestionGroupsPage(context: context).render()
        // A system library's root lists its bureaus' entries; their pages are in the sections.
        for e in entries where e.standalone.map({ !$0.id.contains("/") }) == true {
            written.append(try QuestionEntryPage(context: context, page: self).render(e))
        }
        return written + (try context.output.add([try data(entries)]))
    }

    /// The three ways into the library, for every Q&A page.
    static func views(_ link: Linker) -> [LinkItem] {
        [
            LinkItem(label: "按主题", href: link.href(SitePath.questionBank)),
            LinkItem(label: "按来源渠道", href: link.href(SitePath.questionsByChannel)),
            LinkItem(label: "按所涉文件", href: link.href(SitePath.questionsByDocument)),
        ]
    }

    /// Where an entry is read: a pair on `qa/` under its anchor, a standalone entry on its page.
    static func href(_ e: Library.QuestionEntry, _ link: Linker) -> String {
        e.standalone != nil ? link.href(SitePath.questionEntry(e.anchor)) : link.href(SitePath.questionBank) + "#" + e.anchor
    }

    func entry(_ e: Library.QuestionEntry, _ link: Linker) -> Entry {
        // In a system library an answer's /d/<id>/ links go to its document's bureau's section.
        let answerHTML = BodyRenderer(context: context).html(
            QuestionBankPage.markdown(e.answer), sourceDirectory: sourceDirectory(e), page: link, topLevel: 4,
            section: e.document?.origin?.source ?? e.standalone?.id.split(separator: "/").dropLast().first.map(String.init))
        guard let document = e.document, let interpretation = e.interpretation else {
            return Entry(
                anchor: e.anchor, question: e.question, answerHTML: answerHTML, source: nil,
                standalone: Standalone(
                    channel: e.channel.rawValue,
                    channelHref: link.href(SitePath.questionsByChannel) + "#" + e.channel.code,
                    answered: DateText(e.answered), office: e.office,
                    topics: e.topics.isEmpty ? nil : e.topics.joined(separator: "、"),
                    documents: .of(
                        e.documents.map {
                            DocumentRef(
                                title: $0.title, href: link.href(SitePath.document($0.id)), number: $0.number,
                                badge: context.badge($0))
                        }),
                    href: link.href(SitePath.questionEntry(e.anchor))),
                caveat: caveat(e, link))
        }
        return Entry(
            anchor: e.anchor, question: e.question, answerHTML: answerHTML,
            source: Source(
                documentTitle: document.title, documentHref: link.href(SitePath.document(document.id)),
                documentNumber: document.number, interpretationTitle: interpretation.title,
                interpretationHref: link.href(SitePath.interpretation(interpretation)),
                badge: context.badge(document)),
            standalone: nil, caveat: caveat(e, link))
    }

    /// A pair's links resolve in its bundle; a standalone entry has none (`qa/`).
    private func sourceDirectory(_ e: Library.QuestionEntry) -> String {
        guard let d = e.document else { return "qa/" }
        return (context.raw.bundle(id: d.id)?.path ?? d.bundlePath) + "/"
    }

    private func caveat(_ e: Library.QuestionEntry, _ link: Linker) -> Caveat? {
        let library = context.library
        guard let (document, status) = library.staleBasis(of: e, at: context.asOf).first else { return nil }
        let current = library.currentVersion(of: document, at: context.asOf)
        let text =
            e.standalone == nil
            ? "本问答所依据的文件\(status.chinese)，内容仅供查阅，请以现行规定为准。"
            : "本答复所依据的\(document.quotedTitle)\(status.chinese)，答复内容可能已不适用，仅供查阅，请以现行规定为准。"
        return Caveat(
            headline: "依据文件\(status.chinese)", text: text,
            current: current.map { LinkItem(label: "现行版本：\($0.quotedTitle)", href: link.href(SitePath.document($0.id))) })
    }

    /// The answer's lines as Markdown blocks: each line its own paragraph, except runs of
    /// list items or table rows, which stay together.
    static func markdown(_ answer: String) -> String {
        let lines = answer.split(separator: "\n").map(String.init)
        func grouped(_ l: String) -> Bool {
            l.hasPrefix("|") || l.hasPrefix("- ") || l.hasPrefix("* ") || l.first.map { $0.isASCII && $0.isNumber } == true
        }
        var out = ""
        for (k, line) in lines.enumerated() {
            if k > 0 { out += grouped(line) && grouped(lines[k - 1]) ? "\n" : "\n\n" }
            out += line
        }
        return out
    }

    /// `qa.json`: every entry for hotline knowledge bases — the pairs sorted by document,
    /// interpretation and position, then the standalone entries by id; keys sorted, absent
    /// values `null`.
    private func data(_ all: [Library.QuestionEntry]) throws -> OutputFile {
        let library = context.library
        let feeds = Feeds(context: context)
        let pairs = all.filter { $0.standalone == nil }.sorted {
            ($0.document!.id, $0.interpretation!.id, $0.position!) < ($1.document!.id, $1.interpretation!.id, $1.position!)
        }
        let standalone = all.filter { $0.standalone != nil }.sorted { $0.anchor < $1.anchor }
        func documentData(_ d: Document) -> QuestionBankData.Document {
            let status = library.status(of: d, at: context.asOf).status
            return .init(
                id: d.id, title: d.title, number: Nullable(d.number), topics: d.topics, status: status.rawValue,
                status_text: status.chinese, url: feeds.absolute(SitePath.document(d.id)))
        }
        let items = (pairs + standalone).map { e in
            let url =
                e.standalone == nil
                ? feeds.absolute(SitePath.questionBank) + "#" + e.anchor : feeds.absolute(SitePath.questionEntry(e.anchor))
            return QuestionBankData.Item(
                id: e.anchor, url: url, question: e.question, answer: e.answer, topic: e.topic,
                position: Nullable(e.position), document: Nullable(e.documents.first.map(documentData)),
                interpretation: Nullable(
                    e.interpretation.map { i in
                        QuestionBankData.Interpretation(
                            id: i.id, title: i.title, published: i.published.description,
                            url: feeds.absolute(SitePath.interpretation(i)))
                    }),
                channel: e.channel.rawValue, channel_code: e.channel.code, answered: e.answered.description,
                office: Nullable(e.office), topics: e.topics, documents: e.documents.map(documentData),
                stale: !library.staleBasis(of: e, at: context.asOf).isEmpty)
        }
        var data = try JSONEncoder.stable.encode(
            QuestionBankData(generated_as_of: context.asOf.description, count: items.count, questions: items))
        data.append(0x0A)
        return OutputFile(SitePath.questionBankData, .data(data))
    }
}

/// The shape of `qa.json` (docs/open-data.md). Field names are the file's keys.
struct QuestionBankData: Encodable {
    struct Item: Encodable {
        let id, url, question, answer, topic: String
        /// A pair's place in its interpretation; `null` for a standalone entry.
        let position: Nullable<Int>
        /// A pair's document; a standalone entry's first document (`null` when it names none).
        let document: Nullable<Document>
        /// `null` for a standalone entry.
        let interpretation: Nullable<Interpretation>
        let channel, channel_code, answered: String
        let office: Nullable<String>
        let topics: [String]
        let documents: [Document]
        /// A document it rests on is no longer in force on `generated_as_of`.
        let stale: Bool
    }

    package struct Document: Encodable, Sendable {
        let id, title: String
        /// Written as `null` when absent: consumers read every key of every entry.
        let number: Nullable<String>
        let topics: [String]
        let status, status_text, url: String
    }

    struct Interpretation: Encodable, Sendable {
        let id, title, published, url: String
    }

    var version = 1
    let generated_as_of: String
    let count: Int
    let questions: [Item]
}
