import Foundation
import PolicyCore
import PolicyModel
import PolicyWrite

/// `qa/`: the 政策问答库 — every question and answer of every Q&A interpretation, by topic,
/// each under a stable anchor with its source document and that document's status; answers
/// resting on a document no longer in force say so. Also writes `qa.json`.
struct QuestionBankPage {
    struct Context: Encodable {
        let page: PageChrome
        let title: String
        let total: Int
        let topics: NonEmptyList<TopicGroup>?
        let dataHref: String
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
        let source: Source
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

    struct Caveat: Encodable {
        let text: String
        let current: LinkItem?
    }

    let context: SiteContext

    func render() throws -> [String] {
        let link = Linker(page: SitePath.questionBank)
        let groups = context.library.questionEntriesByTopic()
        let topics = groups.enumerated().map { k, group in
            TopicGroup(
                topic: group.topic, topicAnchor: "topic-\(k + 1)", count: group.entries.count,
                entries: group.entries.map { entry($0, link) })
        }
        let title = "政策问答库"
        let ctx = Context(
            page: context.chrome(SitePath.questionBank, title: title, crumbs: [(title, nil)]),
            title: title, total: groups.reduce(0) { $0 + $1.entries.count }, topics: .of(topics),
            dataHref: link.href(SitePath.questionBankData))
        return [try context.page(SitePath.questionBank, template: "qa", ctx)] + (try context.output.add([try data()]))
    }

    private func entry(_ e: Library.QuestionEntry, _ link: Linker) -> Entry {
        let library = context.library
        let status = library.status(of: e.document, at: context.asOf).status
        var caveat: Caveat?
        if !status.isCurrent {
            let current = library.currentVersion(of: e.document, at: context.asOf)
            caveat = Caveat(
                text: "本问答所依据的文件\(status.chinese)，内容仅供查阅，请以现行规定为准。",
                current: current.map { LinkItem(label: "现行版本：\($0.quotedTitle)", href: link.href(SitePath.document($0.id))) })
        }
        let bundle = context.raw.bundle(id: e.document.id)?.path ?? e.document.bundlePath
        return Entry(
            anchor: e.anchor, question: e.question,
            answerHTML: BodyRenderer(context: context).html(
                QuestionBankPage.markdown(e.answer), sourceDirectory: bundle + "/",
                page: link, topLevel: 4, section: e.document.origin?.source),
            source: Source(
                documentTitle: e.document.title, documentHref: link.href(SitePath.document(e.document.id)),
                documentNumber: e.document.number, interpretationTitle: e.interpretation.title,
                interpretationHref: link.href(SitePath.interpretation(e.interpretation)),
                badge: context.badge(e.document)),
            caveat: caveat)
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

    /// `qa.json`: the pairs for hotline knowledge bases — sorted by document, interpretation
    /// and position, keys sorted, absent values `null`.
    private func data() throws -> OutputFile {
        let library = context.library
        let feeds = Feeds(context: context)
        let entries = library.questionEntries.sorted {
            ($0.document.id, $0.interpretation.id, $0.position) < ($1.document.id, $1.interpretation.id, $1.position)
        }
        let items = entries.map { e in
            let status = library.status(of: e.document, at: context.asOf).status
            return QuestionBankData.Item(
                id: e.anchor, url: feeds.absolute(SitePath.questionBank) + "#" + e.anchor, question: e.question,
                answer: e.answer, topic: e.topic, position: e.position,
                document: .init(
                    id: e.document.id, title: e.document.title, number: Nullable(e.document.number),
                    topics: e.document.topics, status: status.rawValue, status_text: status.chinese,
                    url: feeds.absolute(SitePath.document(e.document.id))),
                interpretation: .init(
                    id: e.interpretation.id, title: e.interpretation.title,
                    published: e.interpretation.published.description,
                    url: feeds.absolute(SitePath.interpretation(e.interpretation))))
        }
        var data = try JSONEncoder.stable.encode(
            QuestionBankData(
                generated_as_of: context.asOf.description, count: items.count,
                questions: items))
        data.append(0x0A)
        return OutputFile(SitePath.questionBankData, .data(data))
    }
}

/// The shape of `qa.json` (docs/open-data.md). Field names are the file's keys.
struct QuestionBankData: Encodable {
    struct Item: Encodable {
        let id, url, question, answer, topic: String
        let position: Int
        let document: Document
        let interpretation: Interpretation
    }

    package struct Document: Encodable {
        let id, title: String
        /// Written as `null` when absent: consumers read every key of every entry.
        let number: Nullable<String>
        let topics: [String]
        let status, status_text, url: String
    }

    struct Interpretation: Encodable {
        let id, title, published, url: String
    }

    var version = 1
    let generated_as_of: String
    let count: Int
    let questions: [Item]
}
