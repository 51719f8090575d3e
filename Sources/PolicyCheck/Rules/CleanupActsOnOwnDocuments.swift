import PolicyCore

/// PR005: a bureau cleans up its own documents. A batch (issued by the site's issuer) that
/// rules on a document issued only by other organs is probably a mistake — or a note on
/// someone else's decision, which belongs in the body, not in `results`.
struct CleanupActsOnOwnDocuments: Rule {
    static let scope = RuleScope.library
    static let descriptor = RuleDescriptor(
        code: "PR005", name: "cleanup-other-issuer", severity: .warning,
        summary: "A cleanup batch rules on a document none of whose issuers is the site's issuer.",
        fix: "清理结果只列本机关（site.yml 的 issuer）制发或联合制发的文件；其他机关的文件由制发机关清理。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        let own = context.site.issuer
        guard !own.isEmpty else { return [] }
        var found: [Diagnostic] = []
        for batch in context.library.cleanups {
            for result in batch.results {
                guard let doc = context.library.document(result.document), !doc.issuers.contains(own) else { continue }
                found.append(
                    finding(
                        result.location,
                        "《\(batch.title)》对\(doc.quotedTitle)作出“\(result.outcome.rawValue)”的结论，但该文件由\(doc.issuers.joined(separator: "、"))制发，不是\(own)。"))
            }
        }
        return found
    }
}
