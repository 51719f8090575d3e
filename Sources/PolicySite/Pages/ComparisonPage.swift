import PolicyCore
import PolicyModel
import PolicyWrite

/// `d/<new>/compare/<old>/`: 新旧对照 of two versions, side by side. Changes within an
/// article are `<del>`/`<ins>` with a visually hidden 删除：/新增： for screen readers (not
/// colour alone); runs of unchanged articles fold into a `<details>`, so no script is needed.
struct ComparisonPage {
    struct Context: Encodable {
        let page: PageChrome
        let title: String
        let oldDocument: DocumentLink
        let newDocument: DocumentLink
        let tallies: [Tally]
        let blocks: [Block]
        /// True when the two texts say the same, article for article.
        let identical: Bool
    }

    struct Tally: Encodable {
        let label: String
        let count: Int
    }

    /// One entry of the comparison: a changed, added, removed or moved article, or a run of
    /// unchanged ones (exactly one of the two is set).
    struct Block: Encodable {
        let change: ChangeBlock?
        let unchanged: UnchangedRun?
    }

    struct ChangeBlock: Encodable {
        /// `changed`, `added`, `removed`, `moved` — a CSS class suffix.
        let code: String
        /// 修改, 新增, 删除, 移动.
        let kind: String
        /// `原第五条 → 第六条`, `第九条`.
        let heading: String
        let anchor: String
        let notes: [String]
        let oldSide: Side?
        let newSide: Side?
    }

    struct Side: Encodable {
        /// `原文件 第五条`.
        let label: String
        /// The article on its document's page.
        let articleHref: String?
        let textHTML: String
    }

    struct UnchangedRun: Encodable {
        /// `未修改：第一条至第四条（4 条）`.
        let summary: String
        let items: [UnchangedItem]
    }

    struct UnchangedItem: Encodable {
        /// `第六条（原第五条）`.
        let label: String
        /// The article on the new and on the old document's page.
        let articleHref: String?
        let oldArticle: LinkItem?
        let textHTML: String
    }

    let context: SiteContext
    let pair: Library.VersionPair
    let diff: ArticleDiff

    /// Where each version's articles are on its page: the page's link and its outline.
    private struct ArticlePlaces {
        let documentHref: String
        let outline: BodyOutline

        /// The link to the article labelled `label`, nil when the page has no such anchor.
        func href(_ label: String) -> String? {
            guard let anchor = BodyOutline.articleAnchor(label: label),
                outline.articles.contains(where: { $0.anchor == anchor })
            else { return nil }
            return documentHref + "#" + anchor
        }
    }

    private var linker: Linker { Linker(page: SitePath.comparison(old: pair.old.id, new: pair.new.id)) }

    private func places(_ document: Document) -> ArticlePlaces {
        ArticlePlaces(documentHref: linker.href(SitePath.document(document.id)), outline: BodyOutline(document.bodyFacts))
    }

    func render() throws -> String {
        let directory = SitePath.comparison(old: pair.old.id, new: pair.new.id)
        let link = Linker(page: directory)
        let title = "新旧对照：\(pair.new.quotedTitle)"
        let ctx = Context(
            page: context.chrome(
                directory, title: title,
                crumbs: [
                    (pair.new.kind.libraryName, SitePath.library(pair.new.kind)),
                    (pair.new.title, SitePath.document(pair.new.id)), ("新旧对照", nil),
                ]),
            title: title,
            oldDocument: context.documentLink(pair.old, from: link),
            newDocument: context.documentLink(pair.new, from: link),
            tallies: [
                ("修改", diff.count(.changed)), ("新增", diff.count(.added)), ("删除", diff.count(.removed)),
                ("未修改", diff.count(.unchanged)),
            ].map { Tally(label: $0.0, count: $0.1) },
            blocks: blocks(), identical: diff.isIdentical)
        return try context.page(directory, template: "compare", ctx)
    }

    private func blocks() -> [Block] {
        let (old, new) = (places(pair.old), places(pair.new))
        var blocks: [Block] = []
        var run: [ArticleDiff.Row] = []
        func flush() {
            guard !run.isEmpty else { return }
            blocks.append(Block(change: nil, unchanged: unchangedRun(run, old: old, new: new)))
            run = []
        }
        for (k, row) in diff.rows.enumerated() {
            if row.change == .unchanged && !row.moved {
                run.append(row)
                continue
            }
            flush()
            blocks.append(Block(change: changeBlock(row, anchor: "a\(k + 1)", old: old, new: new), unchanged: nil))
        }
        flush()
        return blocks
    }

    private func changeBlock(_ row: ArticleDiff.Row, anchor: String, old: ArticlePlaces, new: ArticlePlaces) -> ChangeBlock {
        let (code, kind): (String, String) =
            switch row.change {
            case .changed: ("changed", "修改")
            case .added: ("added", "新增")
            case .removed: ("removed", "删除")
            case .unchanged: ("moved", "移动")
            }
        var notes: [String] = []
        if row.moved { notes.append("条文位置调整") } else if row.renumbered { notes.append("条文序号调整") }
        if let source = row.takenFrom { notes.append("内容主要来自原\(source.label)") }
        if let target = row.mergedInto { notes.append("内容已并入新\(target.label)") }
        let oldHTML = row.change == .changed ? ComparisonPage.html(row.segments, keep: .deleted) : row.old.map { ComparisonPage.html($0.text) }
        let newHTML = row.change == .changed ? ComparisonPage.html(row.segments, keep: .inserted) : row.new.map { ComparisonPage.html($0.text) }
        return ChangeBlock(
            code: code, kind: kind, heading: heading(row), anchor: anchor, notes: notes,
            oldSide: row.old.map { Side(label: "原文件 \($0.label)", articleHref: old.href($0.label), textHTML: oldHTML ?? "") },
            // A moved article reads the same on both sides: show it once.
            newSide: row.change == .unchanged
                ? nil : row.new.map { Side(label: "新文件 \($0.label)", articleHref: new.href($0.label), textHTML: newHTML ?? "") })
    }

    private func heading(_ row: ArticleDiff.Row) -> String {
        switch (row.old, row.new) {
        case let (old?, new?): old.label == new.label ? new.label : "原\(old.label) → \(new.label)"
        case let (old?, nil): "原\(old.label)"
        case let (nil, new?): new.label
        case (nil, nil): ""
        }
    }

    private func unchangedRun(_ rows: [ArticleDiff.Row], old oldPlaces: ArticlePlaces, new newPlaces: ArticlePlaces) -> UnchangedRun {
        UnchangedRun(
            summary: "未修改：\(ArticleDiff.describeRun(rows))",
            items: rows.compactMap { row in
                guard let new = row.new else { return nil }
                let label = row.renumbered ? "\(new.label)（原\(row.old!.label)）" : new.label
                let oldArticle = row.old.flatMap { o in oldPlaces.href(o.label).map { LinkItem(label: "原文件\(o.label)", href: $0) } }
                return UnchangedItem(
                    label: label, articleHref: newPlaces.href(new.label), oldArticle: oldArticle,
                    textHTML: ComparisonPage.html(new.text))
            })
    }

    // MARK: - Markup

    /// One side of an inline diff: equal text plus the side's own changes, marked.
    static func html(_ segments: [CharacterDiff.Segment], keep: CharacterDiff.Segment.Kind) -> String {
        segments.filter { $0.kind == .equal || $0.kind == keep }.map { s in
            switch s.kind {
            case .equal: return text(s.text)
            case .deleted: return mark(s.text, "del", "删除：")
            case .inserted: return mark(s.text, "ins", "新增：")
            }
        }.joined()
    }

    /// Each line of a change in its own element, the line breaks between them.
    private static func mark(_ plain: String, _ element: String, _ spoken: String) -> String {
        plain.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.isEmpty ? "" : "<\(element)><span class=\"visually-hidden\">\(spoken)</span>\(text(String(line)))</\(element)>"
        }.joined(separator: "<br>")
    }

    static func html(_ plain: String) -> String { text(plain) }

    /// Escaped text with line breaks kept (an article's paragraphs).
    private static func text(_ plain: String) -> String {
        MarkupEscape.text(plain, newline: "<br>")
    }
}
