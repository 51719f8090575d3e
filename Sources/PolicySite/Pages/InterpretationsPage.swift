import PolicyCore
import PolicyModel
import PolicyWrite

/// `interpretations/`: every interpretation grouped by form (文字, 问答, 图解, 视频, 新闻发布会,
/// 访谈, 动漫, 场景演示, 音频) with counts — the variety of 解读 the rules ask a bureau to offer.
struct InterpretationsPage {
    struct Context: Encodable {
        let page: PageChrome
        let title: String
        let total: Int
        /// Every form with its count, for the summary (forms without any show 0).
        let forms: [FormCount]
        let groups: [FormGroup]
    }

    struct FormCount: Encodable {
        let label: String
        let count: Int
        /// `#form-video`, nil when the form has none.
        let target: String?
    }

    struct FormGroup: Encodable {
        let label: String
        let groupAnchor: String
        let count: Int
        let items: [Item]
    }

    struct Item: Encodable {
        let title: String
        let href: String
        let published: DateText
        /// `含字幕和文字实录`, `含图片文字说明` — what makes the media accessible.
        let access: String?
        let document: DocumentLink
    }

    let context: SiteContext

    func render() throws -> String {
        let directory = SitePath.interpretations
        let link = Linker(page: directory)
        let all = context.library.documents.flatMap { d in d.interpretations.map { (document: d, interpretation: $0) } }
            .sorted { a, b in
                if a.interpretation.published != b.interpretation.published { return a.interpretation.published > b.interpretation.published }
                return (a.document.id, a.interpretation.id) < (b.document.id, b.interpretation.id)
            }
        let groups = InterpretationForm.allCases.compactMap { form -> FormGroup? in
            let items = all.filter { $0.interpretation.form == form }.map { pair in
                Item(
                    title: pair.interpretation.title, href: link.href(SitePath.interpretation(pair.interpretation)),
                    published: DateText(pair.interpretation.published), access: access(pair.interpretation),
                    document: context.documentLink(pair.document, from: link))
            }
            return items.isEmpty
                ? nil
                : FormGroup(
                    label: form.chinese, groupAnchor: "form-\(form.rawValue)",
                    count: items.count, items: items)
        }
        let forms = InterpretationForm.allCases.map { form in
            let n = all.filter { $0.interpretation.form == form }.count
            return FormCount(label: form.chinese, count: n, target: n == 0 ? nil : "#form-\(form.rawValue)")
        }
        let title = "政策解读"
        let ctx = Context(
            page: context.chrome(directory, title: title, crumbs: [(title, nil)]), title: title,
            total: all.count, forms: forms, groups: groups)
        return try context.page(directory, template: "interpretations", ctx)
    }

    /// What the interpretation page offers besides the media itself.
    private func access(_ i: Interpretation) -> String? {
        guard let media = i.media else { return nil }
        if i.form.isVideo || (media.file.map(MediaFile.isVideo) ?? false) {
            let parts = [media.captions.map { _ in "字幕" }, media.transcript.map { _ in "文字实录" }].compactMap { $0 }
            return parts.isEmpty ? nil : "含" + parts.joined(separator: "和")
        }
        return media.alt == nil ? nil : "含图片文字说明"
    }
}
