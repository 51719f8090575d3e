import PolicyCore

/// PM004: a link to another document's page (`/d/<id>/`) names a document of the library.
struct DocumentLinksResolve: Rule {
    static let scope = RuleScope.library
    static let descriptor = RuleDescriptor(
        code: "PM004", name: "broken-document-link", severity: .error,
        summary: "A body link /d/<id>/ points at a document that is not in the library.",
        fix: "文件之间的链接写作 [《标题》](/d/文件编号/)，编号即文件夹名。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let ids = context.library.bundleIDs
        let bodies =
            context.library.documents.flatMap { [($0.source, $0.bodyFacts)] + $0.interpretations.map { ($0.source, $0.bodyFacts) } }
            + context.library.cleanups.map { ($0.source, $0.bodyFacts) }
        for (source, facts) in bodies {
            for ref in facts.references {
                guard let id = BundleLink.documentID(ref.url), !ids.contains(id) else { continue }
                let hint = Suggest.nearest(id, in: Array(ids)).map { "是否应为 /d/\($0)/？" } ?? ""
                found.append(
                    finding(
                        source.location(line: ref.line, column: ref.column),
                        "链接“\(ref.url)”指向的文件“\(id)”不存在。\(hint)"))
            }
        }
        return found
    }
}
