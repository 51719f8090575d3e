import PolicyCore
import PolicyLoad

/// PS003: a public page may not point at a document that is not public: the link would be
/// dead, and its id and title would leak what is withheld. Public pages are those of the
/// 主动公开 documents (their bodies, interpretations, `supersedes`, `repealed.by`) and the
/// cleanup batches (their bodies and results). A page already out that links to a document
/// scheduled after the as-of day is a warning: until that day the link is dead and shows
/// the id of what is not yet published.
struct NoLinkToWithheld: Rule {
    static let scope = RuleScope.library
    static let descriptor = RuleDescriptor(
        code: "PS003", name: "link-to-withheld", severity: .error,
        summary:
            "A public page (body link /d/<id>/, supersedes, repealed.by, a cleanup result) points at a document whose disclosure is not 主动公开; a warning when a page already published links to a document scheduled after --as-of.",
        fix: "删去指向不公开文件的链接或引用，或核对被引用文件的 disclosure。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        let library = context.library
        let withheld = Set(library.documents.filter { !$0.disclosure.isPublic }.map(\.id))
        let asOf = context.asOf
        let scheduled = Set(library.documents.filter { $0.disclosure.isPublic && $0.published > asOf }.map(\.id))
        guard !withheld.isEmpty || !scheduled.isEmpty else { return [] }
        let describe = { (id: String) -> String in
            let doc = library.document(id)!
            return "\(doc.quotedTitle)（\(doc.bundlePath)，\(doc.disclosure.rawValue)）"
        }
        var found: [Diagnostic] = []
        func bodyLinks(_ source: SourceFile, _ facts: BodyFacts, published: CalendarDate) {
            for ref in facts.references {
                guard let id = BundleLink.documentID(ref.url) else { continue }
                let location = source.location(line: ref.line, column: ref.column)
                if withheld.contains(id) {
                    found.append(finding(location, "公开页面链接到不公开的文件 \(describe(id))：“\(ref.url)”。"))
                } else if scheduled.contains(id), published <= asOf, let target = library.document(id) {
                    found.append(
                        finding(
                            location, "链接“\(ref.url)”指向定于 \(target.published) 发布的\(target.quotedTitle)：在此之前该链接无法打开，并会提前显示其编号。",
                            fix: "待该文件发布后再加入链接，或将本文件的 published 推迟到同日。", severity: .warning))
                }
            }
        }
        for doc in library.documents where doc.disclosure.isPublic {
            let fm = doc.source.frontMatter
            bodyLinks(doc.source, doc.bodyFacts, published: doc.published)
            for item in doc.interpretations { bodyLinks(item.source, item.bodyFacts, published: item.published) }
            for old in doc.supersedes where withheld.contains(old) {
                found.append(
                    finding(
                        fm?.location(of: "supersedes") ?? doc.source.location(),
                        "\(doc.quotedTitle)的 supersedes 引用了不公开的文件 \(describe(old))。"))
            }
            if let by = doc.repeal?.by, withheld.contains(by) {
                found.append(
                    finding(
                        fm?.mapping("repealed")?.location(of: "by") ?? doc.source.location(),
                        "\(doc.quotedTitle)的 repealed.by 引用了不公开的文件 \(describe(by))。"))
            }
        }
        for batch in library.cleanups {
            bodyLinks(batch.source, batch.bodyFacts, published: batch.published)
            for result in batch.results where withheld.contains(result.document) {
                found.append(finding(result.location, "清理结果《\(batch.title)》列出了不公开的文件 \(describe(result.document))。"))
            }
        }
        return found
    }
}
