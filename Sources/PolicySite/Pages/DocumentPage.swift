import PolicyCore
import PolicyModel
import PolicyWrite

/// `d/<id>/`: one document with everything known about it — headnote, status and why,
/// metadata, the official text, files, interpretations, versions, repeals and cleanups.
struct DocumentPage {
    struct Context: Encodable {
        let page: PageChrome
        let title: String
        let kind: String
        /// 题注, regulations only.
        let headnote: String?
        let badge: Badge
        /// For documents no longer in force: what to read instead. One per day the notice
        /// changes: the build date's first, shown; then each later status change's, hidden
        /// until status-live.js finds the reader's day has reached it.
        let notices: [Notice]
        let meta: Meta
        let bodyHTML: String
        /// 目录: the chapters (编 or 章) and their sections, for a text with two or more.
        let toc: NonEmptyList<TOCEntry>?
        /// The official version first, then the attachments.
        let files: NonEmptyList<FileLink>?
        let interpretations: NonEmptyList<InterpretationLink>?
        /// 相关问答: every Q&A entry concerning it, from its Q&A interpretations and from
        /// the hotline, mailbox and other channels.
        let questions: NonEmptyList<QuestionLink>?
        /// The view of the Q&A library by document, at this document's group.
        let questionsHref: String
        /// The exemption decision, stated publicly: who approved it, when and why.
        let exempt: String?
        /// The nearest versions around this one (`Library.nearestVersions`), oldest first; nil
        /// when the document has no other version.
        let versions: NonEmptyList<Version>?
        /// The chain's own page, when `versions` does not list the whole chain.
        let allVersions: ChainLink?
        /// Documents this one repeals (their `repealed.by` names it).
        let repeals: NonEmptyList<DocumentLink>?
        let repealedBy: DocumentLink?
        let repealNote: String?
        let cleanups: NonEmptyList<CleanupEntry>?
        /// 收录日期 and 最近更新 from git; nil outside a git repository. Never commit messages.
        let history: History?
        /// 修订记录: the bundle's curated `changes:` list, newest first.
        let changes: NonEmptyList<Change>?
        /// schema.org `Legislation` JSON-LD and Dublin Core meta tags for the `<head>`.
        let linkedData: LinkedData
        /// For a revised document: its 新旧对照 with each later version, beside the status.
        let statusComparisons: NonEmptyList<LinkItem>?
        /// 上位文件: the documents this one implements (`implements:`), in any bureau's library.
        let implements: NonEmptyList<Related>?
        /// 下级配套文件: the documents that implement this one.
        let implementedBy: NonEmptyList<Related>?
    }

    /// A document linked by `implements:`, with the bureau that issued it.
    struct Related: Encodable {
        let title: String
        let href: String
        let number: String?
        let issuer: String?
    }

    /// One entry of 相关问答: its question, where it is read, its channel and day.
    struct QuestionLink: Encodable {
        let question: String
        let href: String
        let channel: String
        let answered: DateText
    }

    /// A chapter in the table of contents, with its sections (章 under 编, or 节 under 章).
    struct TOCEntry: Encodable {
        let title: String
        let href: String
        let sections: NonEmptyList<LinkItem>?
    }

    struct History: Encodable {
        let added: DateText
        let updated: DateText
    }

    struct Change: Encodable {
        let date: DateText
        let note: String
    }

    /// The metadata table's values; lists are joined with `、`.
    struct Meta: Encodable {
        /// 索引号.
        let indexNumber: String?
        /// 公开方式 (always 主动公开 on the site, stated as the catalogue does).
        let disclosure: String
        /// 发文机关.
        let issuers: String?
        let number: String?
        /// 令号 for a regulation (its number is an order number), 发文字号 otherwise.
        let numberLabel: String
        let signed: DateText
        let published: DateText
        let effective: DateText
        let expires: DateText?
        let topics: String?
        let keywords: String?
        let office: String?
        /// 修正记录: amendments by separate decisions (`amended_by`), oldest first.
        let amendments: NonEmptyList<Amendment>?
    }

    struct Amendment: Encodable {
        let date: DateText
        /// `示例省人民政府令第250号《……的决定》`: the decision's number and title, as given.
        let decision: String
    }

    struct Notice: Encodable {
        /// The first day this notice holds (only when the page carries later ones).
        let from: String?
        /// Hidden as built: a later day's notice (until its day), or an empty one.
        let isHidden: Bool
        /// Nil for a day on which no notice is due (the document is in force, or not yet).
        let text: String?
        /// The repealing or revising document, the version in force, the cleanup batch.
        let links: NonEmptyList<LinkItem>?

        init(from: String?, isLater: Bool, text: String?, links: NonEmptyList<LinkItem>?) {
            self.from = from
            self.isHidden = isLater || text == nil
            self.text = text
            self.links = links
        }
    }

    struct FileLink: Encodable {
        let label: String
        let href: String
        /// `PDF`, `CSV`… from the file extension.
        let type: String?
        let isOfficial: Bool
    }

    struct InterpretationLink: Encodable {
        let title: String
        let href: String
        let form: String
        let published: DateText
        /// 与文件同步发布, or how many working days after the document.
        let timing: String
    }

    struct Version: Encodable {
        let link: DocumentLink
        let isSelf: Bool
        /// `上一版本` / `下一版本` for direct neighbours, nil otherwise.
        let relation: String?
        /// The 新旧对照 page of this document and a direct neighbour, nil otherwise.
        let compareHref: String?
    }

    struct ChainLink: Encodable {
        let href: String
        /// Versions in the whole chain.
        let count: Int
    }

    struct CleanupEntry: Encodable {
        let batch: String
        let href: String
        let result: String
        let note: String?
        let effective: DateText
    }

    let context: SiteContext
    let document: Document

    func render() throws -> String {
        let d = document
        let directory = SitePath.document(d.id)
        let link = Linker(page: directory)
        let library = context.library
        let chain = library.versionChain(of: d)
        let nearest = library.nearestVersions(of: d, in: chain)
        let versions =
            chain.count < 2
            ? []
            : nearest.map { v in
                Version(
                    link: context.documentLink(v, from: link), isSelf: v.id == d.id,
                    relation: d.supersedes.contains(v.id) ? "上一版本" : v.supersedes.contains(d.id) ? "下一版本" : nil,
                    compareHref: d.supersedes.contains(v.id)
                        ? link.href(SitePath.comparison(old: v.id, new: d.id))
                        : v.supersedes.contains(d.id) ? link.href(SitePath.comparison(old: d.id, new: v.id)) : nil)
            }
        let laterVersions = (library.supersededBy[d.id] ?? []).sorted().compactMap(library.document)
        let description =
            "\(d.quotedTitle)\(d.number.map { "（\($0)）" } ?? "")，\(joined(d.issuers).map { $0 + "于" } ?? "")\(d.published.chinese)发布，自\(d.effective.chinese)起施行。"
        let (body, outline) = BodyRenderer(context: context).officialText(
            d.body, sourceDirectory: bundlePath + "/", page: link, topLevel: 3)
        let ctx = Context(
            page: context.chrome(
                directory, title: d.title, crumbs: [(d.kind.libraryName, SitePath.library(d.kind)), (d.title, nil)],
                about: PageAbout(
                    description: description, keywords: d.keywords.isEmpty ? d.topics : d.keywords,
                    article: .init(
                        title: d.title, published: d.published,
                        source: joined(d.issuers) ?? context.site.sponsor ?? context.site.title))),
            title: d.title, kind: d.kind.chinese, headnote: library.headnote(of: d), badge: context.badge(d),
            notices: notices(link),
            meta: Meta(
                indexNumber: d.indexNumber, disclosure: d.disclosure.rawValue, issuers: joined(d.issuers), number: d.number,
                numberLabel: d.kind == .regulation ? "令号" : "发文字号", signed: DateText(d.signed),
                published: DateText(d.published), effective: DateText(d.effective),
                expires: d.expires.map(DateText.init), topics: joined(d.topics), keywords: joined(d.keywords),
                office: d.office,
                amendments: .of(
                    d.amendments.map { a in
                        Amendment(date: DateText(a.date), decision: a.citation)
                    })),
            bodyHTML: body, toc: .of(tableOfContents(outline)),
            files: .of(files(link)),
            interpretations: .of(
                d.interpretations.map { i in
                    InterpretationLink(
                        title: i.title, href: link.href(SitePath.interpretation(i)), form: i.form.chinese,
                        published: DateText(i.published), timing: library.timing(of: i, in: d).chinese)
                }),
            questions: .of(
                (context.questionsByDocument[d.id] ?? []).map { e in
                    QuestionLink(
                        question: e.question, href: QuestionBankPage.href(e, link), channel: e.channel.rawValue,
                        answered: DateText(e.answered))
                }),
            questionsHref: link.href(SitePath.questionsByDocument) + "#d-" + d.id,
            exempt: d.exempt?.chinese, versions: .of(versions),
            allVersions: nearest.count < chain.count
                ? library.chainID(of: chain).map { ChainLink(href: link.href(SitePath.versionChain($0)), count: chain.count) }
                : nil,
            repeals: .of((library.repeals[d.id] ?? []).sorted().compactMap(library.document).map { context.documentLink($0, from: link) }),
            repealedBy: d.repeal?.by.flatMap(library.document).map { context.documentLink($0, from: link) },
            repealNote: d.repeal?.note,
            cleanups: .of(
                (library.cleanupResults[d.id] ?? []).map { entry in
                    CleanupEntry(
                        batch: entry.batch.title, href: link.href(SitePath.cleanup(entry.batch.id)),
                        result: entry.result.outcome.rawValue, note: entry.result.note,
                        effective: DateText(entry.batch.effective))
                }),
            history: context.history.bundle(bundlePath).map { h in
                History(added: DateText(h.added), updated: DateText(h.updated))
            },
            changes: .of(d.changes.map { Change(date: DateText($0.date), note: $0.note) }),
            linkedData: LinkedData(context: context, document: d),
            statusComparisons: .of(
                laterVersions.map { later in
                    LinkItem(
                        label: "新旧对照：与修订后的\(later.quotedTitle)\(later.number.map { "（\($0)）" } ?? "")比较",
                        href: link.href(SitePath.comparison(old: d.id, new: later.id)))
                }),
            implements: .of(related(library.implementation[d.id]?.implements ?? [], link)),
            implementedBy: .of(related(library.implementation[d.id]?.implementedBy ?? [], link)))
        return try context.page(directory, template: "document", ctx)
    }

    private func related(_ linked: [ImplementationLinks.Linked], _ link: Linker) -> [Related] {
        linked.map { Related(title: $0.title, href: link.href($0.path), number: $0.number, issuer: $0.issuer.isEmpty ? nil : $0.issuer) }
    }

    /// The bundle's real folder (the front matter's `kind` may differ from the folder).
    private var bundlePath: String {
        context.raw.bundle(id: document.id)?.path ?? document.bundlePath
    }

    private func files(_ link: Linker) -> [FileLink] {
        let published = Set(context.publishedFiles(of: document))
        var files: [FileLink] = []
        if let official = document.official, published.contains(official) {
            files.append(
                FileLink(
                    label: "正式版本", href: link.href(SitePath.bundleFile(document.id, official)),
                    type: fileType(official), isOfficial: true))
        }
        for a in document.attachments where published.contains(a.file) {
            files.append(
                FileLink(
                    label: a.title, href: link.href(SitePath.bundleFile(document.id, a.file)),
                    type: fileType(a.file), isOfficial: false))
        }
        return files
    }

    /// The notice of the build date and, for a document whose status still changes
    /// (`LiveStatuses`), the notice of each later change, so a page read after the change
    /// says what the badge says. Empty when no notice is ever due.
    private func notices(_ link: Linker) -> [Notice] {
        let later = context.live.changes(of: document).map(\.date)
        guard !later.isEmpty else { return notice(link, at: context.asOf, from: nil, isLater: false).map { [$0] } ?? [] }
        let dated = [(context.asOf, false)] + later.map { ($0, true) }
        let all = dated.map { day, isLater in
            notice(link, at: day, from: day.description, isLater: isLater)
                ?? Notice(from: day.description, isLater: isLater, text: nil, links: nil)
        }
        return all.contains { $0.text != nil } ? all : []
    }

    /// What replaced the document and who said so (`Library.statusNotice`) on `day`: the
    /// repealing or revising document, the cleanup batch that announced the result, the
    /// version in force.
    private func notice(_ link: Linker, at day: CalendarDate, from: String?, isLater: Bool) -> Notice? {
        guard let facts = context.library.statusNotice(of: document, at: day) else { return nil }
        var links: [LinkItem] = []
        let current = facts.currentVersion
        // Versions of one text share a title: the number tells them apart.
        let cited = { (d: Document) in d.quotedTitle + (d.number.map { "（\($0)）" } ?? "") }
        if let by = facts.endedBy {
            let role = facts.status == .repealed ? "废止文件" : "修订文件"
            let label = by.id == current?.id ? "\(role)（现行版本）" : role
            links.append(LinkItem(label: "\(label)：\(cited(by))", href: link.href(SitePath.document(by.id))))
        }
        if let current, current.id != facts.endedBy?.id {
            links.append(LinkItem(label: "现行版本：\(cited(current))", href: link.href(SitePath.document(current.id))))
        }
        if let batch = facts.announcedBy {
            let role = facts.status == .repealed ? "公布废止的清理结果" : "宣布失效的清理结果"
            links.append(LinkItem(label: "\(role)：《\(batch.title)》", href: link.href(SitePath.cleanup(batch.id))))
        }
        let since = facts.since.map { "自\($0.chinese)起" } ?? ""
        let replacementInForce =
            current != nil || facts.endedBy.map { context.library.status(of: $0, at: day).status.isCurrent } == true
        let text = "本文件\(since)\(facts.status.chinese)，仅供查阅。" + (replacementInForce ? "请以现行文件为准。" : "")
        return Notice(from: from, isLater: isLater, text: text, links: .of(links))
    }

    /// The outline's top level (编 if the text has parts, else 章) with the level below.
    private func tableOfContents(_ outline: BodyOutline) -> [TOCEntry] {
        guard outline.hasTableOfContents else { return [] }
        let top = outline.headings.map(\.level).min() ?? 1
        var entries: [(heading: BodyOutline.Heading, sections: [LinkItem])] = []
        for h in outline.headings {
            if h.level == top {
                entries.append((h, []))
            } else if h.level == top + 1, !entries.isEmpty {
                entries[entries.count - 1].sections.append(LinkItem(label: h.title, href: "#" + h.anchor))
            }
        }
        return entries.map { TOCEntry(title: $0.heading.title, href: "#" + $0.heading.anchor, sections: .of($0.sections)) }
    }

    private func joined(_ items: [String]) -> String? { items.isEmpty ? nil : items.joined(separator: "、") }

    private func fileType(_ file: String) -> String? {
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return nil }
        return file[file.index(after: dot)...].uppercased()
    }
}
